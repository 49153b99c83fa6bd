import { closeSync, openSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import { CorpusError } from "./corpus-error.js";
import { decodeText } from "./decode-text.js";
import { fetchSource, FETCH_LIMITS, type SourceKind } from "./fetch-source.js";
import { INPUT_LIMITS, tooBig, type InputLimits } from "./input-limits.js";

/** The file names ingest reads, and how each is read. */
export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceKind>> = {
  ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
};

/** A recap's text as read, what it is written in, and where it was fetched from. */
export interface RecapSource {
  text: string;
  kind: SourceKind;
  /** Where it was fetched from, for a URL. */
  url?: string;
}

export const isUrl = (input: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(input);

/** A file's bytes, no more than the limit allows (the file is not read whole to learn it is too big). */
function readBytes(path: string, limits: InputLimits): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusError(code === "ENOENT" ? `No file ${path}.` : `${path} cannot be read (${code ?? (error as Error).message}).`);
  }
  try {
    const size = statSync(path).size;
    if (size > limits.maxBytes) throw new CorpusError(tooBig(path, limits));
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a recap input, a file or an http(s) URL, with the same limits whatever its way in, decoded
 * by its declared or detected charset. Every refusal is a CorpusError of one line.
 */
export async function readSource(input: string, limits: InputLimits = INPUT_LIMITS): Promise<RecapSource> {
  if (/^https?:\/\//i.test(input)) return fetchSource(input, { ...FETCH_LIMITS, maxBytes: limits.maxBytes });
  if (isUrl(input)) throw new CorpusError(`${input}: only http:// and https:// addresses can be fetched.`);
  const kind = SOURCE_EXTENSIONS[extname(input).toLowerCase()];
  if (!kind) throw new CorpusError(`${input}: kubecon ingest reads .html, .htm, .md, .txt files, folders of them, or an http(s):// URL.`);
  const bytes = readBytes(input, limits);
  return { text: decodeText({ bytes, name: input, html: kind === "html" }), kind };
}
