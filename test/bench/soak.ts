import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { once } from "node:events";
import { Agent, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { createSlackAdapter, EVENTS_PATH } from "../../adapters/slack/app.js";
import { INTERACTIONS_PATH } from "../../adapters/discord/http.js";
import { startDiscord } from "../../adapters/discord/start.js";
import { loadBot } from "../../src/app/load-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir } from "../../src/paths.js";
import { autocompleteInteraction, buttonInteraction, commandInteraction, stringOption } from "../discord/payloads.js";
import { blockActionsBody, FORM, signedHeaders, slashCommandBody } from "../slack/signing.js";
import { tempDailyStore } from "../slack/harness.js";
import { DEFAULT_WORKSPACE, SlackStandIn } from "../slack/standin.js";
import { exchange, type HttpRequest } from "./exchange.js";
import { percentile } from "./stats.js";

/**
 * The soak: mixed signed traffic at a steady rate for a bounded time (60 s unless
 * `--soak-seconds N`; `--soak-rate N` requests a second, 50 unless given) against the real HTTP
 * server on loopback with the Slack and Discord adapters mounted. The traffic comes from a worker
 * thread, open loop (a request leaves on schedule whether or not earlier ones were answered), and
 * the server's heap (after a forced GC) and RSS are sampled every 2 s. Reported: requests sent and
 * served, errors by kind, p50/p99 of the valid requests, and heap growth from the first to the last
 * 10 s. Slack's response URLs and Discord's REST point at a sink that counts and forgets, so
 * nothing on our side of the loopback keeps what it received.
 */

const SLACK_SECRET = "5ea1c0ffee5ea1c0ffee5ea1c0ffee00";
const QUERIES = ["ebpf", "service mesh", "security", "kubernetes operators", "observability", "gitops", "help", "events", "topics", "takeaway"];
const PARTIALS = ["serv", "ebp", "obs", "git", "sec"];

/** What a correct server answers: this status (with this text in it), or any 4xx when no status is given. */
interface Expected {
  weight: number;
  valid: boolean;
  status?: number;
  contains?: string;
}

/** Each kind of request, how often it comes (of 40), and what a correct server answers. */
const KINDS = {
  slack_command: { weight: 10, valid: true, status: 200, contains: '"blocks"' },
  slack_click: { weight: 5, valid: true, status: 200 },
  discord_command: { weight: 8, valid: true, status: 200, contains: '"type":4' },
  // A "Next" press on an ephemeral card: the card is updated in place (type 7) in the HTTP answer.
  discord_click: { weight: 5, valid: true, status: 200, contains: '"type":7' },
  discord_autocomplete: { weight: 6, valid: true, status: 200, contains: '"type":8' },
  slack_bad_signature: { weight: 2, valid: false, status: 401 },
  discord_bad_signature: { weight: 2, valid: false, status: 401 },
  slack_malformed: { weight: 1, valid: false },
  discord_malformed: { weight: 1, valid: false },
} satisfies Record<string, Expected>;
type Kind = keyof typeof KINDS;

interface SoakJob {
  slackUrl: string;
  discordUrl: string;
  /** Where clicks' response URLs point. */
  sinkUrl: string;
  discordKeyPem: string;
  rate: number;
  seconds: number;
}

interface SoakResult {
  sent: number;
  /** Valid requests' latencies, sorted. */
  latencies: number[];
  /** Answered as a correct server answers (the refusals of invalid requests included). */
  served: number;
  errors: Record<string, number>;
  clicks: number;
}

/** The kinds in a fixed interleaved order, one cycle of 40. */
function schedule(): Kind[] {
  const slots: Kind[] = [];
  const left = Object.fromEntries(Object.entries(KINDS).map(([kind, { weight }]) => [kind, weight])) as Record<Kind, number>;
  while (slots.length < 40) {
    for (const kind of Object.keys(KINDS) as Kind[]) {
      if (left[kind]-- > 0) slots.push(kind);
    }
  }
  return slots;
}

/** Builds the n-th request of `kind`, signed as the platform (or, for the invalid kinds, an impostor) would. */
function requestFor(kind: Kind, n: number, job: SoakJob, discordKey: KeyObject, strangerKey: KeyObject): { url: string; request: HttpRequest } {
  const now = Math.floor(Date.now() / 1000);
  const slack = (body: string, secret = SLACK_SECRET) => ({ url: job.slackUrl, request: { body, headers: signedHeaders(secret, body, now, FORM) } });
  const discord = (body: string, key = discordKey) => ({
    url: job.discordUrl,
    request: {
      body,
      headers: {
        "content-type": "application/json",
        "x-signature-ed25519": sign(null, Buffer.from(`${now}${body}`), key).toString("hex"),
        "x-signature-timestamp": String(now),
      },
    },
  });
  const query = QUERIES[n % QUERIES.length]!;
  const responseUrl = `${job.sinkUrl}/response/${n}`;
  switch (kind) {
    case "slack_command":
      return slack(slashCommandBody({ text: query, userId: `U${100000 + (n % 500)}`, responseUrl }));
    case "slack_click":
      // A path of its own: the sink tells a click's answer from a slash command's late one and Discord's edits.
      return slack(blockActionsBody({ actionId: "kubecon.command.0", value: `search ${query} page:2`, responseUrl: `${job.sinkUrl}/click/${n}`, ephemeral: true }));
    case "slack_bad_signature":
      return slack(slashCommandBody({ text: query, responseUrl }), "not-the-signing-secret");
    case "slack_malformed":
      return slack(n % 2 ? "payload=%7Bnot%20json" : "\u0000\u00ff%%%&&==");
    case "discord_command":
      return discord(JSON.stringify(commandInteraction("search", [stringOption("query", query)])));
    case "discord_click": {
      const customId = `p:search ${query} page:2`;
      const components = [{ type: 1, components: [{ type: 2, style: 2, label: "Next ▶", custom_id: customId }] }];
      return discord(JSON.stringify(buttonInteraction(customId, { components, flags: 64 })));
    }
    case "discord_autocomplete":
      return discord(JSON.stringify(autocompleteInteraction("search", [stringOption("query", PARTIALS[n % PARTIALS.length]!, true)])));
    case "discord_bad_signature":
      return discord(JSON.stringify(commandInteraction("search", [stringOption("query", query)])), strangerKey);
    case "discord_malformed":
      return discord(n % 2 ? '{"type":2,"data":' : "\u0000 not json at all");
  }
}

/** True when the answer is what a correct server gives this kind of request. */
function correct(kind: Kind, status: number, text: string): boolean {
  const expected: Expected = KINDS[kind];
  if (expected.status === undefined) return status >= 400 && status < 500;
  return status === expected.status && (expected.contains === undefined || text.includes(expected.contains));
}

/** The worker: sends the job's traffic on schedule and reports what came back. */
async function soak(job: SoakJob): Promise<SoakResult> {
  const discordKey = createPrivateKey(job.discordKeyPem);
  const strangerKey = generateKeyPairSync("ed25519").privateKey;
  // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout: otherwise a
  // request can leave on a socket the server is closing at that moment and die with ECONNRESET (a
  // race of the client, which Slack's and Discord's own clients retry).
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
  const slots = schedule();
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const fail = (what: string) => (errors[what] = (errors[what] ?? 0) + 1);
  let served = 0;
  let clicks = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const total = job.rate * job.seconds;
  const started = Date.now();

  const fire = (n: number) => {
    const kind = slots[n % slots.length]!;
    if (inFlight.size >= 2000) return void fail(`${kind}:not_sent_backlog`);
    const { url, request } = requestFor(kind, n, job, discordKey, strangerKey);
    const exchanged = exchange(agent, url, request).then(
      ({ status, text, ms }) => {
        if (!correct(kind, status, text)) return void fail(`${kind}:status_${status}`);
        served++;
        if (kind === "slack_click") clicks++;
        if (KINDS[kind].valid) latencies.push(ms);
      },
      (error: unknown) => void fail(`${kind}:${(error as { code?: string }).code ?? "network"}`),
    );
    const tracked = exchanged.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  // Every 10 ms, whatever the schedule says should have left by now.
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * job.rate));
      while (sent < due) fire(sent++);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  await Promise.all(inFlight);
  agent.destroy();
  return { sent, latencies: latencies.sort((a, b) => a - b), served, errors, clicks };
}

/** `--name N` from the command line, or `fallback`. */
function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

export async function benchSoak(): Promise<Record<string, number>> {
  const seconds = flag("soak-seconds", 60);
  const rate = flag("soak-rate", 50);
  const logger = createLogger("silent");
  const bot = await loadBot({ corpusDir: defaultCorpusDir(), logger });

  // Takes what the bot sends out (response URL posts, Discord edits) and keeps none of it, but the
  // clicks answered: each click's response URL is its own /click/<n>, counted once however often it is posted to.
  const clicksAnswered = new Set<string>();
  const sink = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/click/")) clicksAnswered.add(req.url);
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  sink.listen(0, "127.0.0.1");
  await once(sink, "listening");
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

  // auth.test at start is the only Web API call.
  const standin = new SlackStandIn();
  await standin.start();
  const host = new HttpHost(logger);
  const daily = tempDailyStore();
  const slack = createSlackAdapter(
    bot,
    { botToken: DEFAULT_WORKSPACE.botToken, signingSecret: SLACK_SECRET, apiUrl: standin.apiUrl },
    { logger, http: host, store: daily.store },
  );
  await slack.start();
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const discord = await startDiscord({
    config: { token: "s".repeat(60), publicKey: publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"), apiUrl: `${sinkUrl}/api` },
    bot,
    logger,
    host,
  });
  const port = await host.listen(0, "127.0.0.1");

  const job: SoakJob = {
    slackUrl: `http://127.0.0.1:${port}${EVENTS_PATH}`,
    discordUrl: `http://127.0.0.1:${port}${INTERACTIONS_PATH}`,
    sinkUrl,
    discordKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    rate,
    seconds,
  };
  const samples: { at: number; heap: number; rss: number }[] = [];
  const started = Date.now();
  const sample = () => {
    (globalThis as { gc?: () => void }).gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    samples.push({ at: (Date.now() - started) / 1000, heap: heapUsed, rss });
  };
  sample();
  const sampler = setInterval(sample, 2000);
  const worker = new Worker(new URL(import.meta.url), { workerData: { soak: job } });
  try {
    const [result] = (await once(worker, "message")) as [SoakResult | { error: string }];
    if ("error" in result) throw new Error(result.error);
    clearInterval(sampler);
    // The last clicks' answers may still be on their way to the sink.
    for (let waited = 0; clicksAnswered.size < result.clicks && waited < 50; waited++) await new Promise((resolve) => setTimeout(resolve, 100));
    sample();
    const elapsed = (Date.now() - started) / 1000;
    const window = Math.min(10, elapsed / 3);
    const first = samples.filter((s) => s.at <= window);
    const last = samples.filter((s) => s.at >= elapsed - window);
    const errorCount = (valid: boolean) =>
      Object.entries(result.errors)
        .filter(([key]) => KINDS[key.split(":")[0] as Kind].valid === valid)
        .reduce((sum, [, count]) => sum + count, 0);
    const figures: Record<string, number> = {
      soak_seconds: Number(elapsed.toFixed(1)),
      soak_rate_per_s: rate,
      soak_requests: result.sent,
      soak_served: result.served,
      soak_served_per_s: Math.round(result.served / elapsed),
      soak_p50_ms: Number(percentile(result.latencies, 50).toFixed(2)),
      soak_p99_ms: Number(percentile(result.latencies, 99).toFixed(2)),
      soak_valid_errors: errorCount(true),
      soak_invalid_unexpected: errorCount(false),
      // A click is acknowledged empty and answered through its response URL: every one must have reached the sink.
      soak_clicks_unanswered: result.clicks - clicksAnswered.size,
      soak_heap_first_mb: mb(mean(first.map((s) => s.heap))),
      soak_heap_last_mb: mb(mean(last.map((s) => s.heap))),
      soak_heap_growth_pct: Number(((mean(last.map((s) => s.heap)) / mean(first.map((s) => s.heap)) - 1) * 100).toFixed(1)),
      soak_rss_first_mb: mb(mean(first.map((s) => s.rss))),
      soak_rss_last_mb: mb(mean(last.map((s) => s.rss))),
    };
    for (const kind of Object.keys(KINDS)) {
      figures[`soak_errors_${kind}`] = Object.entries(result.errors)
        .filter(([key]) => key.startsWith(`${kind}:`))
        .reduce((sum, [, count]) => sum + count, 0);
    }
    if (Object.keys(result.errors).length > 0) process.stderr.write(`soak: errors ${JSON.stringify(result.errors)}\n`);
    return figures;
  } finally {
    clearInterval(sampler);
    await worker.terminate();
    await slack.stop();
    await discord.stop();
    await host.close();
    await standin.stop();
    await daily.close();
    sink.closeAllConnections();
    sink.close();
  }
}

if (!isMainThread && parentPort && (workerData as { soak?: SoakJob } | undefined)?.soak) {
  const port = parentPort;
  soak((workerData as { soak: SoakJob }).soak).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
} else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  // Run alone: `node --expose-gc dist/test/bench/soak.js [--soak-seconds N] [--soak-rate N]`.
  console.log(JSON.stringify(await benchSoak()));
}
