import { errorCard, helpCard } from "../cards/help-card.js";
import type { Reply } from "../cards/card.js";
import type { Corpus } from "../corpus/corpus.js";
import type { Topic } from "../corpus/topics.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import type { Logger } from "../log/logger.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../paths.js";
import type { SearchEngine } from "../search/engine.js";
import { fold } from "../text/fold.js";
import { editDistance } from "../search/levenshtein.js";
import { loadSearchData } from "../search/snapshot.js";
import type { Bot } from "./bot.js";
import type { CommandContext, RunOptions } from "./context.js";
import { coreCommands, type CoreData } from "./core-commands.js";
import { MAX_COMMAND_LENGTH, cleanText, parseArgs, splitWords } from "./grammar.js";
import type { Choice, CommandSpec, CompletionKind } from "./spec.js";
import { UserError } from "./user-error.js";

export interface BotOptions {
  corpusDir?: string;
  /** Where the index snapshot is kept (see src/search/snapshot.ts); without it the index is built every time. */
  cacheDir?: string;
  /**
   * A one-off process (the command line): what only some commands need (takeaways) is loaded when
   * such a command runs, so `kubecon search` starts fast; `data.takeaways` is usable after that.
   */
  lazy?: boolean;
  logger: Logger;
  /** More commands (the daily posts), given what the core loaded. */
  commands?: (data: LoadedData) => CommandSpec[];
  random?: () => number;
}

export interface LoadedData {
  corpus: Corpus;
  engine: SearchEngine;
  topics: readonly Topic[];
  /** The postable takeaways, best first; worked out on first use. */
  readonly takeaways: readonly Takeaway[];
}

export interface LoadedBot extends Bot {
  readonly data: LoadedData;
}

const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** Loads the corpus, builds the index and answers commands in the shared grammar. */
export async function createBot(options: BotOptions): Promise<LoadedBot> {
  const { logger } = options;
  const sources = { corpusDir: options.corpusDir ?? defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile() };
  const { corpus, engine, topics } = await loadSearchData(sources, { cacheDir: options.cacheDir, logger });
  for (const problem of corpus.problems) logger.warn({ problem }, "recap skipped");
  // Takeaways are worked out on first use: a one-off `kubecon search` never needs them (nor their module).
  let takeawaysModule: typeof import("../takeaways/takeaways.js") | undefined;
  const loadTakeaways = async () => void (takeawaysModule ??= await import("../takeaways/takeaways.js"));
  if (!options.lazy) await loadTakeaways();
  let takeaways: Takeaway[] | undefined;
  const data: LoadedData = {
    corpus,
    engine,
    topics,
    get takeaways() {
      if (!takeawaysModule) throw new Error("takeaways read before a command that needs them loaded their module");
      return (takeaways ??= takeawaysModule.postableTakeaways(corpus.sections, topics));
    },
  };
  logger.debug({ recaps: corpus.recaps.length, sections: corpus.sections.length }, "corpus indexed");

  let commands: CommandSpec[] = [];
  const core: CoreData = { corpus, engine, topics, takeaways: () => data.takeaways, random: options.random ?? Math.random, commands: () => commands };
  const [search, ...rest] = coreCommands(core);
  const help = rest.pop()!;
  commands = [search!, ...rest, ...(options.commands?.(data) ?? []), help];

  const byName = new Map<string, CommandSpec>();
  for (const spec of commands) for (const name of [spec.name, ...(spec.aliases ?? [])]) byName.set(name, spec);

  /** A first word that is neither a command nor a word of the corpus, but close to a command: a typo. */
  function mistypedCommand(word: string): string | undefined {
    if (word.length < 4 || engine.knows(word)) return undefined;
    return commands.map((c) => c.name).find((name) => editDistance(fold(word), name, name.length > 5 ? 2 : 1) <= (name.length > 5 ? 2 : 1));
  }

  async function execute(text: string, ctx: CommandContext, runOptions: RunOptions): Promise<Reply> {
    if (text.length > MAX_COMMAND_LENGTH) {
      throw new UserError(`That is ${text.length} characters; keep a command under ${MAX_COMMAND_LENGTH}.`);
    }
    const words = splitWords(cleanText(text));
    const first = words[0];
    if (!first) return { card: helpCard(commands.filter((c) => !c.hidden)), visibility: "ephemeral" };
    const named = first.name === undefined ? byName.get(first.value.toLowerCase()) : undefined;
    if (!named) {
      const typo = first.name === undefined ? mistypedCommand(first.value) : undefined;
      if (typo) throw new UserError(`Unknown command “${first.value.slice(0, 30)}”. Did you mean \`${typo}\`? Type \`help\` for the list.`);
    }
    const spec = named ?? search!;
    if (spec !== search) await loadTakeaways();
    const args = parseArgs(spec, named ? words.slice(1) : words);
    return spec.run(args, ctx, runOptions);
  }

  return {
    data,
    commands,
    async run(text, ctx, runOptions = {}) {
      let reply: Reply;
      try {
        reply = await execute(text, ctx, runOptions);
      } catch (error) {
        if (error instanceof UserError) return { card: errorCard(error.message), visibility: "ephemeral", isError: true };
        logger.error({ err: error, platform: ctx.platform, channel: ctx.channelId, command: text.slice(0, 200) }, "command failed");
        return { card: errorCard("Something went wrong on our side; it has been logged. Please try again."), visibility: "ephemeral", isError: true, internal: true };
      }
      if (runOptions.share && !reply.isError) return { card: { ...reply.card, sharedBy: ctx.userId }, visibility: "public" };
      return reply;
    },
    complete(kind: CompletionKind, partial: string): Choice[] {
      return complete(data, kind, partial);
    },
  };
}

const clip = (text: string) => (text.length <= MAX_CHOICE_LENGTH ? text : `${text.slice(0, MAX_CHOICE_LENGTH - 1)}…`);

/** Autocomplete: the entries containing what was typed, those starting with it first. */
function complete(data: LoadedData, kind: CompletionKind, partial: string): Choice[] {
  const typed = fold(partial.trim());
  const candidates: Choice[] = (() => {
    switch (kind) {
      case "event":
        return [...new Map(data.corpus.recaps.map((r) => [r.eventId, { name: `${r.eventId} · ${r.event}`, value: r.eventId }])).values()];
      case "talk":
        return data.corpus.sections.map((s) => ({ name: s.title, value: s.id }));
      case "topic":
        return data.topics.map((t) => ({ name: t.label, value: t.label }));
      case "query":
        return [
          ...data.topics.map((t) => ({ name: t.label, value: t.label })),
          ...data.corpus.sections.map((s) => ({ name: s.talk, value: s.talk })),
        ];
    }
  })();
  const scored = candidates
    .map((c) => ({ c, at: fold(c.name).indexOf(typed) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => Number(a.at !== 0) - Number(b.at !== 0) || a.at - b.at);
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const { c } of scored) {
    const value = clip(c.value);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: clip(c.name), value });
    if (choices.length === MAX_CHOICES) break;
  }
  return choices;
}
