import { createPublicKey, verify } from "node:crypto";

// DER prefix of an Ed25519 SubjectPublicKeyInfo: Discord gives the raw 32-byte key in hex.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Checks `X-Signature-Ed25519` over `X-Signature-Timestamp` + raw body, as Discord signs interactions. */
export type SignatureCheck = (rawBody: Buffer, signatureHex: string | undefined, timestamp: string | undefined) => boolean;

export function ed25519Check(publicKeyHex: string): SignatureCheck {
  const key = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, "hex")]),
    format: "der",
    type: "spki",
  });
  return (rawBody, signatureHex, timestamp) => {
    if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
    return verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]), key, Buffer.from(signatureHex, "hex"));
  };
}
