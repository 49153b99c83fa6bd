import { TextDecoder } from "node:util";
import { CorpusError } from "./corpus-error.js";

/** What is known of a text's bytes before they are read. */
export interface TextBytes {
  bytes: Uint8Array;
  /** The input, for messages. */
  name: string;
  /** The charset its server declared (the Content-Type's `charset`), if any. */
  declared?: string;
  /** An HTML page may declare its charset itself, in a `<meta>` tag (an XML document in its declaration). */
  html: boolean;
  /**
   * Refuse bytes that are not valid in the declared charset instead of reading them as a browser
   * would: what a followed source sends is refused rather than stored garbled.
   */
  strict?: boolean;
}

/** The charset a Content-Type header declares (`text/html; charset=ISO-8859-1`), if any. */
export const charsetOf = (contentType: string): string | undefined => /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];

const BOMS: readonly { bytes: readonly number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: "utf-8" },
  { bytes: [0xff, 0xfe], charset: "utf-16le" },
  { bytes: [0xfe, 0xff], charset: "utf-16be" },
];
/** `<meta charset="…">`, `<meta http-equiv="Content-Type" content="text/html; charset=…">`, `<?xml … encoding="…"?>`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)|<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i;
/** A browser looks for the `<meta>` in the first kilobyte; pages with long heads put it a little later. */
const SNIFF_BYTES = 4096;
/** Bytes Windows-1252 leaves undefined (decoded as C1 controls): a text with them is in another charset. */
const UNDEFINED_IN_1252 = /[\u0081\u008d\u008f\u0090\u009d]/;
/** Control characters a text file never holds (tab, line feed, form feed and carriage return aside). */
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

function declaredCharset(input: TextBytes): string | undefined {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => input.bytes[i] === byte));
  if (bom) return bom.charset;
  if (input.declared) return input.declared.trim().toLowerCase();
  if (!input.html) return undefined;
  const head = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, Math.min(input.bytes.byteLength, SNIFF_BYTES)).toString("latin1");
  const meta = META_CHARSET.exec(head);
  return (meta?.[1] ?? meta?.[2])?.toLowerCase();
}

const wrongCharset = (input: TextBytes, charset: string) =>
  new CorpusError(`${input.name} says it is ${charset.slice(0, 40)} but is not valid ${charset.slice(0, 40)} text (a wrong charset): refused.`);

function decodeAs(charset: string, input: TextBytes): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: input.strict === true });
  } catch {
    throw new CorpusError(`${input.name} is written in the charset “${charset.slice(0, 40)}”, which cannot be read: save it as UTF-8 and ingest it again.`);
  }
  try {
    return decoder.decode(input.bytes);
  } catch {
    throw wrongCharset(input, charset);
  }
}

/**
 * The text of a file or a page, as a browser would read it: its byte-order mark, else the charset
 * its server or its own `<meta>` declares, else UTF-8 when the bytes are UTF-8, else Windows-1252
 * (what browsers fall back to, and a superset of Latin-1). Bytes that are none of these, or not
 * text at all, are refused with a CorpusError that says what to do; with `strict`, so are bytes
 * not valid in the charset declared.
 */
export function decodeText(input: TextBytes): string {
  const declared = declaredCharset(input);
  let text: string | undefined;
  if (declared && !/^(utf-?8|unicode-1-1-utf-8)$/.test(declared)) text = decodeAs(declared, input);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(input.bytes);
    } catch {
      if (input.strict && declared) throw wrongCharset(input, declared);
      const western = new TextDecoder("windows-1252").decode(input.bytes);
      if (UNDEFINED_IN_1252.test(western)) {
        throw new CorpusError(`${input.name} is not UTF-8 and does not say which charset it is in: save it as UTF-8 and ingest it again.`);
      }
      text = western;
    }
  }
  if (BINARY.test(text)) throw new CorpusError(`${input.name} is not a text file.`);
  return text.replace(/^\uFEFF/, "");
}
