import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCorpusDir, projectRoot } from "../../src/paths.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { freePort } from "../support/free-port.js";

/**
 * A corpus folder with no recap, or none that loads, is a service that answers "No talk matched" to
 * everyone: start refuses it unless ALLOW_EMPTY_CORPUS=1, and /readyz counts the sections.
 */

const root = mkdtempSync(join(tmpdir(), "kubecon-empty-corpus-"));
const discord = new DiscordStandIn();
beforeAll(() => discord.start());
afterAll(async () => {
  await discord.stop();
  rmSync(root, { recursive: true, force: true });
});

/** A corpus folder holding `files` (name → text). */
function corpus(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const main = join(projectRoot(), "dist", "src", "main.js");
const blank = { SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "", SLACK_SIGNING_SECRET: "", SLACK_CLIENT_ID: "", DISCORD_TOKEN: "", DISCORD_PUBLIC_KEY: "", DATABASE_URL: "" };

/** The service with Discord in HTTP mode, its REST calls to a stand-in on loopback. */
function serviceEnv(corpusDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...blank,
    LOG_LEVEL: "info",
    PORT: String(port),
    CORPUS_DIR: corpusDir,
    DATA_DIR: join(corpusDir, "..", `${corpusDir.split("/").at(-1)}-data`),
    DISCORD_TOKEN: "t".repeat(60),
    DISCORD_PUBLIC_KEY: "a".repeat(64),
    DISCORD_API_URL: discord.apiUrl,
    ...extra,
  };
}


describe("an empty corpus at start", () => {
  it.each([
    ["no recap at all", {}],
    ["only recaps that do not load", { "broken.md": "---\nid: [unclosed\n---\n\nText.\n" }],
  ])("with %s: exit 78 and one line naming the folder and ALLOW_EMPTY_CORPUS", async (name, files) => {
    const dir = corpus(name.replace(/\W+/g, "-"), files);
    for (const env of [serviceEnv(dir, await freePort()), { ...process.env, ...blank, CORPUS_DIR: dir, DATA_DIR: join(root, `${dir}-console`) }]) {
      const run = spawnSync(process.execPath, [main], { encoding: "utf8", input: "", timeout: 60_000, env });
      expect(run.status).toBe(78);
      const lines = run.stderr.trim().split("\n").filter((line) => !line.startsWith("{"));
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^kubecon-bot: the corpus in ${dir} has no section.*ALLOW_EMPTY_CORPUS=1`))]);
    }
  });

  it("with ALLOW_EMPTY_CORPUS=1 starts, and /readyz says 0 sections with 503", async () => {
    const dir = corpus("allowed", {});
    const port = await freePort();
    const child = spawn(process.execPath, [main], { env: serviceEnv(dir, port, { ALLOW_EMPTY_CORPUS: "1" }), stdio: ["ignore", "ignore", "pipe"] });
    try {
      let answer: { status: number; body: Record<string, any> } | undefined;
      // Polled until the corpus is read.
      while (!answer || answer.body.checks?.corpus === "indexing") {
        answer = await fetch(`http://127.0.0.1:${port}/readyz`).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }), () => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(answer.status).toBe(503);
      expect(answer.body.counts.sections).toBe(0);
      expect(answer.body.checks.corpus).toMatch(/no section/);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("/readyz counts the sections", () => {
  it("reports how many sections are served when the corpus is not empty", async () => {
    const dir = corpus("one-recap", {});
    copyFileSync(join(defaultCorpusDir(), "eu-2016-day-2.md"), join(dir, "eu-2016-day-2.md"));
    const port = await freePort();
    const child = spawn(process.execPath, [main], { env: serviceEnv(dir, port), stdio: ["ignore", "ignore", "pipe"] });
    try {
      let body: Record<string, any> | undefined;
      while (!body || body.checks?.corpus === "indexing") {
        body = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.json() as Promise<Record<string, any>>, () => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(body.checks.corpus).toBe("ok");
      expect(body.counts.sections).toBeGreaterThan(0);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
