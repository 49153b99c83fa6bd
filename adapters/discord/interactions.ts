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
import { answerInTime } from "../../src/adapter/in-time.js";
import type { Logger } from "../../src/log/logger.js";
import {
  autocomplete,
  capabilities,
  COMMAND_NAME,
  commandText,
  findSubcommand,
  MESSAGE_COMMAND_NAME,
  messageText,
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

const NO_TEXT = "That message has no text to search for.";
const STALE_BUTTON = "This button no longer works. Run the command again.";
const UNKNOWN_COMMAND = "This command is not known here any more. Try `/kubecon help`.";

/** Turns any interaction Discord sends into the response it expects: the same for gateway and HTTP mode. */
export function createInteractionHandler({
  bot,
  logger,
  deferAfterMs = DEFAULT_DEFER_AFTER_MS,
}: InteractionHandlerOptions): InteractionHandler {
  /** Runs a command and renders its answer (`bot.run` never rejects). */
  const run = async (text: string, ctx: CommandContext, options: RunOptions): Promise<DiscordMessage> => renderReply(await bot.run(text, ctx, options));

  /**
   * Sends the answer as the initial response when it is ready in time; otherwise defers and
   * edits the answer in when it comes.
   */
  const answer = (
    work: Promise<DiscordMessage>,
    now: (message: DiscordMessage) => APIInteractionResponse,
    deferral: APIInteractionResponse,
    transport: InteractionTransport,
  ): Promise<void> =>
    answerInTime(work, deferAfterMs, {
      now: (message) => transport.respond(now(message)),
      acknowledge: () => transport.respond(deferral),
      // The deferral fixed whether the answer is ephemeral; an edit cannot change it.
      later: ({ flags: _fixed, ...edit }) => transport.editOriginal(edit),
    });

  const newMessage = (message: DiscordMessage): APIInteractionResponse => ({
    type: InteractionResponseType.ChannelMessageWithSource,
    data: message,
  });
  const deferredMessage = (ephemeral: boolean): APIInteractionResponse => ({
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
  });
  const notice = (text: string, transport: InteractionTransport) => transport.respond(newMessage(renderNotice(text)));

  /**
   * Who asked, where, and what they may do there. A user-installed app can be used in a server it
   * was never added to; there `authorizing_integration_owners` has no guild install for it, and the
   * bot cannot post into that channel later.
   */
  function context(interaction: APIInteraction): CommandContext {
    const user = interaction.member?.user ?? interaction.user;
    const owners = interaction.authorizing_integration_owners;
    const guildInstall = owners ? owners[ApplicationIntegrationType.GuildInstall] : interaction.guild_id;
    return {
      platform: "discord",
      userId: user?.id ?? "unknown",
      channelId: interaction.channel?.id ?? interaction.channel_id ?? "unknown",
      spaceId: interaction.guild_id,
      can: capabilities({
        permissions: interaction.member?.permissions,
        botInServer: interaction.guild_id !== undefined && guildInstall === interaction.guild_id,
      }),
    };
  }

  /** "Find KubeCon talks" on a message: a search on its text, answered to the user alone. */
  async function onMessageCommand(interaction: APIMessageApplicationCommandInteraction, transport: InteractionTransport) {
    const target = interaction.data.resolved.messages[interaction.data.target_id];
    const command = searchCommandFor(bot.commands, messageText(target?.content ?? ""));
    if (!command) return notice(NO_TEXT, transport);
    const work = run(command, context(interaction), {});
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
    const work = run(text, context(interaction), {});
    return answer(work, newMessage, deferredMessage(bot.visibilityOf(text) === "ephemeral"), transport);
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

    // A click on a public card (a share, a daily post) answers the clicker alone, never rewrites the card.
    const onPublicCard = ((interaction.message.flags ?? 0) & MessageFlags.Ephemeral) === 0;
    const effect: ButtonEffect = state.effect === "update" && onPublicCard ? "reply" : state.effect;
    const work = run(state.command, context(interaction), { share: effect === "share" });
    if (effect === "update") {
      return answer(
        work,
        ({ flags: _unchanged, ...message }) => ({ type: InteractionResponseType.UpdateMessage, data: message }),
        { type: InteractionResponseType.DeferredMessageUpdate },
        transport,
      );
    }
    const ephemeral = effect === "reply" && bot.visibilityOf(state.command) === "ephemeral";
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
