import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

/**
 * The load generator of the Slack bench, in its own thread so that sending and timing requests does
 * not compete with the server for one event loop. Posts back each latency (ms) and the wall time.
 */
export interface SlackLoadRequest {
  url: string;
  concurrency: number;
  requests: { body: string; headers: Record<string, string> }[];
}

export interface SlackLoadResult {
  latencies: number[];
  seconds: number;
}

function send(agent: Agent, url: string, { body, headers }: SlackLoadRequest["requests"][number]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const elapsed = performance.now() - start;
        const text = Buffer.concat(chunks).toString("utf8");
        // Only answers carried by the acknowledgement count: an empty ack would make the figures meaningless.
        if (res.statusCode !== 200 || !text.includes('"blocks"')) reject(new Error(`unexpected answer ${res.statusCode} ${text.slice(0, 200)}`));
        else resolve(elapsed);
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function load({ url, concurrency, requests }: SlackLoadRequest): Promise<SlackLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests.length) latencies.push(await send(agent, url, requests[next++]!));
      }),
    );
  } finally {
    agent.destroy();
  }
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

if (parentPort) {
  const port = parentPort;
  load(workerData as SlackLoadRequest).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}
