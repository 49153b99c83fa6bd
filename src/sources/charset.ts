import { TextDecoder } from "node:util";
import { SourceError } from "./source-error.js";

/** The charset a document declares: its Content-Type first, else its XML declaration or HTML meta tag. */
function declaredCharset(body: Buffer, contentType: string): string | undefined {
  const header = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  if (header) return header;
  const head = body.subarray(0, 1024).toString("latin1");
  return /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)/i.exec(head)?.[1] ?? /<meta[^>]*charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1];
}

/**
 * A fetched body as text, in the charset it declares (UTF-8 when it declares none). A charset no one
 * can read, or bytes that are not valid in the declared one, are refused: the text would be garbled.
 */
export function decodeBody(body: Buffer, contentType: string, address: string): string {
  const charset = declaredCharset(body, contentType) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new SourceError(`${address} is in charset "${charset.slice(0, 40)}", which cannot be read: refused.`);
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new SourceError(`${address} says it is ${charset.slice(0, 40)} but is not valid ${charset.slice(0, 40)} text (a wrong charset): refused.`);
  }
}
