import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCorpusDir, projectRoot } from "../../src/paths.js";
import { ensureBuilt } from "../core/helpers.js";
import { closedPort } from "../support/closed-port.js";
import { APPLICATION_ID, DiscordStandIn } from "./stand-in.js";

/** `npm run discord:register` as a user runs it: one line on success, one line and no stack trace on failure. */
const TOKEN = "r".repeat(60);
const REFUSED = "x".repeat(60);

let standIn: DiscordStandIn;
let folder: string;
beforeAll(async () => {
  ensureBuilt();
  standIn = await new DiscordStandIn().start();
  standIn.refusedTokens.add(REFUSED);
  // An empty working directory: no .env of the developer's is read.
  folder = mkdtempSync(join(tmpdir(), "kubecon-register-"));
});
afterAll(async () => {
  await standIn.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the script with these variables (asynchronously: the stand-in answers from this process). */
function register(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(projectRoot(), "dist", "adapters", "discord", "register.js")], {
    cwd: folder,
    env: { PATH: process.env.PATH, CORPUS_DIR: defaultCorpusDir(), DATA_DIR: join(folder, "data"), ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run discord:register", () => {
  it("registers /kubecon (and the message command) and says so in one line", async () => {
    const run = await register({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standIn.apiUrl });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(
      new RegExp(`^Registered 2 commands \\(/kubecon with \\d+ subcommands\\) for application ${APPLICATION_ID}, globally \\(Discord may take up to an hour to show it everywhere\\)\\.\\n$`),
    );
    expect(standIn.requests.at(-1)).toMatchObject({ method: "PUT", path: `/applications/${APPLICATION_ID}/commands` });
    // Listing the commands opens no store: no SQLite file (nor DATA_DIR itself) is made.
    expect(existsSync(join(folder, "data"))).toBe(false);
  });

  it("a refused token, an unreachable Discord and a missing token: one line each, no stack trace", async () => {
    const runs = await Promise.all([
      register({ DISCORD_TOKEN: REFUSED, DISCORD_API_URL: standIn.apiUrl }),
      register({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `http://127.0.0.1:${await closedPort()}/api` }),
      register({}),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    }
    expect(runs.map((run) => run.stderr.trim())).toEqual([
      "discord:register: Discord refused to start (401: Unauthorized): check DISCORD_TOKEN.",
      expect.stringMatching(/^discord:register: cannot reach Discord \(ECONNREFUSED\): check the network, and DISCORD_API_URL if set\.$/),
      "discord:register: DISCORD_TOKEN is not set: set it to the bot token from the Discord application's Bot page (in the environment or .env; see .env.example)",
    ]);
  });
});
