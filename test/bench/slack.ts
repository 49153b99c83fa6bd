import { createSlackAdapter, EVENTS_PATH } from "../../adapters/slack/app.js";
import { loadBot } from "../../src/app/load-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir } from "../../src/paths.js";
import { FORM, signedHeaders, slashCommandBody } from "../slack/signing.js";
import { tempDailyStore } from "../slack/harness.js";
import { DEFAULT_WORKSPACE, SlackStandIn } from "../slack/standin.js";
import { measureHttpLoad, type HttpRequest } from "./http-load.js";

const QUERIES = ["ebpf", "service mesh", "security", "kubernetes operators", "observability", "multi-cloud", "gitops"];
const SECRET = "0123456789abcdef0123456789abcdef";

/**
 * Signed `/kubecon <query>` slash commands over HTTP on loopback, end to end through Bolt's
 * HTTPReceiver: signature check, form parsing, the real bot over the shipped corpus, Block Kit
 * rendering, the answer in the acknowledgement. Commands per second and p50/p99 latency at 1, 10
 * and 100 requests in flight.
 */
export async function benchSlack(): Promise<Record<string, number>> {
  const logger = createLogger("silent");
  const bot = await loadBot({ corpusDir: defaultCorpusDir(), logger });
  // Answers auth.test at start (for the token it knows); nothing else is called when answers travel in the acknowledgement.
  const standin = new SlackStandIn();
  await standin.start();
  const host = new HttpHost(logger);
  const daily = tempDailyStore();
  const adapter = createSlackAdapter(bot, { botToken: DEFAULT_WORKSPACE.botToken, signingSecret: SECRET, apiUrl: standin.apiUrl }, { logger, http: host, store: daily.store });
  await adapter.start();
  const port = await host.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}${EVENTS_PATH}`;

  let n = 0;
  const signed = (): HttpRequest => {
    n += 1;
    const body = slashCommandBody({ text: QUERIES[n % QUERIES.length]!, userId: `U${100000 + n}`, responseUrl: standin.responseUrl(`bench-${n}`) });
    return { body, headers: signedHeaders(SECRET, body, Math.floor(Date.now() / 1000), FORM) };
  };

  try {
    // Only answers carried by the acknowledgement count.
    return await measureHttpLoad({ prefix: "slack", rate: "commands_per_s", url, next: signed, mustContain: '"blocks"' });
  } finally {
    await adapter.stop();
    await host.close();
    await standin.stop();
    await daily.close();
  }
}
