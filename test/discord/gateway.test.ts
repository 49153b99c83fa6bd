import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "discord.js";
import { startGateway } from "../../adapters/discord/gateway.js";
import { createInteractionHandler } from "../../adapters/discord/interactions.js";
import { registerCommands } from "../../adapters/discord/register.js";
import { createRest } from "../../adapters/discord/rest.js";
import type { DiscordAdapter } from "../../adapters/discord/start.js";
import { heldBot, type CorpusBot } from "./fixture.js";
import { startGatewayWorld, TOKEN, type GatewayWorld } from "./gateway-world.js";
import { autocompleteInteraction, buttonInteraction, commandInteraction, GUILD_ID, stringOption, USER_ID } from "./payloads.js";
import { APPLICATION_ID, DiscordStandIn } from "./stand-in.js";

let world: GatewayWorld;
let standIn: DiscordStandIn;
let corpus: CorpusBot;
let adapter: DiscordAdapter;

beforeAll(async () => {
  world = await startGatewayWorld();
  ({ standIn, corpus, adapter } = world);
});

afterAll(async () => {
  await world?.close();
});

const dispatch = (interaction: { id: string; token: string }) => world.dispatch(interaction);

describe("gateway mode with discord.js", () => {
  it("connects with the Guilds intent only and forbids mentions by default", async () => {
    expect(adapter.mode).toBe("gateway");
    const identify = await standIn.nextFrame((f) => f.op === 2);
    expect((identify.d as { intents: number; token: string }).intents).toBe(1);
    const discovery = await standIn.nextRequest((r) => r.path === "/gateway/bot");
    expect(discovery.authorization).toBe(`Bot ${TOKEN}`);
  });

  it("answers a heartbeat request", async () => {
    const before = standIn.frames.filter((f) => f.op === 1).length;
    const heartbeat = standIn.nextFrame((f) => f.op === 1 && standIn.frames.filter((g) => g.op === 1).length > before);
    standIn.requestHeartbeat();
    expect((await heartbeat).op).toBe(1);
  });

  it("answers /kubecon search with an ephemeral embed through the callback endpoint", async () => {
    const body = await dispatch(commandInteraction("search", [stringOption("query", "service mesh")]));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds[0].title).toContain("service mesh");
    expect(body.data.embeds[0].fields.length).toBeGreaterThan(0);
    const labels = body.data.components.flatMap((row: any) => row.components.map((b: any) => b.label));
    expect(labels).toContain("Share in channel");
    expect(labels).toContain("Details 1");
  });

  it("answers autocomplete on the query", async () => {
    const body = await dispatch(autocompleteInteraction("search", [stringOption("query", "serv", true)]));
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it("pages in place and shares publicly from buttons", async () => {
    const first = await dispatch(commandInteraction("search", [stringOption("query", "kubernetes")]));
    const buttons = first.data.components.flatMap((row: any) => row.components);
    const next = buttons.find((b: any) => b.label.startsWith("Next"));
    const paged = await dispatch(buttonInteraction(next.custom_id, { ...first.data, flags: 64 }));
    expect(paged.type).toBe(7);
    expect(paged.data.allowed_mentions).toEqual({ parse: [] });
    expect(paged.data.embeds[0].footer.text).toMatch(/page 2 of/);

    const share = buttons.find((b: any) => b.label === "Share in channel");
    const shared = await dispatch(buttonInteraction(share.custom_id, { ...first.data, flags: 64 }));
    expect(shared.type).toBe(4);
    expect(shared.data.flags).toBeUndefined();
    expect(shared.data.content).toBe(`Shared by <@${USER_ID}>`);
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("says so when a button's state cannot be read", async () => {
    const body = await dispatch(buttonInteraction("not-ours", { components: [] }));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].title).toMatch(/no longer works/);
  });
});

describe("gateway mode: slow answers", () => {
  let client: Client;
  let stop: () => Promise<void>;
  let held: ReturnType<typeof heldBot>;
  let heldStandIn: DiscordStandIn;

  beforeAll(async () => {
    heldStandIn = await new DiscordStandIn().start();
    held = heldBot(corpus.bot);
    const gateway = await startGateway({
      token: TOKEN,
      apiUrl: heldStandIn.apiUrl,
      handle: createInteractionHandler({ bot: held.bot, logger: corpus.logger, deferAfterMs: 0 }),
      logger: corpus.logger,
    });
    client = gateway.client;
    stop = gateway.stop;
  });

  afterAll(async () => {
    await stop?.();
    await heldStandIn?.stop();
  });

  it("defers a button press and edits the message when the answer comes", async () => {
    expect(client.options.allowedMentions).toEqual({ parse: [] });
    const interaction = buttonInteraction("p:search security page:2", { components: [], flags: 64 });
    const deferred = heldStandIn.nextRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    heldStandIn.dispatch("INTERACTION_CREATE", interaction);
    expect((await deferred).body).toEqual({ type: 6 });

    const edit = heldStandIn.nextRequest((r) => r.path === `/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`);
    held.release();
    const { method, body } = (await edit) as { method: string; body: any };
    expect(method).toBe("PATCH");
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0].footer.text).toMatch(/page 2 of/);
  });
});

describe("registration", () => {
  it("bulk-overwrites /kubecon and the message command in a guild, idempotently", async () => {
    const rest = createRest(TOKEN, standIn.apiUrl);
    const first = await registerCommands({ rest, commands: corpus.bot.commands, guildId: GUILD_ID });
    const second = await registerCommands({ rest, commands: corpus.bot.commands, guildId: GUILD_ID });
    expect(first).toEqual({ applicationId: APPLICATION_ID, scope: "guild", commands: 2 });
    expect(second).toEqual(first);
    const puts = standIn.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.path)).toEqual([
      `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
      `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
    ]);
    expect(puts[0]!.body).toEqual(puts[1]!.body);
    expect(puts[0]!.authorization).toBe(`Bot ${TOKEN}`);
    const [command, messageCommand] = puts[0]!.body as any[];
    expect(command.name).toBe("kubecon");
    expect(messageCommand).toMatchObject({ type: 3, name: "Find KubeCon talks" });
    expect(command.options.map((o: any) => o.name)).toEqual(corpus.bot.commands.filter((c) => !c.hidden).map((c) => c.name));
  });

  it("registers globally when no guild is given", async () => {
    const rest = createRest(TOKEN, standIn.apiUrl);
    const registration = await registerCommands({ rest, commands: corpus.bot.commands, applicationId: APPLICATION_ID });
    expect(registration.scope).toBe("global");
    expect(standIn.requests.at(-1)!.path).toBe(`/applications/${APPLICATION_ID}/commands`);
  });
});
