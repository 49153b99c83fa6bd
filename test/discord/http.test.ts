import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../adapters/discord/start.js";
import type { Bot } from "../../src/commands/bot.js";
import { HttpHost } from "../../src/http/server.js";
import { corpusBot, heldBot, type CorpusBot } from "./fixture.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  from,
  MANAGER_PERMISSIONS,
  messageCommandInteraction,
  pingInteraction,
  stringOption,
  integerOption,
  USER_ID,
} from "./payloads.js";
import { APPLICATION_ID, DiscordStandIn } from "./stand-in.js";
import { LIVE_MENTION } from "./arbitraries.js";

interface Endpoint {
  url: string;
  host: HttpHost;
}

function keyPair(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // The raw key is the SPKI DER without its 12-byte prefix, as the Developer Portal shows it.
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  return { publicKeyHex, privateKey };
}

const signer = keyPair();
const stranger = keyPair();
let standIn: DiscordStandIn;
let corpus: CorpusBot;
let endpoint: Endpoint;
let heldEndpoint: Endpoint;
let held: ReturnType<typeof heldBot>;

async function mount(bot: Bot, deferAfterMs: number): Promise<Endpoint> {
  const host = new HttpHost(corpus.logger);
  await startDiscord({
    config: { token: "t".repeat(60), publicKey: signer.publicKeyHex, apiUrl: standIn.apiUrl },
    bot,
    logger: corpus.logger,
    host,
    deferAfterMs,
  });
  const port = await host.listen(0, "127.0.0.1");
  return { url: `http://127.0.0.1:${port}/discord/interactions`, host };
}

beforeAll(async () => {
  standIn = await new DiscordStandIn().start();
  corpus = await corpusBot();
  // No test waits on the clock: answers come long before a minute, and the held bot never in time.
  endpoint = await mount(corpus.bot, 60_000);
  held = heldBot(corpus.bot);
  heldEndpoint = await mount(held.bot, 0);
});

afterAll(async () => {
  await endpoint?.host.close();
  await heldEndpoint?.host.close();
  await standIn?.stop();
  await corpus?.close();
});

async function post(
  body: string,
  { key = signer.privateKey, timestamp = String(Math.floor(Date.now() / 1000)), signedBody = body, url = endpoint.url } = {},
): Promise<Response> {
  const signature = sign(null, Buffer.from(timestamp + signedBody), key).toString("hex");
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
    body,
  });
}

async function interact(interaction: unknown, url = endpoint.url) {
  const response = await post(JSON.stringify(interaction), { url });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json");
  return (await response.json()) as { type: number; data?: any };
}

describe("HTTP interactions: signature", () => {
  it("answers PING with PONG", async () => {
    expect(await interact(pingInteraction())).toEqual({ type: 1 });
  });

  it("refuses a request signed with another key", async () => {
    const response = await post(JSON.stringify(pingInteraction()), { key: stranger.privateKey });
    expect(response.status).toBe(401);
  });

  it("refuses a tampered body", async () => {
    const signed = JSON.stringify(pingInteraction());
    const response = await post(signed.replace('"type":1', '"type":2'), { signedBody: signed });
    expect(response.status).toBe(401);
  });

  it("refuses a replayed signature with another timestamp", async () => {
    const body = JSON.stringify(pingInteraction());
    const signature = sign(null, Buffer.from("1700000000" + body), signer.privateKey).toString("hex");
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": "1700000001" },
      body,
    });
    expect(response.status).toBe(401);
  });

  it("refuses a request without signature headers", async () => {
    const response = await fetch(endpoint.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(pingInteraction()) });
    expect(response.status).toBe(401);
  });

  it("refuses other methods", async () => {
    expect((await fetch(endpoint.url)).status).toBe(405);
  });
});

describe("HTTP interactions: signed but malformed", () => {
  const command = commandInteraction("search", [stringOption("query", "ebpf")]);
  const button = buttonInteraction("p:search security page:2", { components: [] });
  const { message: _message, ...buttonWithoutMessage } = button;
  const malformed: Record<string, unknown> = {
    "a command with no data": { type: 2 },
    "a command whose data is null": { ...command, data: null },
    "a type Discord does not send": { ...command, type: 99 },
    "a button press with no message": buttonWithoutMessage,
    "a message command with nothing resolved": { ...messageCommandInteraction("ebpf"), data: { ...messageCommandInteraction("ebpf").data, resolved: null } },
    "options that are no list": { ...command, data: { ...command.data, options: [{ name: "search", type: 1, options: { query: "ebpf" } }] } },
    "permissions that are no number": { ...command, member: { ...command.member, permissions: "all of them" } },
    "an array": [command],
  };
  for (const [name, body] of Object.entries(malformed)) {
    it(`answers 400 to ${name}`, async () => {
      const response = await post(JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("not a Discord interaction");
    });
  }
});

describe("HTTP interactions: answers", () => {
  it("answers /kubecon search with an ephemeral embed, paging and share buttons, and no mentions", async () => {
    const response = await interact(commandInteraction("search", [stringOption("query", "security")]));
    expect(response.type).toBe(4);
    expect(response.data.flags).toBe(64);
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = response.data.embeds;
    expect(embed.title).toContain("security");
    expect(embed.fields.length).toBeGreaterThan(0);
    expect(embed.fields[0].name).toMatch(/^1\. /);
    expect(embed.footer.text).toMatch(/page 1 of \d+/);
    expect(JSON.stringify(embed.fields)).toMatch(/\*\*security\*\*/i);
    const ids = response.data.components.flatMap((row: any) => row.components.map((b: any) => b.custom_id));
    expect(ids).toContain("p:search security page:2");
    expect(ids).toContain("s:search security");
    expect(ids.some((id: string) => id.startsWith("d:talk "))).toBe(true);
  });

  it("turns options into canonical command text", async () => {
    const response = await interact(
      commandInteraction("search", [stringOption("query", "service mesh"), integerOption("year", 2022), stringOption("lang", "fr")]),
    );
    const ids = response.data.components.flatMap((row: any) => row.components.map((b: any) => b.custom_id));
    expect(ids).toContain("s:search service mesh year:2022 lang:fr");
  });

  it("pages in place with UPDATE_MESSAGE", async () => {
    const first = await interact(commandInteraction("search", [stringOption("query", "security")]));
    const next = await interact(buttonInteraction("p:search security page:2", { ...first.data, flags: 64 }));
    expect(next.type).toBe(7);
    expect(next.data.flags).toBeUndefined();
    expect(next.data.allowed_mentions).toEqual({ parse: [] });
    expect(next.data.embeds[0].footer.text).toMatch(/page 2 of/);
  });

  it("answers a paging click on a public card (a share, a daily post) to the clicker alone, leaving the card as it is", async () => {
    const first = await interact(commandInteraction("search", [stringOption("query", "security")]));
    const next = await interact(buttonInteraction("p:search security page:2", { ...first.data, flags: 0 }));
    expect(next.type).toBe(4);
    expect(next.data.flags).toBe(64);
    expect(next.data.embeds[0].footer.text).toMatch(/page 2 of/);
  });

  it("opens details as a new ephemeral message", async () => {
    const first = await interact(commandInteraction("search", [stringOption("query", "ebpf")]));
    const detailsId = first.data.components[1].components[0].custom_id as string;
    const details = await interact(buttonInteraction(detailsId, { ...first.data, flags: 64 }));
    expect(details.type).toBe(4);
    expect(details.data.flags).toBe(64);
    expect(details.data.embeds[0].title).toBe(first.data.embeds[0].fields[0].name.replace(/^1\. /, ""));
  });

  it("shares publicly in the channel, naming the sharer without pinging", async () => {
    const first = await interact(commandInteraction("search", [stringOption("query", "ebpf")]));
    const shared = await interact(buttonInteraction("s:search ebpf", { ...first.data, flags: 64 }));
    expect(shared.type).toBe(4);
    expect(shared.data.flags).toBeUndefined();
    expect(shared.data.content).toBe(`Shared by <@${USER_ID}>`);
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
    expect(shared.data.embeds[0].title).toBe(first.data.embeds[0].title);
  });

  it("recovers a long command kept in the message's custom ids", async () => {
    const query = "extended berkeley packet filter observability networking security kubernetes clusters cilium";
    const first = await interact(commandInteraction("search", [stringOption("query", query), stringOption("event", "eu-2022")]));
    const buttons = first.data.components.flatMap((row: any) => row.components);
    const share = buttons.find((b: any) => b.label === "Share in channel");
    expect(share.custom_id.length).toBeLessThanOrEqual(100);
    expect(share.custom_id.startsWith("s#")).toBe(true);
    for (const button of buttons) expect(button.custom_id).toMatch(/^[pds]#\d+\.\d+:/);
    const shared = await interact(buttonInteraction(share.custom_id, { ...first.data, flags: 64 }));
    expect(shared.data.embeds[0].title).toBe(first.data.embeds[0].title);
  });

  it("answers autocomplete with at most 25 choices of at most 100 characters", async () => {
    const response = await interact(autocompleteInteraction("search", [stringOption("query", "eb", true)]));
    expect(response.type).toBe(8);
    expect(response.data.choices.length).toBeGreaterThan(0);
    expect(response.data.choices.length).toBeLessThanOrEqual(25);
    for (const choice of response.data.choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(response.data.choices.map((c: any) => c.value)).toContain("eBPF");
    const events = await interact(autocompleteInteraction("event", [stringOption("id", "eu-20", true)]));
    expect(events.data.choices.map((c: any) => c.value)).toContain("eu-2022");
  });

  it("escapes mentions and markdown that users type", async () => {
    const response = await interact(commandInteraction("search", [stringOption("query", "@everyone <@&123456789012345678> **ebpf**")]));
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
    // What Discord shows: custom ids are never displayed.
    expect(JSON.stringify([response.data.embeds, response.data.content ?? ""])).not.toMatch(LIVE_MENTION);
    expect(response.data.embeds[0].title).toContain("\\*\\*ebpf\\*\\*");
  });

  it("refuses daily on/off to members without Manage Channels, lets anyone read the status, and runs changes for managers", async () => {
    const refused = await interact(commandInteraction("daily", [stringOption("action", "off")]));
    expect(refused.type).toBe(4);
    expect(refused.data.flags).toBe(64);
    expect(refused.data.embeds[0].description).toContain("You need permission to manage this channel to do that.");
    const status = await interact(commandInteraction("daily", [stringOption("action", "status")]));
    expect(status.data.embeds[0].description ?? "").not.toContain("permission to manage");
    const allowed = await interact(commandInteraction("daily", [stringOption("action", "off")], MANAGER_PERMISSIONS));
    expect(allowed.data.embeds[0].description ?? "").not.toContain("permission to manage");
  });

  it("defers a slow answer and edits it in through the interaction webhook", async () => {
    const interaction = commandInteraction("search", [stringOption("query", "ebpf")]);
    const deferred = await interact(interaction, heldEndpoint.url);
    expect(deferred).toEqual({ type: 5, data: { flags: 64 } });
    const edit = standIn.nextRequest((r) => r.path === `/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`);
    held.release();
    const { method, body } = (await edit) as { method: string; body: any };
    expect(method).toBe("PATCH");
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBeUndefined();
    expect(body.embeds[0].title).toContain("ebpf");
  });
});

describe("HTTP interactions: user installs and the message command", () => {
  it("answers “Find KubeCon talks” on a message, signed, in a group DM", async () => {
    const body = await interact(from("group DM", messageCommandInteraction("gitops with flux")));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].title).toBe("KubeCon talks on “gitops with flux”");
  });

  it("refuses daily posts in a DM with the bot", async () => {
    const body = await interact(from("bot DM", commandInteraction("daily", [stringOption("action", "on")], MANAGER_PERMISSIONS)));
    expect(body.data.embeds[0].description).toContain("That posts in a channel later, so it works in a chat channel the bot is in: run it there.");
  });
});
