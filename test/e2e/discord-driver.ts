import { expect } from "vitest";
import { decodeButton } from "../../adapters/discord/custom-id.js";
import { escapeMarkdown } from "../../adapters/discord/escape.js";
import { createLogger } from "../../src/log/logger.js";
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, USER_ID, buttonInteraction, stringOption, type Option } from "../discord/payloads.js";
import { DiscordStandIn, type RecordedRequest } from "../discord/stand-in.js";
import { LogCapture } from "../slack/harness.js";
import type { DailyArgs, Seen, StartDriver } from "./daily-driver.js";
import { BOT_TOKEN, commandIn, startDiscordEndpoint } from "./discord-endpoint.js";

type Json = Record<string, any>;

const EPHEMERAL = 64;

/** An interaction answer's or a posted message's data as the suite reads it. */
function seen(message: Json): Seen {
  const texts = (message.embeds as Json[]).flatMap((embed) => [
    embed.title,
    embed.description,
    ...((embed.fields ?? []) as Json[]).flatMap((field) => [field.name, field.value]),
    embed.footer?.text,
  ]);
  const buttons: Json[] = ((message.components ?? []) as Json[]).flatMap((row) => row.components);
  const ids = buttons.map((button) => button.custom_id as string);
  const read = buttons.find((button) => button.label === "Read the talk");
  return {
    public: ((message.flags ?? 0) & EPHEMERAL) === 0,
    text: [...texts, ...buttons.map((button) => button.label)].filter(Boolean).join("\n"),
    readTalk: read && decodeButton(read.custom_id, ids)?.command,
  };
}

function options(args: DailyArgs): Option[] {
  const action = stringOption("action", args.action);
  return args.action === "on" ? [action, stringOption("time", args.time), stringOption("zone", args.zone)] : [action];
}

/** Discord: the adapter in HTTP interactions mode, its REST on the Discord stand-in; managers have Manage Channels. */
export const startDiscordDriver: StartDriver = async (world) => {
  const standIn = await new DiscordStandIn().start();
  const logs = new LogCapture();
  const logger = createLogger("info", logs.stream);
  const endpoint = await startDiscordEndpoint(world.bot, standIn, logger);
  const calls = (channel: string): RecordedRequest[] =>
    standIn.requests.filter((request) => request.method === "POST" && request.path === `/channels/${channel}/messages`);
  /** Every interaction is answered in the HTTP response, mentions forbidden. */
  const interact = async (interaction: unknown): Promise<Seen> => {
    const answer = await endpoint.interact(interaction);
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe(4);
    expect(answer.body.data.allowed_mentions).toEqual({ parse: [] });
    return seen(answer.body.data);
  };
  return {
    platform: "discord",
    channels: { kept: "410000000000000101", lost: "410000000000000102" },
    spaceId: "500000000000000001",
    askerId: USER_ID,
    poster: endpoint.adapter.poster,
    logger,
    logs,
    shown: escapeMarkdown,
    daily: (channel, args, asker = "manager") =>
      interact(commandIn(channel, "daily", options(args), asker === "manager" ? MANAGER_PERMISSIONS : MEMBER_PERMISSIONS)),
    posts: (channel) => calls(channel).map((call) => seen(call.body as Json)),
    checkDelivered(channel, index, messageId) {
      expect(messageId).toMatch(/^\d+$/);
      const { authorization, body } = calls(channel)[index]! as { authorization?: string; body: Json };
      expect(authorization).toBe(`Bot ${BOT_TOKEN}`);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.flags).toBeUndefined();
    },
    pressReadTalk(channel, index) {
      const message = calls(channel)[index]!.body as Json;
      const read = (message.components as Json[]).flatMap((row) => row.components as Json[]).find((button) => button.label === "Read the talk")!;
      return interact(buttonInteraction(read.custom_id, { components: message.components, embeds: message.embeds }));
    },
    loseChannel(channel) {
      standIn.failingChannels.set(channel, { status: 404, code: 10003, message: "Unknown Channel" });
      return { reason: "Unknown Channel", code: "10003" };
    },
    async close() {
      await endpoint.close();
      await standIn.stop();
    },
  };
};
