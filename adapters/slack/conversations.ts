import type { App, MessageShortcut, RespondArguments } from "@slack/bolt";
import type { Bot } from "../../src/commands/bot.js";
import type { Capabilities, CommandContext } from "../../src/commands/context.js";
import { searchCommandFor } from "../../src/commands/search-text.js";
import type { Clock } from "../../src/daily/clock.js";
import { disableSpaceSubscriptions, spaceSubscriptions } from "../../src/daily/space-subscriptions.js";
import type { Logger } from "../../src/log/logger.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import { homeView } from "./home.js";
import { plainMessageText } from "./incoming.js";
import { renderCard, type SlackMessage } from "./render.js";

/** The message shortcut's callback id (manifest `features.shortcuts`). */
export const FIND_TALKS_CALLBACK = "kubecon_find_talks";

const NO_TEXT = "That message has no text to search for.";

export interface ConversationOptions {
  bot: Bot;
  /** What a user may do (SLACK_CHANNEL_MANAGERS, workspace admins), asking Slack through `client` when it must. */
  can(userId: string, client: App["client"], teamId?: string): Capabilities;
  /** The core's answer as a Slack message (`bot.run` never rejects). */
  answer(text: string, ctx: CommandContext): Promise<{ message: SlackMessage }>;
  /** Posts to a response_url as the slash command does: retried within the deadline, a failure logged. */
  respond(url: string, message: RespondArguments, context: Record<string, unknown>): Promise<void>;
  store: DailyStore;
  clock: Clock;
  logger: Logger;
  /** Forgets a workspace's installation when it uninstalls the app (many-workspace installs only). */
  forgetInstallation?(teamId: string): Promise<void>;
}

/**
 * Everything but the slash command and buttons: mentions answered in their thread, direct messages
 * (help the first time), the Home tab, the "Find KubeCon talks" message shortcut, and uninstalls.
 */
export function registerConversations(app: App, { bot, can, answer, respond, store, clock, logger, forgetInstallation }: ConversationOptions): void {
  const slack = (client: App["client"], userId: string, channelId: string, spaceId?: string): CommandContext => ({ platform: "slack", userId, channelId, spaceId, can: can(userId, client, spaceId) });

  /** Posts publicly; a refusal is logged, never thrown (the event is acknowledged already). */
  async function post(client: App["client"], channel: string, message: SlackMessage, threadTs: string | undefined, log: Record<string, unknown>) {
    try {
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false, ...(threadTs && { thread_ts: threadTs }) });
    } catch (error) {
      logger.warn({ err: error, channel, ...log }, "slack post failed");
    }
  }

  // `@kubecon ebpf`: the mention's text, less the mention, is the command; public in the thread, as the question was.
  app.event("app_mention", async ({ event, client, context }) => {
    const text = plainMessageText(event.text);
    const { message } = await answer(text, slack(client, event.user ?? "", event.channel, context.teamId));
    await post(client, event.channel, message, event.thread_ts ?? event.ts, { event: "app_mention", command: text.slice(0, 200) });
  });

  // A direct message: its text is the command; the first time, the help card comes first.
  app.event("message", async ({ event, client, context }) => {
    if (event.channel_type !== "im" || event.subtype !== undefined || ("bot_id" in event && event.bot_id)) return;
    const text = plainMessageText(event.text ?? "");
    const ctx = slack(client, event.user, event.channel, context.teamId);
    const log = { event: "message.im", command: text.slice(0, 200) };
    let greeted = true;
    try {
      const history = await client.conversations.history({ channel: event.channel, limit: 50 });
      greeted = (history.messages ?? []).some((message) => message.bot_id !== undefined);
    } catch (error) {
      logger.warn({ err: error, channel: event.channel, ...log }, "slack conversations.history failed");
    }
    const { message } = await answer(text, ctx);
    if (!greeted && text !== "" && text.toLowerCase() !== "help") await post(client, event.channel, (await answer("help", ctx)).message, undefined, log);
    await post(client, event.channel, message, undefined, log);
  });

  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const ctx = slack(client, event.user, event.channel ?? "", context.teamId);
    const [help, events] = await Promise.all([bot.run("help", ctx), bot.run("events", ctx)]);
    const subscriptions = context.teamId ? await spaceSubscriptions(store, "slack", context.teamId, clock.now()) : [];
    try {
      await client.views.publish({ user_id: event.user, view: homeView(help.card, events.card, subscriptions) });
    } catch (error) {
      logger.warn({ err: error, user: event.user }, "slack views.publish failed");
    }
  });

  // "Find KubeCon talks" on a message: a search on its text, visible to whoever asked.
  app.shortcut<MessageShortcut>({ type: "message_action", callback_id: FIND_TALKS_CALLBACK }, async ({ shortcut, ack, client }) => {
    await ack();
    const command = searchCommandFor(bot.commands, plainMessageText(shortcut.message.text ?? ""));
    const reply = command
      ? (await answer(command, slack(client, shortcut.user.id, shortcut.channel.id, shortcut.team?.id ?? undefined))).message
      : renderCard({ title: NO_TEXT });
    await respond(shortcut.response_url, { ...reply, response_type: "ephemeral" }, { shortcut: FIND_TALKS_CALLBACK, user: shortcut.user.id });
  });

  async function removed(teamId: string | undefined, reason: string): Promise<void> {
    if (!teamId) return;
    await forgetInstallation?.(teamId);
    const disabled = await disableSpaceSubscriptions(store, "slack", teamId, reason, clock.now());
    logger.info({ team: teamId, reason, subscriptionsDisabled: disabled }, "slack workspace removed the app");
  }

  app.event("app_uninstalled", async ({ body }) => removed(body.team_id, "the app was uninstalled from this workspace"));
  app.event("tokens_revoked", async ({ event, body }) => {
    if (event.tokens.bot?.length) await removed(body.team_id, "the app's bot token was revoked in this workspace");
  });
}
