import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { defaultCorpusDir, projectRoot } from "../../src/paths.js";
import { commandInteraction, stringOption } from "../discord/payloads.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { freePort } from "./free-port.js";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
/** The one shipped recap each process's corpus folder starts with. */
const RECAP = "eu-2016-day-2.md";

/**
 * The real entry point (dist/src/main.js), as the image runs it, with Discord in HTTP mode (its
 * REST calls to a stand-in on loopback), its JSON log lines read as they come.
 */
export class BotProcess {
  readonly folder = mkdtempSync(join(tmpdir(), "kubecon-process-"));
  readonly corpus = join(this.folder, "recaps");
  readonly lines: Record<string, unknown>[] = [];
  private child?: ChildProcess;
  private discord?: DiscordStandIn;
  private exit?: Promise<number | null>;
  private readonly waiters: { matches: (line: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  port = 0;
  metricsPort = 0;

  /** @param env more variables (DATABASE_URL, ...) */
  constructor(private readonly env: Record<string, string> = {}) {}

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
        ...this.env,
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
        for (const waiter of this.waiters.filter((w) => w.matches(parsed))) {
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

  /** Resolves once a line with message `msg` (and the fields of `fields`) was logged, before or after the call. */
  logged(msg: string, fields: Record<string, unknown> = {}): Promise<void> {
    const matches = (line: Record<string, unknown>) => line.msg === msg && Object.entries(fields).every(([key, value]) => line[key] === value);
    if (this.lines.some(matches)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
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

/** The body of a Discord `/kubecon search` interaction. */
export const searchBody = (query: string) => JSON.stringify(commandInteraction("search", [stringOption("query", query)]));

/** The headers of a signed Discord interaction, as raw HTTP lines. */
export function signedHeaders(body: string): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
  return `content-type: application/json\r\nx-signature-ed25519: ${signature}\r\nx-signature-timestamp: ${timestamp}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
}

/** A signed search through the process's Discord endpoint: its answer's body. */
export async function search(bot: BotProcess, query: string): Promise<string> {
  const body = searchBody(query);
  const headers = Object.fromEntries(signedHeaders(body).trim().split("\r\n").map((line) => line.split(": ") as [string, string]));
  const answer = await fetch(bot.url("/discord/interactions"), { method: "POST", headers, body });
  expect(answer.status).toBe(200);
  return answer.text();
}

/** A gauge's value in the process's /metrics, by its name and labels as written there. */
export async function gauge(bot: BotProcess, sample: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${bot.metricsPort}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  if (!line) throw new Error(`no ${sample} in /metrics`);
  return Number(line.slice(sample.length + 1));
}
