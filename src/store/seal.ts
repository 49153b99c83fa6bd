import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Encrypts secrets kept at rest (bot tokens) with AES-256-GCM under one 32-byte key. */
export interface Sealer {
  seal(plain: string): string;
  /** Throws when the text was not sealed under this key or was changed. */
  open(sealed: string): string;
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key from its text form: 32 bytes as base64 (44 characters) or hex (64); undefined otherwise. */
export function parseSealKey(text: string): Buffer | undefined {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  return key.length === 32 && (key.toString("base64") === text || key.toString("hex") === text.toLowerCase()) ? key : undefined;
}

/** `v1:<base64url of iv | tag | ciphertext>`; a fresh 96-bit IV for every seal. */
export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error("an AES-256-GCM key is 32 bytes");
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    open(sealed) {
      const [version, payload] = sealed.split(":");
      if (version !== VERSION || !payload) throw new Error("not a sealed value");
      const bytes = Buffer.from(payload, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
  };
}
