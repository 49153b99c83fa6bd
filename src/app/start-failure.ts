import type { Adapter } from "../adapter/adapter.js";

/** An adapter that could not start: its message is the one line printed. */
export class StartError extends Error {
  override name = "StartError";
}

// Connection-level failures (Node's and undici's codes): nothing answered, so no credential was judged.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
]);

/**
 * Listens on the port a variable sets; a port another process holds, or one this process may not
 * take, becomes one line naming the port and what to do, like every other start error.
 */
export async function listenExplained(listen: (port: number) => Promise<unknown>, port: number, variable: string): Promise<void> {
  try {
    await listen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new StartError(`port ${port} is in use: stop the other instance or set ${variable}`, { cause: error });
    if (code === "EACCES") throw new StartError(`port ${port} needs privileges this process does not have: set ${variable} to a port above 1023`, { cause: error });
    throw error;
  }
}

/** The causes an error carries, itself first: `cause` (fetch, undici), `original` (Slack's Web API client), `errors` (AggregateError). */
function* chain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!error || typeof error !== "object" || depth > 5) return;
  const e = error as Record<string, unknown>;
  yield e;
  yield* chain(e.cause, depth + 1);
  yield* chain(e.original, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}

/** The network error code of a failure that never reached the platform, if it is one. */
export function networkCode(error: unknown): string | undefined {
  const links = [...chain(error)];
  const code = links.find((e) => typeof e.code === "string" && NETWORK_CODES.has(e.code))?.code as string | undefined;
  // fetch says "fetch failed" for every failure before an answer (a refused port, a bad address).
  return code ?? (links.some((e) => e.message === "fetch failed") ? "fetch failed" : undefined);
}

/** What the platform answered, as its client library put it. */
function refusal(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 200);
}

/**
 * Starts an adapter; a failure becomes one line telling apart a platform that could not be reached
 * (check the network and the address) from one that refused us (check the credentials).
 */
export async function startExplained<T>(adapter: Pick<Adapter, "label" | "startHints">, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = networkCode(error);
    if (code) throw new StartError(`cannot reach ${adapter.label} (${code}): check ${adapter.startHints.address}.`, { cause: error });
    throw new StartError(`${adapter.label} refused to start (${refusal(error)}): check ${adapter.startHints.credentials}.`, { cause: error });
  }
}
