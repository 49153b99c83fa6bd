import type { HomeView, KnownBlock } from "@slack/types";
import type { Card } from "../../src/cards/card.js";
import type { ChannelSubscription } from "../../src/daily/space-subscriptions.js";
import { escapeText, mrkdwn, plainText } from "./escape.js";
import { renderCard } from "./render.js";

/** Slack's limit on the blocks of a Home tab. */
const HOME_BLOCKS = 100;

function subscriptionLine(subscription: ChannelSubscription): string {
  const topic = subscription.topic ? ` · topic ${escapeText(subscription.topic)}` : "";
  const next = subscription.nextPost ? `\nnext post ${escapeText(subscription.nextPost)}` : "";
  // A channel id of ours, so the reference is safe to write as a live channel link.
  return `<#${subscription.channelId}>: every day at ${escapeText(subscription.postTime)} (${escapeText(subscription.zone)})${topic}${next}`;
}

/**
 * The Home tab: what the bot can do (the help card, its example buttons working as anywhere), the
 * events of the corpus, and this workspace's daily subscriptions with their next post time.
 */
export function homeView(help: Card, events: Card, subscriptions: readonly ChannelSubscription[]): HomeView {
  const daily: KnownBlock[] = [
    { type: "header", text: plainText("Daily takeaways in this workspace") },
    ...(subscriptions.length
      ? subscriptions.map((subscription): KnownBlock => ({ type: "section", text: mrkdwn(subscriptionLine(subscription)) }))
      : [{ type: "section" as const, text: mrkdwn("No channel here gets daily takeaways yet: run `/kubecon daily on 09:00 Europe/Paris` in one.") }]),
  ];
  const divider: KnownBlock = { type: "divider" };
  const room = HOME_BLOCKS - daily.length - 2;
  const helpBlocks = renderCard(help).blocks;
  const eventBlocks = renderCard(events).blocks.slice(0, Math.max(0, room - helpBlocks.length));
  return { type: "home", blocks: [...helpBlocks, divider, ...eventBlocks, divider, ...daily.slice(0, HOME_BLOCKS - helpBlocks.length - eventBlocks.length - 2)] };
}
