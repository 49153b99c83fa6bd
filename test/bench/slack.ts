import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { createSlackAdapter, EVENTS_PATH } from "../../adapters/slack/app.js";
import { createBot } from "../../src/commands/create-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir } from "../../src/paths.js";
import { FORM, signedHeaders, slashCommandBody } from "../slack/signing.js";
import { SlackStandIn } from "../slack/standin.js";
import type { SlackLoadRequest, SlackLoadResult } from "./slack-load.js";

const QUERIES = ["ebpf", "service mesh", "security", "kubernetes operators", "observability", "multi-cloud", "gitops"];
const CONCURRENCY = [1, 10, 100];
const WARMUP = 100;
const SECRET = "0123456789abcdef0123456789abcdef";

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Signed `/kubecon <query>` slash commands over HTTP on loopback, end to end through Bolt's
 * HTTPReceiver: signature check, form parsing, the real bot over the shipped corpus, Block Kit
 * rendering, the answer in the acknowledgement. Commands per second and p50/p99 latency at 1, 10
 * and 100 requests in flight.
 */
export async function benchSlack(): Promise<Record<string, number>> {
  const logger = createLogger("silent");
  const bot = await createBot({ corpusDir: defaultCorpusDir(), logger });
  // Answers auth.test at start; nothing else is called when answers travel in the acknowledgement.
  const standin = new SlackStandIn();
  await standin.start();
  const host = new HttpHost(logger);
  const adapter = createSlackAdapter(bot, { botToken: "xoxb-bench", signingSecret: SECRET, apiUrl: standin.apiUrl }, { logger, http: host });
  await adapter.start();
  const port = await host.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}${EVENTS_PATH}`;

  let n = 0;
  const signed = (): SlackLoadRequest["requests"][number] => {
    n += 1;
    const body = slashCommandBody({ text: QUERIES[n % QUERIES.length]!, userId: `U${100000 + n}`, responseUrl: standin.responseUrl(`bench-${n}`) });
    return { body, headers: signedHeaders(SECRET, body, Math.floor(Date.now() / 1000), FORM) };
  };

  /** `total` requests, `concurrency` at a time, sent from a worker thread; sorted latencies in ms. */
  async function run(concurrency: number, total: number): Promise<SlackLoadResult> {
    const load: SlackLoadRequest = { url, concurrency, requests: Array.from({ length: total }, signed) };
    const worker = new Worker(new URL("./slack-load.js", import.meta.url), { workerData: load });
    try {
      const [result] = (await once(worker, "message")) as [SlackLoadResult | { error: string }];
      if ("error" in result) throw new Error(result.error);
      return { latencies: [...result.latencies].sort((a, b) => a - b), seconds: result.seconds };
    } finally {
      await worker.terminate();
    }
  }

  const figures: Record<string, number> = {};
  try {
    await run(10, WARMUP);
    for (const concurrency of CONCURRENCY) {
      const { latencies, seconds } = await run(concurrency, Math.max(500, concurrency * 20));
      figures[`slack_commands_per_s_c${concurrency}`] = Math.round(latencies.length / seconds);
      figures[`slack_p50_ms_c${concurrency}`] = Number(percentile(latencies, 50).toFixed(2));
      figures[`slack_p99_ms_c${concurrency}`] = Number(percentile(latencies, 99).toFixed(2));
    }
  } finally {
    await adapter.stop();
    await host.close();
    await standin.stop();
  }
  return figures;
}
