import { CorpusError } from "./corpus-error.js";
import { charsetOf, decodeText } from "./decode-text.js";
import { INPUT_LIMITS, tooBig as tooBigMessage } from "./input-limits.js";

/** What a recap is written in, which decides how it is read. */
export type SourceKind = "html" | "markdown" | "text";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** A slow server gets 15 s; a page gets the byte limit of every input. */
export const FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: INPUT_LIMITS.maxBytes };

export function kindOf(contentType: string, url: URL): SourceKind | undefined {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/markdown" || type === "text/x-markdown") return "markdown";
  if (type === "text/plain" || type === "") return /\.(md|markdown)$/i.test(url.pathname) ? "markdown" : "text";
  return undefined;
}

/**
 * Fetches a recap from an http(s) URL: within a time limit and a size limit, and only a web page,
 * Markdown or text, decoded by the charset its server or the page declares. Each refusal is a
 * CorpusError that says which limit and what to do.
 */
export async function fetchSource(address: string, limits: FetchLimits = FETCH_LIMITS): Promise<{ text: string; kind: SourceKind; url: string }> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new CorpusError(`${address} is not a URL.`);
  }
  const seconds = `${limits.timeoutMs / 1000} s`;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "follow", headers: { accept: "text/html, text/markdown, text/plain;q=0.9" } });
  } catch (error) {
    if (signal.aborted) throw new CorpusError(`${address} did not answer within ${seconds}: try again, or save the page and ingest the file.`);
    throw new CorpusError(`Could not fetch ${address} (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}).`);
  }
  if (!response.ok) throw new CorpusError(`${address} answered ${response.status} ${response.statusText}: check the address.`);
  const contentType = response.headers.get("content-type") ?? "";
  const kind = kindOf(contentType, new URL(response.url || url.href));
  if (!kind) {
    await response.body?.cancel();
    throw new CorpusError(`${address} is ${contentType.split(";")[0]}, not a web page, Markdown or text.`);
  }
  const body = await readBody(response, address, limits, signal);
  const declared = charsetOf(contentType);
  const text = decodeText({ bytes: body, name: address, html: kind === "html", ...(declared && { declared }) });
  return { text, kind, url: response.url || url.href };
}

/**
 * The body of a response, refused when it is larger than the limit (said by its Content-Length, or
 * found while reading) or when it does not finish within the time limit (`signal`, the request's).
 */
export async function readBody(response: Response, address: string, limits: FetchLimits, signal: AbortSignal): Promise<Buffer> {
  const tooBig = tooBigMessage(address, { ...INPUT_LIMITS, maxBytes: limits.maxBytes });
  if (Number(response.headers.get("content-length") ?? 0) > limits.maxBytes) {
    await response.body?.cancel();
    throw new CorpusError(tooBig);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) throw new CorpusError(tooBig);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    if (signal.aborted) throw new CorpusError(`${address} did not finish sending within ${limits.timeoutMs / 1000} s: try again, or save the page and ingest the file.`);
    throw new CorpusError(`${address} stopped sending (${(error as Error).message}): try again, or save the page and ingest the file.`);
  }
  return Buffer.concat(chunks);
}
