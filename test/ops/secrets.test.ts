import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PATH } from "../../adapters/slack/app.js";
import { INTERACTIONS_PATH } from "../../adapters/discord/http.js";
import { loadBot } from "../../src/app/load-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { measuredBot } from "../../src/metrics/instrument.js";
import { Metrics } from "../../src/metrics/metrics.js";
import { commandInteraction, stringOption } from "../discord/payloads.js";
import { LogCapture } from "../slack/harness.js";
import { blockActionsBody, FORM, signedHeaders, slashCommandBody } from "../slack/signing.js";
import { DEFAULT_WORKSPACE } from "../slack/standin.js";
import { mountBothAdapters, type BothAdapters } from "../support/both-adapters.js";

// Known secret values, so the test can look for them anywhere they might leak.
// The stand-in knows one workspace, and so its bot token.
const SLACK_BOT_TOKEN = DEFAULT_WORKSPACE.botToken;
const SLACK_SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
const DISCORD_TOKEN = "KnownDiscordBotToken.".padEnd(72, "Z");
const SECRETS = [SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, DISCORD_TOKEN];

const logs = new LogCapture();
let platforms: BothAdapters;
let base: string;
/** Every answer the platforms got from us: HTTP answers, response URL posts, Web API calls. */
const cards: string[] = [];

beforeAll(async () => {
  // The most verbose level: Bolt's and our debug lines are searched too.
  const logger = createLogger("trace", logs.stream);
  const core = await loadBot({ logger });
  const bot = measuredBot(core, new Metrics({ subscriptions: async () => ({}), sections: () => core.data.corpus.sections.length, recaps: () => ({}), votes: async () => [] }, logger), logger);
  const host = new HttpHost(logger);
  platforms = await mountBothAdapters(bot, logger, host, { slackBotToken: SLACK_BOT_TOKEN, slackSigningSecret: SLACK_SIGNING_SECRET, discordToken: DISCORD_TOKEN });
  base = `http://127.0.0.1:${await host.listen(0, "127.0.0.1")}`;
});

afterAll(async () => {
  await platforms?.stop();
});

async function slackPost(body: string): Promise<Record<string, any>> {
  const answer = await fetch(`${base}${EVENTS_PATH}`, { method: "POST", headers: signedHeaders(SLACK_SIGNING_SECRET, body, Math.floor(Date.now() / 1000), FORM), body });
  const text = await answer.text();
  cards.push(text);
  return text ? (JSON.parse(text) as Record<string, any>) : {};
}

async function discordPost(interaction: unknown): Promise<void> {
  const body = JSON.stringify(interaction);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const answer = await fetch(`${base}${INTERACTIONS_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-ed25519": platforms.discordSignature(timestamp, body), "x-signature-timestamp": timestamp },
    body,
  });
  cards.push(await answer.text());
}

describe("secrets in a session", () => {
  it("never reach a log line (at trace level) or a card, also when Slack refuses calls", async () => {
    for (const text of ["ebpf", "help", "talk nope", "events", "daily status", "\u0000\u0007 <!channel>", "x".repeat(5000)]) {
      await slackPost(slashCommandBody({ text, responseUrl: platforms.slackStandIn.responseUrl("slash") }));
    }
    // A share that Slack refuses, and a response URL that fails: both are logged with their error.
    const first = await slackPost(slashCommandBody({ text: "kubernetes", responseUrl: platforms.slackStandIn.responseUrl("first") }));
    const buttons = (first.blocks as Record<string, any>[]).flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]);
    const share = buttons.find((button) => /Share in channel/.test(button.text.text))!;
    const next = buttons.find((button) => /Next/.test(button.text.text))!;
    platforms.slackStandIn.failApi("chat.postMessage", "channel_not_found");
    await slackPost(blockActionsBody({ actionId: share.action_id, value: share.value, responseUrl: platforms.slackStandIn.responseUrl("share"), ephemeral: true }));
    await logs.waitFor((line) => line.msg === "slack share post failed");
    platforms.slackStandIn.failResponseUrl("page", 500);
    await slackPost(blockActionsBody({ actionId: next.action_id, value: next.value, responseUrl: platforms.slackStandIn.responseUrl("page"), ephemeral: true }));
    await logs.waitFor((line) => line.msg === "slack response_url post failed");

    for (const query of ["ebpf", "service mesh", "nothing-matches-this"]) await discordPost(commandInteraction("search", [stringOption("query", query)]));

    // What reached Slack as messages; the Web API's own credential field is how the token is meant to travel.
    for (const { body } of platforms.slackStandIn.received) {
      const { token: _credential, ...message } = body;
      cards.push(JSON.stringify(message));
    }
    const logged = logs.lines.map((line) => JSON.stringify(line));
    expect(logged.length).toBeGreaterThan(10);
    expect(cards.length).toBeGreaterThan(10);
    for (const secret of SECRETS) {
      expect(logged.filter((line) => line.includes(secret)), secret).toEqual([]);
      expect(cards.filter((card) => card.includes(secret)), secret).toEqual([]);
    }
  });
});
