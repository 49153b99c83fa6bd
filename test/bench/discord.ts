import { generateKeyPairSync, sign } from "node:crypto";
import { startDiscord } from "../../adapters/discord/start.js";
import { loadBot } from "../../src/app/load-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir } from "../../src/paths.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { measureHttpLoad, type HttpRequest } from "./http-load.js";

const QUERIES = ["ebpf", "service mesh", "security", "kubernetes operators", "observability", "multi-cloud", "gitops"];

/**
 * Signed `/kubecon search` interactions over HTTP on loopback, end to end: signature check, JSON,
 * the real bot over the shipped corpus, rendering, the HTTP answer. Interactions per second and
 * p50/p99 latency at 1, 10 and 100 requests in flight.
 */
export async function benchDiscord(): Promise<Record<string, number>> {
  const logger = createLogger("silent");
  const bot = await loadBot({ corpusDir: defaultCorpusDir(), logger });
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  const host = new HttpHost(logger);
  // REST goes to a stand-in on loopback (the token check at start; a deferred answer's edit): nothing leaves the machine.
  const standIn = await new DiscordStandIn().start();
  await startDiscord({
    config: { token: "b".repeat(60), publicKey: publicKeyHex, apiUrl: standIn.apiUrl },
    bot,
    logger,
    host,
  });
  const port = await host.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/discord/interactions`;

  let n = 0;
  const signed = (): HttpRequest => {
    const id = String(900000000000000000n + BigInt(++n));
    const body = JSON.stringify({
      id,
      application_id: "100000000000000001",
      type: 2,
      token: `bench-${id}`,
      version: 1,
      guild_id: "500000000000000001",
      channel_id: "400000000000000001",
      member: { user: { id: "600000000000000001", username: "bench" }, roles: [], permissions: "3072" },
      data: {
        id: "800000000000000001",
        name: "kubecon",
        type: 1,
        options: [{ name: "search", type: 1, options: [{ name: "query", type: 3, value: QUERIES[n % QUERIES.length] }] }],
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
    return { body, headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp } };
  };

  try {
    // Only full answers (type 4) count: a refusal or a deferral would make the figures meaningless.
    return await measureHttpLoad({ prefix: "discord", rate: "interactions_per_s", url, next: signed, mustContain: '"type":4' });
  } finally {
    await host.close();
    await standIn.stop();
  }
}
