import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { discordPoster } from "../../adapters/discord/poster.js";
import { createRest } from "../../adapters/discord/rest.js";
import type { DiscordNetworkOptions } from "../../adapters/discord/rest-options.js";
import { startDiscord, type DiscordAdapter } from "../../adapters/discord/start.js";
import type { Bot } from "../../src/commands/bot.js";
import { loadBot } from "../../src/app/load-bot.js";
import type { PostTarget } from "../../src/daily/poster.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { startDiscordEndpoint, type DiscordEndpoint } from "../e2e/discord-endpoint.js";
import { autocompleteInteraction, commandInteraction, stringOption } from "../discord/payloads.js";
import { DiscordStandIn, type RecordedRequest } from "../discord/stand-in.js";
import { LogCapture } from "../slack/harness.js";
import { postFailure } from "../support/post-failure.js";

/**
 * Discord throttling, failing or hanging, against the real discord.js REST client (HTTP
 * interactions and the gateway): retried within discord.js's bounds, then a short notice in the
 * answer's place or, when nothing can reach the user, a log line naming the interaction.
 */

// Small bounds so a hang costs a fraction of a second; the outcomes, not the times, are asserted.
const NETWORK: DiscordNetworkOptions = { timeoutMs: 300, retries: 1, maxRateLimitWaitMs: 2_000 };
const UNDELIVERED = "The answer could not be delivered. Please try again in a moment.";

let standIn: DiscordStandIn;
let logs: LogCapture;
let bot: Bot;
/** Answers in the HTTP response itself. */
let immediate: DiscordEndpoint;
/** Defers every answer, held until the test opens the gate, then edits it in over REST. */
let deferring: DiscordEndpoint;
let gate: Promise<void> = Promise.resolve();
let gateway: DiscordAdapter;

function hold(): () => void {
  let open!: () => void;
  gate = new Promise((resolve) => (open = resolve));
  return open;
}

beforeAll(async () => {
  standIn = await new DiscordStandIn().start();
  logs = new LogCapture();
  const logger = createLogger("info", logs.stream);
  bot = await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") });
  const gated: Bot = {
    commands: bot.commands,
    complete: (kind, partial) => bot.complete(kind, partial),
    visibilityOf: (text) => bot.visibilityOf(text),
    run: async (...args) => gate.then(() => bot.run(...args)),
  };
  immediate = await startDiscordEndpoint(bot, standIn, logger, { network: NETWORK });
  deferring = await startDiscordEndpoint(gated, standIn, logger, { network: NETWORK, deferAfterMs: 0 });
  gateway = await startDiscord({
    config: { token: "g".repeat(60), apiUrl: standIn.apiUrl },
    bot,
    logger,
    host: new HttpHost(logger),
    deferAfterMs: 60_000,
    network: NETWORK,
  });
});

afterEach(() => standIn.faults.clear());

afterAll(async () => {
  await gateway?.stop();
  await immediate?.close();
  await deferring?.close();
  await standIn?.stop();
});

const search = (query: string) => commandInteraction("search", [stringOption("query", query)]);
const edits = (token: string) => standIn.requests.filter((r) => r.method === "PATCH" && r.path.includes(`/${token}/`));
const callbacks = (id: string) => standIn.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`));
/** Resolves once `requests()` holds `n` requests. */
const reach = (requests: () => RecordedRequest[], n: number) => standIn.nextRequest(() => requests().length >= n).then(requests);
const title = (request: RecordedRequest | undefined) => (request?.body as { embeds: { title: string }[] }).embeds[0]!.title;

/** Resolves with the next error line logged after this call that names `interactionId`. */
function nextUndelivered(interactionId: string) {
  const seen = logs.lines.length;
  return logs.waitFor((line) => logs.lines.indexOf(line) >= seen && (line.err as { interactionId?: string } | undefined)?.interactionId === interactionId);
}

/** Sends `interaction` to the deferring endpoint, checks it was deferred, then lets the answer go. */
async function deferThenAnswer(interaction: ReturnType<typeof search>, fault: () => void): Promise<void> {
  const open = hold();
  const answer = await deferring.interact(interaction);
  expect(answer.body.type).toBe(5);
  fault();
  open();
}

describe("Discord down: answers that need no outgoing call still work", () => {
  it("answers commands and autocomplete in the HTTP response while every REST call hangs", async () => {
    standIn.faults.add(/.*/, "hang", 1000);
    const answer = await immediate.interact(search("ebpf"));
    expect(answer.body.type).toBe(4);
    expect(answer.body.data.embeds[0].title).toContain("ebpf");
    const choices = await immediate.interact(autocompleteInteraction("search", [stringOption("query", "serv", true)]));
    expect(choices.body.type).toBe(8);
    expect(choices.body.data.choices.length).toBeGreaterThan(0);
  });
});

describe("the edit after a deferral (interaction webhook)", () => {
  it("is retried by discord.js after a 500 and lands", async () => {
    const interaction = search("ebpf");
    await deferThenAnswer(interaction, () => standIn.faults.add(/^PATCH \/webhooks\//, { status: 500 }));
    const [, second] = await reach(() => edits(interaction.token), 2);
    expect(title(second)).toContain("ebpf");
  });

  it("waits out a short Retry-After and lands", async () => {
    const interaction = search("service mesh");
    await deferThenAnswer(interaction, () => standIn.faults.add(/^PATCH \/webhooks\//, { status: 429, retryAfterSec: 1 }));
    const [, second] = await reach(() => edits(interaction.token), 2);
    expect(title(second)).toContain("service mesh");
  });

  it("gives up at once on a Retry-After past the bound, with a log line (the notice would be throttled too)", async () => {
    const interaction = search("gitops");
    const logged = nextUndelivered(interaction.id);
    await deferThenAnswer(interaction, () => standIn.faults.add(/^PATCH \/webhooks\//, { status: 429, retryAfterSec: 600 }));
    const line = await logged;
    expect(line.err).toMatchObject({ step: "edit", noticeShown: false });
    expect((line.err as { message: string }).message).toMatch(/rate limited for 60\d s/);
    expect(edits(interaction.token)).toHaveLength(1);
  });

  it("shows a short notice when Discord keeps failing the answer", async () => {
    const interaction = search("observability");
    const logged = nextUndelivered(interaction.id);
    await deferThenAnswer(interaction, () => standIn.faults.add(/^PATCH \/webhooks\//, { status: 502 }, 2));
    const line = await logged;
    expect(line.err).toMatchObject({ step: "edit", noticeShown: true });
    const sent = edits(interaction.token);
    expect(sent).toHaveLength(3);
    expect(title(sent[2])).toBe(UNDELIVERED);
  });

  it("logs the interaction, without its token, when Discord hangs through every attempt", async () => {
    const interaction = search("security");
    const logged = nextUndelivered(interaction.id);
    await deferThenAnswer(interaction, () => standIn.faults.add(/^PATCH \/webhooks\//, "hang", 4));
    const line = await logged;
    expect(line.err).toMatchObject({ step: "edit", noticeShown: false });
    expect((line.err as { message: string }).message).toMatch(/did not answer in time/);
    expect(JSON.stringify(line)).not.toContain(interaction.token);
    expect(edits(interaction.token)).toHaveLength(4);
  });
});

describe("the initial response over the gateway (interaction callback)", () => {
  it("is retried by discord.js after a 503 and lands", async () => {
    const interaction = search("ebpf");
    standIn.faults.add(/^POST \/interactions\//, { status: 503 });
    standIn.dispatch("INTERACTION_CREATE", interaction);
    const [, second] = await reach(() => callbacks(interaction.id), 2);
    expect((second!.body as { type: number }).type).toBe(4);
  });

  it("is given up, with a log line naming the interaction, when Discord hangs", async () => {
    const interaction = search("ebpf");
    const logged = nextUndelivered(interaction.id);
    standIn.faults.add(/^POST \/interactions\//, "hang", 2);
    standIn.dispatch("INTERACTION_CREATE", interaction);
    const line = await logged;
    expect(line).toMatchObject({ msg: "discord interaction answer failed", interactionId: interaction.id });
    expect(line.err).toMatchObject({ step: "initial response" });
    expect(callbacks(interaction.id)).toHaveLength(2);
  });

  it("is given up at once when the rate limit outlasts Discord's 3 seconds", async () => {
    const interaction = search("ebpf");
    const logged = nextUndelivered(interaction.id);
    standIn.faults.add(/^POST \/interactions\//, { status: 429, retryAfterSec: 60 });
    standIn.dispatch("INTERACTION_CREATE", interaction);
    expect(((await logged).err as { message: string }).message).toMatch(/rate limited/);
    expect(callbacks(interaction.id)).toHaveLength(1);
  });
});

describe("daily posts against a failing Discord", () => {
  const target: PostTarget = { channelId: "400000000000000009", spaceId: "500000000000000001" };
  const card = { title: "A takeaway" };
  let claims = 0;


  it("gives the scheduler a transient failure, not a hung tick, when Discord hangs", async () => {
    standIn.faults.add(/^POST \/channels\//, "hang", 2);
    const error = await postFailure(discordPoster(createRest("p".repeat(60), standIn.apiUrl, NETWORK)).post(target, card, `claim-${++claims}`));
    expect(error.kind).toBe("transient");
  });

  it("passes a long rate limit to the scheduler instead of waiting it out", async () => {
    standIn.faults.add(/^POST \/channels\//, { status: 429, retryAfterSec: 900 });
    const error = await postFailure(discordPoster(createRest("p".repeat(60), standIn.apiUrl, NETWORK)).post(target, card, `claim-${++claims}`));
    expect(error.kind).toBe("transient");
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(900_000);
  });
});
