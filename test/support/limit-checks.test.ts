import { describe, expect, it } from "vitest";
import type { DiscordMessage } from "../../adapters/discord/render.js";
import type { SlackMessage } from "../../adapters/slack/render.js";
import { discordViolations } from "../discord/check.js";
import { violations } from "../slack/check.js";

/**
 * The limit checks every card test relies on count with their own code, not the renderer's: here
 * they meet messages written by hand, each part within its own limit but the whole over.
 */
describe("the limit checks themselves", () => {
  it("Slack: every section under 3000 characters, the blocks together over what Slack takes", () => {
    const section = (n: number) => ({ type: "section", text: { type: "mrkdwn", verbatim: true, text: `${n}`.padEnd(2900, "x") } });
    const message = { text: "fallback", blocks: [section(1), section(2), section(3), section(4)] } as unknown as SlackMessage;
    expect(violations(message)).toEqual(["total text 11600"]);
    expect(violations({ ...message, blocks: message.blocks.slice(0, 3) })).toEqual([]);
  });

  it("Slack: button values count in the total", () => {
    const button = (n: number) => ({ type: "button", action_id: `a${n}`, text: { type: "plain_text", text: "Go" }, value: "v".repeat(1999) });
    const message = { text: "fallback", blocks: [{ type: "actions", elements: [1, 2, 3, 4, 5, 6].map(button) }] } as unknown as SlackMessage;
    expect(violations(message)).toEqual(["total text 12006"]);
  });

  it("Discord: each embed under 6000 characters, the message's embeds together over", () => {
    const embed = (n: number) => ({ title: `Embed ${n}`, description: "d".repeat(3500) });
    const message = { embeds: [embed(1), embed(2)], components: [], allowed_mentions: { parse: [] } } as unknown as DiscordMessage;
    expect(discordViolations(message)).toEqual(["embed text 7014 > 6000"]);
    expect(discordViolations({ ...message, embeds: message.embeds.slice(0, 1) })).toEqual([]);
  });
});
