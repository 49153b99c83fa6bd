import type { Reply, Visibility } from "../cards/card.js";
import { errorCard, helpCard } from "../cards/help-card.js";
import type { Logger } from "../log/logger.js";
import type { Bot } from "./bot.js";
import { complete } from "./complete.js";
import { lackingAsked, type Capabilities, type Capability, type CommandContext, type RunOptions } from "./context.js";
import { agendaCommands } from "./agenda-commands.js";
import { coreCommands, helpCommand, type CoreOptions } from "./core-commands.js";
import type { BotData } from "./data.js";
import { MAX_COMMAND_LENGTH, cleanText, parseArgs, splitWords } from "./grammar.js";
import { CommandRegistry, visibilityOf } from "./registry.js";
import type { CommandSpec } from "./spec.js";
import { UserError } from "./user-error.js";
import { StoreUnavailableError } from "../store/store-error.js";

export interface BotOptions {
  logger: Logger;
  /** More commands (daily posts, votes), listed after the core's and before `help`. */
  commands?: readonly CommandSpec[];
  /** Returns a number in [0, 1); injected so tests can pick the random takeaway. */
  random?: () => number;
  /** Where each space's deal of takeaways is kept: see CoreOptions. */
  deals?: CoreOptions["deals"];
  /** The moment `now`, `next` and `today` look at the programme: the clock, or the command line's `--at`. */
  now?: () => Date;
  /** The chat platforms the bot runs on ("Slack", "Discord"), for refusals that send the user there. */
  platforms?: readonly string[];
}

export interface LoadedBot extends Bot {
  readonly data: BotData;
}

const OUR_FAULT = "Something went wrong on our side; it has been logged. Please try again.";

function refusal(missing: Capability, platforms: readonly string[]): string {
  if (missing === "manageChannel") return "You need permission to manage this channel to do that.";
  if (missing === "manageSources") return "Only the people who manage the bot (workspace or server admins) can change its sources.";
  const where = platforms.length ? `a ${platforms.join(" or ")} channel` : "a chat channel";
  return `That posts in a channel later, so it works in ${where} the bot is in: run it there.`;
}

/** The bot over loaded data: command text in the shared grammar in, a Reply out. */
export function createBot(data: BotData, options: BotOptions): LoadedBot {
  const { logger, platforms = [] } = options;
  // Explicit order: search first (it takes text that names no command), the rest of the core, the extras, help last.
  const help = helpCommand(() => registry);
  const registry: CommandRegistry = new CommandRegistry(
    [
      ...coreCommands(data, { random: options.random ?? Math.random, ...(options.deals && { deals: options.deals }) }),
      ...agendaCommands(data, options.now ?? (() => new Date())),
      ...(options.commands ?? []),
      help,
    ],
    data.engine,
  );

  /** The command a text runs and its arguments; a UserError for a mistake. */
  function parse(text: string, can?: Capabilities): { spec: CommandSpec; args: ReturnType<typeof parseArgs> } | undefined {
    if (text.length > MAX_COMMAND_LENGTH) {
      throw new UserError(`That is ${text.length} characters; keep a command under ${MAX_COMMAND_LENGTH}.`);
    }
    const words = splitWords(cleanText(text));
    const first = words[0];
    if (!first) return undefined;
    const named = first.name === undefined ? registry.find(first.value) : undefined;
    if (!named) {
      const typo = first.name === undefined ? registry.mistyped(first.value) : undefined;
      if (typo) throw new UserError(`Unknown command “${first.value.slice(0, 30)}”. Did you mean \`${typo}\`? Type \`help\` for the list.`);
    }
    const spec = named ?? registry.fallback;
    return { spec, args: parseArgs(spec, named ? words.slice(1) : words, can) };
  }

  async function execute(parsed: ReturnType<typeof parse>, ctx: CommandContext, runOptions: RunOptions): Promise<Reply> {
    if (!parsed) return { card: helpCard(registry.helpFor(ctx.can)), visibility: "ephemeral" };
    const missing = await lackingAsked(ctx.can, parsed.spec.needs?.(parsed.args));
    if (missing) throw new UserError(refusal(missing, platforms));
    return parsed.spec.run(parsed.args, ctx, runOptions);
  }

  return {
    data,
    commands: registry.commands,
    async run(text, ctx, runOptions = {}) {
      // Named as soon as the text is parsed; a text that names no command (a typo) has none.
      let command: string | undefined;
      let reply: Reply;
      try {
        const parsed = parse(text, ctx.can);
        command = parsed ? parsed.spec.name : help.name;
        reply = await execute(parsed, ctx, runOptions);
      } catch (error) {
        if (error instanceof UserError) return { card: errorCard(error.message), visibility: "ephemeral", isError: true, command };
        // The store has logged why, once; every refused write need not be.
        if (error instanceof StoreUnavailableError) return { card: errorCard(error.message), visibility: "ephemeral", isError: true, internal: true, command };
        logger.error({ err: error, platform: ctx.platform, channel: ctx.channelId, command: text.slice(0, 200) }, "command failed");
        return { card: errorCard(OUR_FAULT), visibility: "ephemeral", isError: true, internal: true, command };
      }
      if (runOptions.share && !reply.isError) return { card: { ...reply.card, sharedBy: ctx.userId }, visibility: "public", command };
      return { ...reply, command };
    },
    visibilityOf(text): Visibility {
      try {
        const parsed = parse(text);
        return parsed ? visibilityOf(parsed.spec, parsed.args) : "ephemeral";
      } catch (error) {
        // A mistake is answered to the asker alone.
        if (error instanceof UserError) return "ephemeral";
        throw error;
      }
    },
    complete: (kind, partial) => complete(data, kind, partial),
  };
}
