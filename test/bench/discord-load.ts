import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

/**
 * The load generator of the Discord bench, in its own thread so that sending and timing requests
 * does not compete with the server for one event loop. Posts back each latency (ms) and the wall time.
 */
export interface LoadRequest {
  url: string;
  concurrency: number;
  requests: { body: string; signature: string; timestamp: string }[];
}

export interface LoadResult {
  latencies: number[];
  seconds: number;
}

function once(agent: Agent, url: string, { body, signature, timestamp }: LoadRequest["requests"][number]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-signature-ed25519": signature,
          "x-signature-timestamp": timestamp,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const elapsed = performance.now() - start;
          const answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { type?: number };
          // Only full answers count: a refusal or a deferral would make the figures meaningless.
          if (res.statusCode !== 200 || answer.type !== 4) {
            reject(new Error(`unexpected answer ${res.statusCode} ${JSON.stringify(answer).slice(0, 200)}`));
          } else resolve(elapsed);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function load({ url, concurrency, requests }: LoadRequest): Promise<LoadResult> {
  // One connection for each request in flight, as Discord's many senders would have.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests.length) latencies.push(await once(agent, url, requests[next++]!));
      }),
    );
  } finally {
    agent.destroy();
  }
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

if (parentPort) {
  const port = parentPort;
  load(workerData as LoadRequest).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}
