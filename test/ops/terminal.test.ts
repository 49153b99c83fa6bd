import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { FORCED_EXIT_CODE } from "../../src/health/shutdown.js";
import { defaultCorpusDir, projectRoot } from "../../src/paths.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { BotProcess } from "../support/bot-process.js";
import { freePort } from "../support/free-port.js";

/** `npm start` as someone runs it at a terminal: Discord over HTTP, its REST calls to a stand-in on loopback. */
const { publicKey } = generateKeyPairSync("ed25519");
const folder = mkdtempSync(join(tmpdir(), "kubecon-terminal-"));
const env = (port: number, apiUrl = "http://127.0.0.1:9") => ({
  PATH: process.env.PATH,
  LOG_LEVEL: "info",
  PORT: String(port),
  CORPUS_DIR: defaultCorpusDir(),
  DATA_DIR: join(folder, "data"),
  DISCORD_TOKEN: "t".repeat(60),
  DISCORD_PUBLIC_KEY: publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"),
  DISCORD_API_URL: apiUrl,
});
const main = join(projectRoot(), "dist", "src", "main.js");

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function listening(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => resolve(server));
  });
}


describe("the bot process at a terminal (dist/src/main.js)", () => {
  it("a port already taken: one line naming it and what to do, and exit 78 like every start error", { timeout: 60_000 }, async () => {
    const other = await listening();
    cleanup.push(() => void other.close());
    const port = (other.address() as { port: number }).port;
    const child = spawn(process.execPath, [main], { cwd: folder, env: env(port), stdio: ["ignore", "ignore", "pipe"] });
    cleanup.push(() => void child.kill("SIGKILL"));
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    expect(await exitOf(child)).toBe(78);
    const said = stderr.split("\n").filter((line) => line && !line.startsWith("{"));
    expect(said).toEqual([`kubecon-bot: port ${port} is in use: stop the other instance or set PORT`]);
  });

  it("`npm start 2>&1 | tee log`, then Ctrl-C: with its output a closed pipe, the bot still exits on SIGINT and SIGTERM", { timeout: 60_000 }, async () => {
    const discord = await new DiscordStandIn().start();
    cleanup.push(() => discord.stop());
    const port = await freePort();
    // Standard output and error are one pipe, as with 2>&1 into tee.
    const child = spawn("sh", ["-c", `exec "${process.execPath}" "${main}" 2>&1`], { cwd: folder, env: env(port, discord.apiUrl), stdio: ["ignore", "pipe", "ignore"] });
    cleanup.push(() => void child.kill("SIGKILL"));
    const exited = exitOf(child);
    // Ready when /readyz says so: polled, bounded by the test's timeout, never asserted in time.
    while ((await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 50));

    // tee dies with the Ctrl-C, which reaches the bot too: every write from now on meets a closed
    // pipe (EPIPE). Then a kill, as someone does when Ctrl-C seemed not to work.
    child.stdout!.destroy();
    child.kill("SIGINT");
    child.kill("SIGTERM");
    // Exited by itself (a hung bot is killed by the clean-up once the test's timeout has passed).
    expect([0, FORCED_EXIT_CODE]).toContain(await exited);
  });

  it("says at info, one line a component, what started", { timeout: 60_000 }, async () => {
    const bot = await new BotProcess().start();
    cleanup.push(() => bot.stop());
    await bot.logged("daily scheduler on, 0 subscriptions");
    const said = bot.lines.filter((line) => line.level === 30).map((line) => line.msg);
    const started = [`listening on :${bot.port}`, expect.stringMatching(/^corpus: 1 recap, \d+ talks$/), "Discord over HTTP interactions", "daily scheduler on, 0 subscriptions"];
    expect(said).toEqual(expect.arrayContaining(started));
  });

  it("LOG_FORMAT=pretty writes the same lines for a person, not JSON", { timeout: 60_000 }, async () => {
    const discord = await new DiscordStandIn().start();
    cleanup.push(() => discord.stop());
    const port = await freePort();
    const child = spawn(process.execPath, [main], { cwd: folder, env: { ...env(port, discord.apiUrl), LOG_FORMAT: "pretty" }, stdio: ["ignore", "ignore", "pipe"] });
    cleanup.push(() => void child.kill("SIGKILL"));
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const exited = exitOf(child);
    // The scheduler's line comes last (polled, bounded by the test's timeout); then Ctrl-C.
    while (!stderr.includes("daily scheduler on")) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    const lines = stderr.split("\n").filter(Boolean);
    expect(lines.filter((line) => line.startsWith("{"))).toEqual([]);
    expect(lines.find((line) => line.includes(`listening on :${port}`))).toMatch(/^\[[\d:.]+\] INFO: listening on :\d+ \{"port":\d+/);
  });

  it("two log lines into a pipe nobody reads any more, then exit: the process ends", { timeout: 60_000 }, async () => {
    const logger = pathToFileURL(join(projectRoot(), "dist", "src", "log", "logger.js")).href;
    // Two lines in one go: the second waits behind the first, which meets the closed pipe.
    const script = `const { createLogger } = await import(${JSON.stringify(logger)});
      process.stdin.once("data", () => { const log = createLogger("info"); log.info("first"); log.info("second"); process.exit(0); });`;
    const child = spawn("sh", ["-c", `exec "${process.execPath}" --input-type=module -e '${script}' 2>&1`], { stdio: ["pipe", "pipe", "ignore"] });
    cleanup.push(() => void child.kill("SIGKILL"));
    const exited = exitOf(child);
    child.stdout!.destroy();
    child.stdin!.write("go\n");
    expect(await exited).toBe(0);
  });
});
