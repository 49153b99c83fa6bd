import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FORCED_EXIT_CODE } from "../../src/health/shutdown.js";
import { defaultCorpusDir, projectRoot } from "../../src/paths.js";
import { commandInteraction, stringOption } from "../discord/payloads.js";
import { DiscordStandIn } from "../discord/stand-in.js";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
const RECAP = "eu-2016-day-2.md";
const NEW_RECAP = `---
id: eu-2030-notes
title: "KubeCon Europe 2030 - Notes"
event: "KubeCon + CloudNativeCon Europe 2030"
event_id: eu-2030
year: 2030
language: en
---

Zanzibarnetes operators at scale - Ada Lovelace, Example

- Zanzibarnetes runs operators for every cluster, and the team explained how they keep them upgraded.
`;

/** The real entry point, as the image runs it, with Discord in HTTP mode (its REST calls to a stand-in on loopback). */
class BotProcess {
  readonly folder = mkdtempSync(join(tmpdir(), "kubecon-process-"));
  readonly corpus = join(this.folder, "recaps");
  readonly lines: Record<string, unknown>[] = [];
  private child?: ChildProcess;
  private discord?: DiscordStandIn;
  private exit?: Promise<number | null>;
  private readonly waiters: { msg: string; resolve: () => void }[] = [];
  port = 0;
  metricsPort = 0;

  /** @param separateMetrics serve /metrics on METRICS_PORT instead of PORT */
  async start(separateMetrics = false): Promise<this> {
    mkdirSync(this.corpus);
    copyFileSync(join(defaultCorpusDir(), RECAP), join(this.corpus, RECAP));
    this.discord = await new DiscordStandIn().start();
    this.port = await freePort();
    this.metricsPort = separateMetrics ? await freePort() : this.port;
    this.child = spawn(process.execPath, [join(projectRoot(), "dist", "src", "main.js")], {
      cwd: this.folder,
      env: {
        PATH: process.env.PATH,
        LOG_LEVEL: "info",
        PORT: String(this.port),
        ...(separateMetrics ? { METRICS_PORT: String(this.metricsPort) } : {}),
        CORPUS_DIR: this.corpus,
        DATA_DIR: join(this.folder, "data"),
        DISCORD_TOKEN: "t".repeat(60),
        DISCORD_PUBLIC_KEY: publicKeyHex,
        DISCORD_API_URL: this.discord.apiUrl,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.exit = new Promise((resolve) => this.child!.once("exit", resolve));
    let partial = "";
    this.child.stderr!.on("data", (chunk: Buffer) => {
      const text = partial + chunk.toString("utf8");
      const complete = text.split("\n");
      partial = complete.pop()!;
      for (const line of complete.filter(Boolean)) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        this.lines.push(parsed);
        for (const waiter of this.waiters.filter((w) => w.msg === parsed.msg)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
    // Ready when /readyz says so; polled, and bounded by the test's timeout, not asserted in time.
    while ((await fetch(this.url("/readyz")).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 50));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  logged(msg: string): Promise<void> {
    if (this.lines.some((line) => line.msg === msg)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ msg, resolve }));
  }

  signal(name: NodeJS.Signals): void {
    this.child!.kill(name);
  }

  exited(): Promise<number | null> {
    return this.exit!;
  }

  async stop(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exit;
    await this.discord?.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const searchBody = (query: string) => JSON.stringify(commandInteraction("search", [stringOption("query", query)]));

function signedHeaders(body: string): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
  return `content-type: application/json\r\nx-signature-ed25519: ${signature}\r\nx-signature-timestamp: ${timestamp}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
}

/**
 * A signed search whose body is held after its first byte: a request in flight for as long as the
 * test wants. It resolves once the server has taken the request in, which its `100 Continue` says.
 */
async function heldSearch(port: number, query: string): Promise<{ finish(): Promise<string> }> {
  const body = searchBody(query);
  const socket = connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let received = "";
  let taken!: () => void;
  const continued = new Promise<void>((resolve) => (taken = resolve));
  socket.on("data", (chunk) => {
    received += chunk.toString("utf8");
    if (received.includes("100 Continue")) taken();
  });
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", resolve));
  socket.write(`POST /discord/interactions HTTP/1.1\r\nhost: x\r\nconnection: close\r\nexpect: 100-continue\r\n${signedHeaders(body)}\r\n${body.slice(0, 1)}`);
  await continued;
  return {
    async finish() {
      socket.write(body.slice(1));
      await closed;
      return received.slice(received.indexOf("\r\n\r\n") + 4);
    },
  };
}

async function search(bot: BotProcess, query: string): Promise<string> {
  const body = searchBody(query);
  const headers = Object.fromEntries(signedHeaders(body).trim().split("\r\n").map((line) => line.split(": ") as [string, string]));
  const answer = await fetch(bot.url("/discord/interactions"), { method: "POST", headers, body });
  expect(answer.status).toBe(200);
  return answer.text();
}

const sections = async (bot: BotProcess) =>
  Number(/^kubecon_corpus_sections (\d+)$/m.exec(await (await fetch(`http://127.0.0.1:${bot.metricsPort}/metrics`)).text())![1]);

let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe("the bot process (dist/src/main.js)", () => {
  it("SIGHUP re-reads CORPUS_DIR and swaps the index, finishing a request that was in flight (metrics on METRICS_PORT)", { timeout: 60_000 }, async () => {
    bot = await new BotProcess().start(true);
    expect((await fetch(bot.url("/metrics"))).status).toBe(404);
    const before = await sections(bot);
    expect(await search(bot, "zanzibarnetes")).not.toMatch(/Zanzibarnetes operators/);

    writeFileSync(join(bot.corpus, "eu-2030-notes.md"), NEW_RECAP);
    const held = await heldSearch(bot.port, "zanzibarnetes");
    bot.signal("SIGHUP");
    await bot.logged("corpus reloaded");
    expect(await held.finish()).toMatch(/^HTTP\/1\.1 200 /);

    expect(await search(bot, "zanzibarnetes")).toMatch(/Zanzibarnetes operators/);
    expect(await sections(bot)).toBeGreaterThan(before);
  });

  it("SIGTERM: stops taking connections, lets the request in flight finish, and exits 0", { timeout: 60_000 }, async () => {
    bot = await new BotProcess().start();
    const held = await heldSearch(bot.port, "kubernetes");
    bot.signal("SIGTERM");
    await bot.logged("shutting down");
    // No new connection is taken any more...
    expect(await fetch(bot.url("/readyz")).then((r) => r.status, () => "refused")).toBe("refused");
    // ...but the request already in is answered.
    expect(await held.finish()).toMatch(/^HTTP\/1\.1 200 /);
    expect(await bot.exited()).toBe(0);
    expect(bot.lines.map((line) => line.msg)).toContain("shutdown complete");
  });

  it("a second SIGTERM exits at once, without waiting for the request in flight", { timeout: 60_000 }, async () => {
    bot = await new BotProcess().start();
    await heldSearch(bot.port, "kubernetes");
    bot.signal("SIGTERM");
    await bot.logged("shutting down");
    bot.signal("SIGTERM");
    expect(await bot.exited()).toBe(FORCED_EXIT_CODE);
    expect(bot.lines.map((line) => line.msg)).toContain("second signal: exiting now");
    expect(bot.lines.map((line) => line.msg)).not.toContain("shutdown did not finish in time: exiting now");
  });
});
