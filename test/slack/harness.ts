import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createSlackAdapter, EVENTS_PATH, type SlackAdapter } from "../../adapters/slack/app.js";
import type { SlackNetworkOptions } from "../../adapters/slack/web-api-options.js";
import type { Bot } from "../../src/commands/bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { FORM, JSON_TYPE, signedHeaders } from "./signing.js";
import { SlackStandIn } from "./standin.js";
import { Arrivals } from "../support/arrivals.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99aaabbb85a5";

/** Log lines as objects, with a wait that resolves on the first matching line (and fails, naming it, if none comes). */
export class LogCapture {
  private readonly arrivals = new Arrivals<Record<string, unknown>>("log lines", (line) => String(line.msg));
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const text of chunk.toString("utf8").split("\n").filter(Boolean)) this.arrivals.record(JSON.parse(text) as Record<string, unknown>);
      done();
    },
  });

  get lines(): readonly Record<string, unknown>[] {
    return this.arrivals.seen;
  }

  waitFor(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>> {
    return this.arrivals.waitFor(match, timeoutMs);
  }
}

/** A daily store on a SQLite file in a fresh temp folder, removed on close. */
export function tempDailyStore(): { store: DailyStore; dir: string; close(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-slack-"));
  const store = openSqliteDailyStore(dir);
  return {
    store,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Harness {
  standin: SlackStandIn;
  logs: LogCapture;
  logger: Logger;
  adapter: SlackAdapter;
  host: HttpHost;
  url: string;
  close(): Promise<void>;
}

/** The real Bolt app in HTTP mode on the shared host, on a loopback port, talking to a Slack stand-in. */
export async function startHarness(
  bot: Bot,
  options: {
    ackDeadlineMs?: number;
    standin?: SlackStandIn;
    store?: DailyStore;
    network?: Partial<SlackNetworkOptions>;
    /** SLACK_CHANNEL_MANAGERS: who may change a channel's daily posts (anyone without it). */
    managers?: ReadonlySet<string>;
  } = {},
): Promise<Harness> {
  const standin = options.standin ?? new SlackStandIn();
  if (!options.standin) await standin.start();
  const daily = options.store ? undefined : tempDailyStore();
  const logs = new LogCapture();
  const logger = createLogger("info", logs.stream);
  const host = new HttpHost(logger);
  const adapter = createSlackAdapter(
    bot,
    { botToken: "xoxb-test-token", signingSecret: SIGNING_SECRET, apiUrl: standin.apiUrl, ...(options.managers && { managers: options.managers }) },
    { logger, http: host, ackDeadlineMs: options.ackDeadlineMs, store: options.store ?? daily!.store, network: options.network },
  );
  await adapter.start();
  const port = await host.listen(0, "127.0.0.1");
  return {
    standin,
    logs,
    logger,
    adapter,
    host,
    url: `http://127.0.0.1:${port}${EVENTS_PATH}`,
    async close() {
      await adapter.stop();
      await host.close();
      if (!options.standin) await standin.stop();
      await daily?.close();
    },
  };
}

export interface Answer {
  status: number;
  text: string;
  json(): Record<string, any>;
}

/** Posts a body to the events endpoint, signed with `secret` at `timestampSec` (now by default); `headers` are added (a retry's). */
export async function postSigned(
  url: string,
  body: string,
  {
    secret = SIGNING_SECRET,
    timestampSec = Math.floor(Date.now() / 1000),
    signedBody = body,
    contentType = body.startsWith("{") ? JSON_TYPE : FORM,
    headers = {} as Record<string, string>,
  } = {},
): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { ...signedHeaders(secret, signedBody, timestampSec, contentType), ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, any> };
}
