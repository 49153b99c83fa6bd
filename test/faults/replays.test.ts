import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../adapters/discord/start.js";
import { createAppBot } from "../../src/app/app-bot.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { tempStore } from "../daily/helpers.js";
import { commandInteraction, MANAGER_PERMISSIONS, stringOption } from "../discord/payloads.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { postSigned, startHarness, type Harness } from "../slack/harness.js";
import { blockActionsBody, eventBody, slashCommandBody } from "../slack/signing.js";

/**
 * The same signed bytes sent again within the signature window (a replay), or a platform's own
 * retry: the side effect happens once, on whichever replica gets the copies, and each copy gets the
 * first one's answer.
 */

type Json = Record<string, any>;

const env = tempStore();
let bot: LoadedBot;
/** Two replicas of the Slack front end over one database, as behind a load balancer. */
let replicas: Harness[];

beforeAll(async () => {
  const logger = createLogger("silent");
  bot = await createAppBot({ corpusDir: "data/recaps", logger, store: env.store, feedback: openSqliteFeedbackStore(env.dir), platforms: ["Slack", "Discord"] });
  const first = await startHarness(bot, { store: env.store });
  replicas = [first, await startHarness(bot, { store: env.reopen(), standin: first.standin })];
});

afterAll(async () => {
  for (const replica of replicas ?? []) await replica.close();
  await replicas?.[0]?.standin.stop();
  await env.cleanup();
});

const standin = () => replicas[0]!.standin;
/** Posts `body` to each replica in turn, `times` times in all. */
async function sendTo(body: string, times: number, headers?: { retry?: boolean }) {
  const answers = [];
  for (let i = 0; i < times; i++) answers.push(await postSigned(replicas[i % 2]!.url, body, headers?.retry && i > 0 ? { headers: { "x-slack-retry-num": String(i), "x-slack-retry-reason": "http_timeout" } } : {}));
  return answers;
}

describe("Slack replays", () => {
  it("a replayed `daily on` gets the first answer and does not turn the posts back on after `daily off`", async () => {
    const on = slashCommandBody({ text: "daily on 09:00 Europe/Paris", channelId: "CREPLAY", responseUrl: standin().responseUrl("on") });
    const [first] = await sendTo(on, 1);
    expect(first!.status).toBe(200);
    expect(first!.json().response_type).toBe("in_channel");
    const since = (await env.store.getSubscription("slack:CREPLAY"))!.since;

    await sendTo(slashCommandBody({ text: "daily off", channelId: "CREPLAY", responseUrl: standin().responseUrl("off") }), 1);
    const replays = await sendTo(on, 4);
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(first!.text);
    }
    const subscription = (await env.store.getSubscription("slack:CREPLAY"))!;
    expect(subscription.enabled).toBe(false);
    expect(subscription.since).toEqual(since);
  });

  it("a replayed Share in channel makes one public post", async () => {
    const card = (await sendTo(slashCommandBody({ text: "kubernetes", channelId: "CSHARE", responseUrl: standin().responseUrl("search") }), 1))[0]!.json();
    const share = card.blocks.flatMap((block: Json) => block.elements ?? []).find((element: Json) => /Share in channel/.test(element.text?.text ?? ""));
    const click = blockActionsBody({ actionId: share.action_id, value: share.value, channelId: "CSHARE", responseUrl: standin().responseUrl("share"), ephemeral: true });
    const answers = await sendTo(click, 3);
    for (const answer of answers) expect(answer.status).toBe(200);
    await standin().waitFor((received) => received.kind === "response_url" && received.id === "share");
    // A later request's answer has gone out after anything the replays could have caused.
    await sendTo(slashCommandBody({ text: "help", responseUrl: standin().responseUrl("after") }), 1);
    expect(standin().calls("chat.postMessage").filter((call) => call.body.channel === "CSHARE")).toHaveLength(1);
  });

  it("an event Slack retries (X-Slack-Retry-Num) is answered once", async () => {
    const mention = eventBody({ type: "app_mention", user: "U0001", text: "<@UBOT> ebpf", ts: "1700000300.000100", channel: "CMENTION", event_ts: "1700000300.000100" });
    const answers = await sendTo(mention, 3, { retry: true });
    for (const answer of answers) expect(answer.status).toBe(200);
    await standin().waitFor((received) => received.kind === "chat.postMessage" && received.body.channel === "CMENTION");
    await sendTo(slashCommandBody({ text: "help", responseUrl: standin().responseUrl("after-mention") }), 1);
    expect(standin().calls("chat.postMessage").filter((call) => call.body.channel === "CMENTION")).toHaveLength(1);
  });
});

describe("Discord replays (HTTP interactions)", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  let discord: DiscordStandIn;
  let hosts: HttpHost[];
  let urls: string[];

  beforeAll(async () => {
    discord = await new DiscordStandIn().start();
    const logger = createLogger("silent");
    hosts = [new HttpHost(logger), new HttpHost(logger)];
    urls = [];
    for (const [i, host] of hosts.entries()) {
      await startDiscord({
        config: { token: "t".repeat(60), publicKey: publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"), apiUrl: discord.apiUrl },
        bot,
        logger,
        host,
        requests: i === 0 ? env.store : openSqliteDailyStore(env.dir),
      });
      urls.push(`http://127.0.0.1:${await host.listen(0, "127.0.0.1")}/discord/interactions`);
    }
  });
  afterAll(async () => {
    for (const host of hosts ?? []) await host.close();
    await discord?.stop();
  });

  async function send(interaction: unknown, replica: number): Promise<string> {
    const body = JSON.stringify(interaction);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
    const answer = await fetch(urls[replica]!, { method: "POST", headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp }, body });
    expect(answer.status).toBe(200);
    return answer.text();
  }

  it("a replayed `daily on` gets the first answer and does not turn the posts back on", async () => {
    const on = commandInteraction("daily", [stringOption("action", "on")], MANAGER_PERMISSIONS);
    const first = await send(on, 0);
    expect(JSON.parse(first).data.embeds[0].title).toMatch(/on/i);
    await send(commandInteraction("daily", [stringOption("action", "off")], MANAGER_PERMISSIONS), 1);
    for (const replica of [0, 1, 0]) expect(await send(on, replica)).toBe(first);
    expect((await env.store.getSubscription(`discord:${on.channel_id}`))!.enabled).toBe(false);
  });
});
