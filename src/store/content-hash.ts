import { createHash } from "node:crypto";

/**
 * The hash that says two recaps are the same text: sha256 of the text in Unicode NFC with its
 * runs of white space made one space, so a page served again with other line endings or
 * indentation is not a new recap.
 */
export function contentHash(text: string): string {
  const normal = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normal).digest("hex");
}
