import { createPublicKey, verify } from "node:crypto";

// DER prefix of an Ed25519 SubjectPublicKeyInfo: Discord gives the raw 32-byte key in hex.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** A signed request is fresh this long either side of our clock; older is a replayed capture. */
export const MAX_TIMESTAMP_SKEW_SECONDS = 5 * 60;

/** Checks `X-Signature-Ed25519` over `X-Signature-Timestamp` + raw body, as Discord signs interactions. */
export type SignatureCheck = (rawBody: Buffer, signatureHex: string | undefined, timestamp: string | undefined) => boolean;

/**
 * The signature must verify against the application's public key, and its timestamp (Unix
 * seconds, part of what is signed) be within five minutes of `now`, as Slack's rule is: a capture
 * replayed later, or a request dated in the future, is refused.
 */
export function ed25519Check(publicKeyHex: string, now: () => number = Date.now): SignatureCheck {
  const key = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, "hex")]),
    format: "der",
    type: "spki",
  });
  return (rawBody, signatureHex, timestamp) => {
    if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex) || !/^\d{1,12}$/.test(timestamp)) return false;
    if (Math.abs(now() / 1000 - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) return false;
    return verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]), key, Buffer.from(signatureHex, "hex"));
  };
}
