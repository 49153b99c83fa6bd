import { generateKeyPairSync, sign } from "node:crypto";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { startDiscord } from "../../adapters/discord/start.js";
import { createBot } from "../../src/commands/create-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir } from "../../src/paths.js";
import type { LoadRequest, LoadResult } from "./discord-load.js";

const QUERIES = ["ebpf", "service mesh", "security", "kubernetes operators", "observability", "multi-cloud", "gitops"];
const CONCURRENCY = [1, 10, 100];
const WARMUP = 100;

type Signed = LoadRequest["requests"][number];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Signed `/kubecon search` interactions over HTTP on loopback, end to end: signature check, JSON,
 * the real bot over the shipped corpus, rendering, the HTTP answer. Interactions per second and
 * p50/p99 latency at 1, 10 and 100 requests in flight.
 */
export async function benchDiscord(): Promise<Record<string, number>> {
  const logger = createLogger("silent");
  const bot = await createBot({ corpusDir: defaultCorpusDir(), logger });
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  const host = new HttpHost(logger);
  // A REST base nobody listens on: an answer that was deferred would fail here, never leave the machine.
  await startDiscord({
    config: { token: "b".repeat(60), publicKey: publicKeyHex, apiUrl: "http://127.0.0.1:9/api" },
    bot,
    logger,
    host,
  });
  const port = await host.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/discord/interactions`;

  let n = 0;
  const signed = (): Signed => {
    const id = String(900000000000000000n + BigInt(++n));
    const body = JSON.stringify({
      id,
      application_id: "100000000000000001",
      type: 2,
      token: `bench-${id}`,
      version: 1,
      guild_id: "500000000000000001",
      channel_id: "400000000000000001",
      member: { user: { id: "600000000000000001", username: "bench" }, roles: [], permissions: "3072" },
      data: {
        id: "800000000000000001",
        name: "kubecon",
        type: 1,
        options: [{ name: "search", type: 1, options: [{ name: "query", type: 3, value: QUERIES[n % QUERIES.length] }] }],
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    return { body, timestamp, signature: sign(null, Buffer.from(timestamp + body), privateKey).toString("hex") };
  };

  /** `total` requests, `concurrency` at a time, sent from a worker thread; sorted latencies in ms. */
  async function run(concurrency: number, total: number): Promise<LoadResult> {
    const load: LoadRequest = { url, concurrency, requests: Array.from({ length: total }, signed) };
    const worker = new Worker(new URL("./discord-load.js", import.meta.url), { workerData: load });
    try {
      const [result] = (await once(worker, "message")) as [LoadResult | { error: string }];
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
      figures[`discord_interactions_per_s_c${concurrency}`] = Math.round(latencies.length / seconds);
      figures[`discord_p50_ms_c${concurrency}`] = Number(percentile(latencies, 50).toFixed(2));
      figures[`discord_p99_ms_c${concurrency}`] = Number(percentile(latencies, 99).toFixed(2));
    }
  } finally {
    await host.close();
  }
  return figures;
}
