import { expect } from "vitest";
import { escapeText } from "../../adapters/slack/escape.js";
import { postSigned, startHarness } from "../slack/harness.js";
import { blockActionsBody, slashCommandBody } from "../slack/signing.js";
import type { Received } from "../slack/standin.js";
import type { DailyArgs, Seen, StartDriver } from "./daily-driver.js";

type Json = Record<string, any>;

const MANAGER = "U0001";
const MEMBER = "U0002";

/** Every `text` of a message's blocks, one a line. */
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(texts) : value && typeof value === "object" ? Object.entries(value).flatMap(([key, inner]) => (key === "text" && typeof inner === "string" ? [inner] : texts(inner))) : [];

function seen(message: Json, isPublic: boolean): Seen {
  const buttons: Json[] = (message.blocks as Json[]).flatMap((block) => (block.type === "actions" ? block.elements : []));
  return { public: isPublic, text: texts(message.blocks).join("\n"), readTalk: buttons.find((button) => button.text.text === "Read the talk")?.value };
}

const command = (args: DailyArgs) => (args.action === "on" ? `daily on ${args.time} ${args.zone}` : `daily ${args.action}`);

/** Slack: the real Bolt app in HTTP mode with SLACK_CHANNEL_MANAGERS set, against the Slack stand-in. */
export const startSlackDriver: StartDriver = async (world) => {
  const harness = await startHarness(world.bot, { managers: new Set([MANAGER]) });
  const calls = (channel: string): Received[] => harness.standin.calls("chat.postMessage").filter((call) => call.body.channel === channel);
  let responses = 0;
  return {
    platform: "slack",
    channels: { kept: "C0E2EDAILY", lost: "C0E2EGONE" },
    spaceId: "T0001",
    askerId: MANAGER,
    poster: harness.adapter.poster,
    logger: harness.logger,
    logs: harness.logs,
    shown: escapeText,
    async daily(channel, args, asker = "manager") {
      const body = slashCommandBody({ text: command(args), channelId: channel, userId: asker === "manager" ? MANAGER : MEMBER, responseUrl: harness.standin.responseUrl(`slash-${++responses}`) });
      const answer = await postSigned(harness.url, body);
      expect(answer.status).toBe(200);
      const message = answer.json();
      return seen(message, message.response_type === "in_channel");
    },
    posts: (channel) => calls(channel).map((call) => seen(call.body, true)),
    checkDelivered(channel, index, messageId) {
      expect(messageId).toMatch(/^\d+\.\d+$/);
      expect(calls(channel)[index]!.body).toMatchObject({ unfurl_links: "false", unfurl_media: "false" });
    },
    async pressReadTalk(channel, index) {
      const buttons: Json[] = (calls(channel)[index]!.body.blocks as Json[]).flatMap((block) => (block.type === "actions" ? block.elements : []));
      const read = buttons.find((button) => button.text.text === "Read the talk")!;
      const id = `read-talk-${++responses}`;
      const click = blockActionsBody({ actionId: read.action_id, value: read.value, responseUrl: harness.standin.responseUrl(id), ephemeral: false, channelId: channel });
      expect((await postSigned(harness.url, click)).status).toBe(200);
      const answer = (await harness.standin.waitFor((received) => received.id === id)).body as Json;
      // A new message for the clicker, the daily card left as it is.
      expect(answer.replace_original).toBe(false);
      return seen(answer, answer.response_type === "in_channel");
    },
    // The stand-in fails the next post, which the suite makes the lost channel's.
    loseChannel() {
      harness.standin.failApi("chat.postMessage", "channel_not_found");
      return { reason: "channel_not_found", code: "channel_not_found" };
    },
    close: () => harness.close(),
  };
};
