import { request, type Agent } from "node:http";
import { performance } from "node:perf_hooks";

/** A signed request as a platform would send it. */
export interface HttpRequest {
  body: string;
  headers: Record<string, string>;
}

/** One POST and its answer, timed from the first byte sent to the last byte received. */
export function exchange(
  agent: Agent,
  url: string,
  { body, headers }: HttpRequest,
): Promise<{ status: number; text: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - start }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

