import { once } from "node:events";
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { exchange, type HttpRequest } from "./exchange.js";
import { percentile } from "./stats.js";

export type { HttpRequest };

/**
 * Signed requests sent to one of our endpoints on loopback, `concurrency` at a time, from a worker
 * thread so that sending and timing do not compete with the server for one event loop.
 */
interface LoadJob {
  url: string;
  concurrency: number;
  requests: HttpRequest[];
  /** Text every answer must contain: an empty acknowledgement or a deferral would make the figures meaningless. */
  mustContain: string;
}

interface LoadResult {
  latencies: number[];
  seconds: number;
}

const CONCURRENCY = [1, 10, 100];
const WARMUP = 100;

async function send(agent: Agent, job: LoadJob, httpRequest: HttpRequest): Promise<number> {
  const { status, text, ms } = await exchange(agent, job.url, httpRequest);
  if (status !== 200 || !text.includes(job.mustContain)) throw new Error(`unexpected answer ${status} ${text.slice(0, 200)}`);
  return ms;
}

async function load(job: LoadJob): Promise<LoadResult> {
  // One connection for each request in flight, as a platform's many senders would have.
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: job.concurrency }, async () => {
        while (next < job.requests.length) latencies.push(await send(agent, job, job.requests[next++]!));
      }),
    );
  } finally {
    agent.destroy();
  }
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

async function inWorker(job: LoadJob): Promise<LoadResult> {
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  try {
    const [result] = (await once(worker, "message")) as [LoadResult | { error: string }];
    if ("error" in result) throw new Error(result.error);
    return { latencies: [...result.latencies].sort((a, b) => a - b), seconds: result.seconds };
  } finally {
    await worker.terminate();
  }
}

/**
 * Requests per second and p50/p99 latency at 1, 10 and 100 in flight, as `<prefix>_<rate>_c<n>`,
 * `<prefix>_p50_ms_c<n>` and `<prefix>_p99_ms_c<n>`.
 */
export async function measureHttpLoad(options: {
  prefix: string;
  rate: string;
  url: string;
  next: () => HttpRequest;
  mustContain: string;
}): Promise<Record<string, number>> {
  const job = (concurrency: number, total: number): LoadJob => ({
    url: options.url,
    concurrency,
    requests: Array.from({ length: total }, options.next),
    mustContain: options.mustContain,
  });
  await inWorker(job(10, WARMUP));
  const figures: Record<string, number> = {};
  for (const concurrency of CONCURRENCY) {
    const { latencies, seconds } = await inWorker(job(concurrency, Math.max(500, concurrency * 20)));
    figures[`${options.prefix}_${options.rate}_c${concurrency}`] = Math.round(latencies.length / seconds);
    figures[`${options.prefix}_p50_ms_c${concurrency}`] = Number(percentile(latencies, 50).toFixed(2));
    figures[`${options.prefix}_p99_ms_c${concurrency}`] = Number(percentile(latencies, 99).toFixed(2));
  }
  return figures;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  load(workerData as LoadJob).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}
