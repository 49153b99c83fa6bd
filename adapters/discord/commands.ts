import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandSubcommandOption,
  type APICommandAutocompleteInteractionResponseCallbackData,
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord.js";
import type { Bot } from "../../src/commands/bot.js";
import type { Capabilities } from "../../src/commands/context.js";
import { formatCommand } from "../../src/commands/grammar.js";
import type { ArgSpec, Args, CommandSpec } from "../../src/commands/spec.js";
import { plainText } from "./escape.js";
import { FRENCH, FRENCH_MESSAGE_COMMAND, FRENCH_ROOT } from "./french.js";
import { DISCORD_LIMITS, truncate } from "./limits.js";

/** The one slash command; every core command is one of its subcommands. */
export const COMMAND_NAME = "kubecon";
const COMMAND_DESCRIPTION = "Search KubeCon + CloudNativeCon talk recaps";
/** The message context-menu command: a search on the text of the message it is used on. */
export const MESSAGE_COMMAND_NAME = "Find KubeCon talks";

/**
 * Installable to a server and to a user's account, usable in servers, in DMs with the bot and in
 * group DMs. Discord reads these on global commands only.
 */
const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

const french = (text: string) => ({ [Locale.French]: text });

// Discord's rule for command and option names (lowercase where a lowercase form exists).
const VALID_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type CommandDefinition = RESTPutAPIApplicationCommandsJSONBody[number];

/**
 * `/kubecon` with one subcommand per core command, generated from the registry so a new core
 * command needs no adapter change. Discord applies `default_member_permissions` to a whole
 * top-level command, never to one subcommand; hiding `/kubecon` from members without Manage
 * Channels would hide search from them too. So the command is open to everyone, and subcommands
 * that need Manage Channels are checked on each use against the member's permissions in the
 * channel, which Discord sends with every interaction (see `mayRun`).
 */
export function commandDefinition(specs: readonly CommandSpec[]): CommandDefinition {
  const subcommands = specs.filter((spec) => !spec.hidden).map(subcommand);
  if (subcommands.length > DISCORD_LIMITS.commandOptions) {
    throw new Error(`Discord allows ${DISCORD_LIMITS.commandOptions} subcommands, the registry has ${subcommands.length}`);
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAME,
    name_localizations: french(FRENCH_ROOT.name),
    description: COMMAND_DESCRIPTION,
    description_localizations: french(FRENCH_ROOT.description),
    ...EVERYWHERE,
    options: subcommands,
  };
}

/** "Find KubeCon talks" on a message's menu (message commands may have capitals and spaces, and no description). */
export function messageCommandDefinition(): CommandDefinition {
  return {
    type: ApplicationCommandType.Message,
    name: MESSAGE_COMMAND_NAME,
    name_localizations: french(FRENCH_MESSAGE_COMMAND),
    ...EVERYWHERE,
  };
}

/** Every application command of the bot: `/kubecon` and the message command. */
export function commandDefinitions(specs: readonly CommandSpec[]): CommandDefinition[] {
  return [commandDefinition(specs), messageCommandDefinition()];
}

function checkedName(name: string, what: string): string {
  if (!VALID_NAME.test(name) || name !== name.toLowerCase()) {
    throw new Error(`${what} "${name}" is not a valid Discord command name (1-32 lowercase letters, digits, - or _)`);
  }
  return name;
}

function description(text: string): string {
  return truncate(plainText(text).replace(/\s+/g, " ").trim(), DISCORD_LIMITS.commandDescription) || "-";
}

function subcommand(spec: CommandSpec): APIApplicationCommandSubcommandOption {
  const options = spec.args.map((arg) => option(spec, arg));
  if (options.length > DISCORD_LIMITS.commandOptions) {
    throw new Error(`command "${spec.name}" has more than ${DISCORD_LIMITS.commandOptions} arguments`);
  }
  const fr = FRENCH[spec.name];
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: checkedName(spec.name, "command"),
    description: description(spec.summary),
    ...(fr && { name_localizations: french(checkedName(fr.name, "French command")), description_localizations: french(description(fr.description)) }),
    // Discord wants required options before optional ones.
    options: [...options.filter((o) => o.required), ...options.filter((o) => !o.required)],
  };
}

function option(spec: CommandSpec, arg: ArgSpec): APIApplicationCommandBasicOption {
  const fr = FRENCH[spec.name]?.options?.[arg.name];
  const base = {
    name: checkedName(arg.name, `argument of "${spec.name}"`),
    description: description(arg.description),
    ...(fr && { name_localizations: french(checkedName(fr.name, "French argument")), description_localizations: french(description(fr.description)) }),
    required: arg.required === true,
  };
  const choices = arg.choices?.slice(0, DISCORD_LIMITS.optionChoices);
  const choiceName = (choice: string) => {
    const translated = fr?.choices?.[choice];
    return { name: truncate(choice, 100), ...(translated && { name_localizations: french(translated) }) };
  };
  if (arg.type === "integer") {
    return {
      ...base,
      type: ApplicationCommandOptionType.Integer,
      ...(choices ? { choices: choices.map((c) => ({ ...choiceName(c), value: Number(c) })) } : {}),
      ...(arg.min !== undefined ? { min_value: arg.min } : {}),
      ...(arg.max !== undefined ? { max_value: arg.max } : {}),
    };
  }
  const withChoices = choices ? { choices: choices.map((c) => ({ ...choiceName(c), value: c })) } : {};
  // Discord refuses autocomplete together with fixed choices.
  const autocomplete = !choices && arg.autocomplete ? { autocomplete: true as const } : {};
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    ...withChoices,
    ...autocomplete,
    ...(arg.maxLength !== undefined ? { max_length: Math.min(arg.maxLength, DISCORD_LIMITS.optionMaxLength) } : {}),
  } as APIApplicationCommandBasicOption;
}

/** The subcommand Discord sent, as a spec and its options. */
export interface Invocation {
  spec: CommandSpec;
  options: readonly APIApplicationCommandInteractionDataBasicOption[];
}

export function findSubcommand(
  specs: readonly CommandSpec[],
  name: string,
  options: readonly APIApplicationCommandInteractionDataBasicOption[] = [],
): Invocation | undefined {
  const spec = specs.find((s) => s.name === name);
  return spec && { spec, options };
}

/** Canonical command text for the options Discord sent (`search ebpf year:2022`). */
export function commandText({ spec, options }: Invocation): string {
  const args: Args = {};
  for (const option of options) {
    if ("value" in option && (typeof option.value === "string" || typeof option.value === "number")) {
      args[option.name] = option.value;
    }
  }
  return formatCommand(spec, args);
}

/** Where an interaction comes from, as far as permissions go. */
export interface Place {
  /** The member's permission bit set in the channel (Discord's `member.permissions`); absent outside a server. */
  permissions?: string;
  /** A server channel the bot itself is in (the app is installed to that server), so it can post there. */
  botInServer: boolean;
}

/** What the core needs to know: Manage Channels (or Administrator) in the channel, Manage Server for the bot's sources, and whether posts can reach it. */
export function capabilities(place: Place): Capabilities {
  const bits = place.permissions === undefined ? 0n : BigInt(place.permissions);
  return {
    manageChannel: (bits & (PermissionFlagsBits.ManageChannels | PermissionFlagsBits.Administrator)) !== 0n,
    channelPosts: place.botInServer,
    manageSources: (bits & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n,
  };
}

/**
 * The text of a message a user pointed the message command at, as plain words: mentions, channel
 * links and timestamps dropped, custom emoji reduced to their names.
 */
export function messageText(content: string): string {
  return content
    .replace(/<a?:(\w+):\d+>/g, "$1")
    .replace(/<(?:@[!&]?|#)\d+>|<t:-?\d+(?::\w)?>|<\/[^:>]+:\d+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ");
}

/** Autocomplete for the focused option: the core's completions within Discord's 25 choices of 100 characters. */
export function autocomplete(
  bot: Bot,
  invocation: Invocation | undefined,
): APICommandAutocompleteInteractionResponseCallbackData {
  const focused = invocation?.options.find((o) => "focused" in o && o.focused);
  const arg = focused && invocation!.spec.args.find((a) => a.name === focused.name);
  if (!arg?.autocomplete || arg.type !== "string" || !focused || !("value" in focused)) return { choices: [] };
  const choices: APIApplicationCommandOptionChoice<string>[] = bot
    .complete(arg.autocomplete, String(focused.value))
    .filter((choice) => choice.value.length >= 1 && choice.value.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((choice) => ({
      name: truncate(plainText(choice.name).replace(/\s+/g, " ").trim(), DISCORD_LIMITS.choiceName) || choice.value,
      value: choice.value,
    }));
  return { choices };
}
