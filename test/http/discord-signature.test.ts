import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../adapters/discord/start.js";
import { ed25519Check, MAX_TIMESTAMP_SKEW_SECONDS } from "../../adapters/discord/signature.js";
import { HttpHost } from "../../src/http/server.js";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { DiscordStandIn } from "../discord/stand-in.js";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
const body = Buffer.from(JSON.stringify({ type: 1 }));
const signed = (timestamp: string) => sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString("hex");

describe("Discord signature: timestamp freshness", () => {
  const nowSeconds = 1_800_000_000;
  const check = ed25519Check(publicKeyHex, () => nowSeconds * 1000);
  const at = (offset: number) => String(nowSeconds + offset);

  it("accepts a correctly signed request within five minutes either side", () => {
    for (const offset of [0, -MAX_TIMESTAMP_SKEW_SECONDS + 1, MAX_TIMESTAMP_SKEW_SECONDS - 1]) {
      expect(check(body, signed(at(offset)), at(offset)), String(offset)).toBe(true);
    }
  });

  it("refuses a correctly signed request older than five minutes (a replayed capture) or from the future", () => {
    for (const offset of [-MAX_TIMESTAMP_SKEW_SECONDS - 1, -86_400, MAX_TIMESTAMP_SKEW_SECONDS + 1, 86_400]) {
      expect(check(body, signed(at(offset)), at(offset)), String(offset)).toBe(false);
    }
  });

  it("refuses a timestamp that is not Unix seconds", () => {
    for (const timestamp of ["", "1.8e9", " 1800000000", "1800000000x", "-1800000000", "9".repeat(30)]) {
      expect(check(body, signed(timestamp), timestamp), timestamp).toBe(false);
    }
  });
});

describe("Discord HTTP endpoint: replay", () => {
  let host: HttpHost;
  let standIn: DiscordStandIn;
  let url: string;
  const logger = createLogger("silent");

  beforeAll(async () => {
    host = new HttpHost(logger);
    const bot = await loadBot({ logger });
    standIn = await new DiscordStandIn().start();
    await startDiscord({ config: { token: "t".repeat(60), publicKey: publicKeyHex, apiUrl: standIn.apiUrl }, bot, logger, host });
    url = `http://127.0.0.1:${await host.listen(0, "127.0.0.1")}/discord/interactions`;
  });

  afterAll(async () => {
    await host?.close();
    await standIn?.stop();
  });

  const post = (timestamp: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": signed(timestamp), "x-signature-timestamp": timestamp },
      body,
    });

  it("answers a fresh signed PING and refuses the same PING signed ten minutes ago with 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await post(String(now))).status).toBe(200);
    expect((await post(String(now - 600))).status).toBe(401);
    expect((await post(String(now + 600))).status).toBe(401);
  });
});
