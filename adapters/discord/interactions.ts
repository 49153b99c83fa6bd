import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageComponentInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIMessageApplicationCommandInteraction,
} from "discord.js";
import type { Bot } from "../../src/commands/bot.js";
import type { CommandContext, RunOptions } from "../../src/commands/context.js";
import { searchCommandFor } from "../../src/commands/search-text.js";
import type { Logger } from "../../src/log/logger.js";
import {
  access,
  autocomplete,
  COMMAND_NAME,
  commandText,
  findSubcommand,
  MESSAGE_COMMAND_NAME,
  messageText,
  specForText,
  type Access,
  type Place,
} from "./commands.js";
import { decodeButton, type ButtonEffect } from "./custom-id.js";
import { renderNotice, renderReply, type DiscordMessage } from "./render.js";

/** How an answer reaches Discord: the gateway posts to the callback endpoint, HTTP mode answers the request. */
export interface InteractionTransport {
  /** The initial response; Discord wants it within 3 seconds. */
  respond(response: APIInteractionResponse): Promise<void>;
  /** Replaces the deferred response (or, after a deferred update, the message the button is on). */
  editOriginal(message: DiscordMessage): Promise<void>;
}

export interface InteractionHandlerOptions {
  bot: Bot;
  logger: Logger;
  /**
   * How long to wait for an answer before deferring (Discord shows "thinking…") and editing the
   * answer in when it is ready; well under the 3 seconds Discord allows for the first response.
   */
  deferAfterMs?: number;
}

export type InteractionHandler = (interaction: APIInteraction, transport: InteractionTransport) => Promise<void>;

export const DEFAULT_DEFER_AFTER_MS = 1200;

const REFUSALS: Record<Exclude<Access, "allowed">, string> = {
  "needs-permission": "You need the Manage Channels permission in this channel to do that.",
  "needs-server":
    "Daily posts are a server feature: run this in a channel of a server the bot has been added to (its profile → Add App → Add to Server).",
};
const NO_TEXT = "That message has no text to search for.";
const STALE_BUTTON = "This button no longer works. Run the command again.";
const UNKNOWN_COMMAND = "This command is not known here any more. Try `/kubecon help`.";
const OUR_FAULT = "Something went wrong on our side. Please try again in a moment.";

/** Turns any interaction Discord sends into the response it expects: the same for gateway and HTTP mode. */
export function createInteractionHandler({
  bot,
  logger,
  deferAfterMs = DEFAULT_DEFER_AFTER_MS,
}: InteractionHandlerOptions): InteractionHandler {
  /** Runs a command; never rejects: our failures become a short notice and a log line. */
  async function run(text: string, ctx: CommandContext, options: RunOptions, interactionId: string): Promise<DiscordMessage> {
    try {
      return renderReply(await bot.run(text, ctx, options));
    } catch (error) {
      logger.error({ err: error, command: text, interactionId, platform: "discord" }, "discord command failed");
      return renderNotice(OUR_FAULT);
    }
  }

  /**
   * Sends the answer as the initial response when it is ready in time; otherwise defers and
   * edits the answer in when it comes.
   */
  async function answer(
    work: Promise<DiscordMessage>,
    now: (message: DiscordMessage) => APIInteractionResponse,
    deferral: APIInteractionResponse,
    transport: InteractionTransport,
  ): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, deferAfterMs, "late")));
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first !== "late") return transport.respond(now(first));
    await transport.respond(deferral);
    // The deferral fixed whether the answer is ephemeral; an edit cannot change it.
    const { flags: _fixed, ...edit } = await work;
    await transport.editOriginal(edit);
  }

  const newMessage = (message: DiscordMessage): APIInteractionResponse => ({
    type: InteractionResponseType.ChannelMessageWithSource,
    data: message,
  });
  const deferredMessage = (ephemeral: boolean): APIInteractionResponse => ({
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
  });
  const notice = (text: string, transport: InteractionTransport) => transport.respond(newMessage(renderNotice(text)));

  function context(interaction: APIInteraction): CommandContext {
    const user = interaction.member?.user ?? interaction.user;
    return {
      platform: "discord",
      userId: user?.id ?? "unknown",
      channelId: interaction.channel?.id ?? interaction.channel_id ?? "unknown",
      spaceId: interaction.guild_id,
    };
  }

  /**
   * Permissions and whether the bot is in this server. A user-installed app can be used in a server
   * it was never added to; there `authorizing_integration_owners` has no guild install for it.
   */
  function place(interaction: APIInteraction): Place {
    const owners = interaction.authorizing_integration_owners;
    const guildInstall = owners ? owners[ApplicationIntegrationType.GuildInstall] : interaction.guild_id;
    return {
      permissions: interaction.member?.permissions,
      botInServer: interaction.guild_id !== undefined && guildInstall === interaction.guild_id,
    };
  }

  /** The refusal for a command that may not run here, if any. */
  function refusal(text: string, interaction: APIInteraction): string | undefined {
    const verdict = access(bot.commands, text, place(interaction));
    return verdict === "allowed" ? undefined : REFUSALS[verdict];
  }

  /** "Find KubeCon talks" on a message: a search on its text, answered to the user alone. */
  async function onMessageCommand(interaction: APIMessageApplicationCommandInteraction, transport: InteractionTransport) {
    const target = interaction.data.resolved.messages[interaction.data.target_id];
    const command = searchCommandFor(bot.commands, messageText(target?.content ?? ""));
    if (!command) return notice(NO_TEXT, transport);
    const work = run(command, context(interaction), {}, interaction.id);
    return answer(work, newMessage, deferredMessage(true), transport);
  }

  async function onApplicationCommand(interaction: APIApplicationCommandInteraction, transport: InteractionTransport) {
    if (interaction.data.type === ApplicationCommandType.Message && interaction.data.name === MESSAGE_COMMAND_NAME) {
      return onMessageCommand(interaction as APIMessageApplicationCommandInteraction, transport);
    }
    if (interaction.data.type === ApplicationCommandType.ChatInput) {
      return onCommand(interaction as APIChatInputApplicationCommandInteraction, transport);
    }
    return notice(UNKNOWN_COMMAND, transport);
  }

  async function onCommand(interaction: APIChatInputApplicationCommandInteraction, transport: InteractionTransport) {
    const sub = interaction.data.options?.[0];
    const invocation =
      interaction.data.name === COMMAND_NAME && sub?.type === ApplicationCommandOptionType.Subcommand
        ? findSubcommand(bot.commands, sub.name, sub.options)
        : undefined;
    if (!invocation) return notice(UNKNOWN_COMMAND, transport);
    const text = commandText(invocation);
    const refused = refusal(text, interaction);
    if (refused) return notice(refused, transport);
    const work = run(text, context(interaction), {}, interaction.id);
    return answer(work, newMessage, deferredMessage(invocation.spec.visibility === "ephemeral"), transport);
  }

  async function onButton(interaction: APIMessageComponentInteraction, transport: InteractionTransport) {
    const ids = interaction.message.components?.flatMap((row) =>
      "components" in row ? row.components.flatMap((c) => ("custom_id" in c && c.custom_id ? [c.custom_id] : [])) : [],
    );
    const state =
      interaction.data.component_type === ComponentType.Button
        ? decodeButton(interaction.data.custom_id, ids ?? [])
        : undefined;
    if (!state) return notice(STALE_BUTTON, transport);
    const spec = specForText(bot.commands, state.command);
    const refused = refusal(state.command, interaction);
    if (refused) return notice(refused, transport);

    // A click on a public card (a share, a daily post) answers the clicker alone, never rewrites the card.
    const onPublicCard = ((interaction.message.flags ?? 0) & MessageFlags.Ephemeral) === 0;
    const effect: ButtonEffect = state.effect === "update" && onPublicCard ? "reply" : state.effect;
    const work = run(state.command, context(interaction), { share: effect === "share" }, interaction.id);
    if (effect === "update") {
      return answer(
        work,
        ({ flags: _unchanged, ...message }) => ({ type: InteractionResponseType.UpdateMessage, data: message }),
        { type: InteractionResponseType.DeferredMessageUpdate },
        transport,
      );
    }
    const ephemeral = effect === "reply" && (spec?.visibility ?? "ephemeral") === "ephemeral";
    return answer(work, newMessage, deferredMessage(ephemeral), transport);
  }

  async function onAutocomplete(interaction: APIApplicationCommandAutocompleteInteraction, transport: InteractionTransport) {
    const sub = interaction.data.options?.[0];
    const invocation =
      sub?.type === ApplicationCommandOptionType.Subcommand
        ? findSubcommand(bot.commands, sub.name, sub.options)
        : undefined;
    let data: ReturnType<typeof autocomplete> = { choices: [] };
    try {
      data = autocomplete(bot, invocation);
    } catch (error) {
      logger.error({ err: error, interactionId: interaction.id, platform: "discord" }, "discord autocomplete failed");
    }
    return transport.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data });
  }

  return async (interaction, transport) => {
    switch (interaction.type) {
      case InteractionType.Ping:
        return transport.respond({ type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommand:
        return onApplicationCommand(interaction, transport);
      case InteractionType.MessageComponent:
        return onButton(interaction, transport);
      case InteractionType.ApplicationCommandAutocomplete:
        return onAutocomplete(interaction, transport);
      default:
        return notice(UNKNOWN_COMMAND, transport);
    }
  };
}
