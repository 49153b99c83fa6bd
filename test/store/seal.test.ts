import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSealer, parseSealKey } from "../../src/store/seal.js";

describe("sealing secrets at rest (AES-256-GCM)", () => {
  const key = randomBytes(32);
  const sealer = createSealer(key);

  it("opens what it sealed, with a fresh IV each time", () => {
    const token = "xoxb-1234-5678-secret";
    const [a, b] = [sealer.seal(token), sealer.seal(token)];
    expect(a).not.toBe(b);
    expect(a).not.toContain("secret");
    expect(sealer.open(a)).toBe(token);
    expect(sealer.open(b)).toBe(token);
  });

  it("refuses a changed value or another key", () => {
    const sealed = sealer.seal("xoxb-token");
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    expect(() => sealer.open(flipped)).toThrow();
    expect(() => createSealer(randomBytes(32)).open(sealed)).toThrow();
    expect(() => sealer.open("plain-text")).toThrow(/not a sealed value/);
  });

  it("reads a key written as base64 or hex, and nothing else", () => {
    expect(parseSealKey(key.toString("base64"))?.equals(key)).toBe(true);
    expect(parseSealKey(key.toString("hex"))?.equals(key)).toBe(true);
    expect(parseSealKey(randomBytes(16).toString("base64"))).toBeUndefined();
    expect(parseSealKey("not a key at all")).toBeUndefined();
  });
});
