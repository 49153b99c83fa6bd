import { helpCard } from "../cards/help-card.js";
import { searchCard } from "../cards/search-card.js";
import type { Reply } from "../cards/card.js";
import type { Corpus } from "../corpus/corpus.js";
import { findSection } from "../corpus/section-ids.js";
import type { Section } from "../corpus/section.js";
import type { SearchFilters } from "../search/engine.js";
import type { DailyStore } from "../store/daily-store.js";
import type { CommandContext } from "./context.js";
import type { BotData } from "./data.js";
import { formatCommand } from "./grammar.js";
import { checkPage } from "./pages.js";
import type { CommandRegistry } from "./registry.js";
import type { Args, CommandSpec } from "./spec.js";
import { UserError } from "./user-error.js";

export const PAGE_SIZE = 5;
/** Sections of an event a page of `event <id>` lists. */
export const EVENT_PAGE_SIZE = 10;

const answer = (card: Reply["card"]): Reply => ({ card, visibility: "ephemeral" });

/** Search filters from parsed `search` arguments. */
export function filtersOf(args: Args): SearchFilters {
  return {
    ...(args.event !== undefined && { eventId: String(args.event).toLowerCase() }),
    ...(args.year !== undefined && { year: Number(args.year) }),
    ...(args.lang !== undefined && { language: String(args.lang).toLowerCase() }),
    ...(args.speaker !== undefined && { speaker: String(args.speaker) }),
  };
}

/** Refuses an event id the corpus does not have (no recap and no programme of it), naming those it has. */
export function checkEventId(corpus: Corpus, id: string): void {
  // The recaps name nearly every event; the sections (a programme's sessions) only the rest.
  if (corpus.recaps.some((r) => r.eventId === id) || corpus.sections.some((s) => s.eventId === id)) return;
  const known = new Set([...corpus.recaps.map((r) => r.eventId), ...corpus.sections.map((s) => s.eventId)]);
  throw new UserError(`There is no event “${id.slice(0, 40)}”. Known events: ${[...known].sort().join(", ")}.`);
}

export interface CoreOptions {
  /** Returns a number in [0, 1); injected so tests can pick the takeaway. */
  random: () => number;
  /**
   * Where each space's deal of takeaways is kept (the daily store), asked for when `takeaway` runs.
   * Without it every `takeaway` starts a new deal, and its Another button carries the deal along.
   */
  deals?: () => Pick<DailyStore, "nextInDeal">;
}

/** Whose deal a `takeaway` continues: the channel's in a workspace or server, else the person's (a direct message). */
function dealSpace(ctx: Pick<CommandContext, "platform" | "spaceId" | "channelId" | "userId">): string {
  return ctx.spaceId ? `${ctx.platform}:${ctx.spaceId}:${ctx.channelId}` : `${ctx.platform}:user:${ctx.userId}`;
}

/**
 * The commands every front end has, search first (it takes text that names no command). The cards
 * and statistics of the other commands are loaded by those commands when they run: a fresh
 * `kubecon search` loads none of their modules.
 */
export function coreCommands(data: BotData, { random, deals }: CoreOptions): CommandSpec[] {
  const checkEvent = (id: string) => checkEventId(data.corpus, id);

  /** One event, a page of its sections at a time: for `event <id>` and for `search event:<id>` with no words. */
  const eventAnswer = async (id: string, page: number, commandFor: (page: number) => string): Promise<Reply> => {
    checkEvent(id);
    const [{ summarizeEvents }, { eventCard }] = await Promise.all([import("../corpus/stats.js"), import("../cards/events-card.js")]);
    const summary = summarizeEvents(data.corpus.recaps, data.corpus.sections).find((e) => e.eventId === id)!;
    // The recap's own notes are searchable, but no talk of the event.
    const sections = data.corpus.sections.filter((s) => s.eventId === id && s.kind === "talk");
    checkPage(page, sections.length, EVENT_PAGE_SIZE, `sections at ${id}`);
    const takeaways = (await data.takeaways()).filter((t) => t.eventId === id);
    return answer(eventCard(summary, sections, takeaways, { page, pageSize: EVENT_PAGE_SIZE, commandFor }));
  };

  const event: CommandSpec = {
    name: "event",
    summary: "One event: its key takeaways and all its talks, a page at a time",
    examples: ["event eu-2018", "event na-2020 page:2"],
    args: [
      { name: "id", description: "An event id (see events)", type: "string", positional: true, required: true, maxLength: 40, autocomplete: "event" },
      { name: "page", description: "Page of talks", type: "integer", min: 1, max: 1000 },
    ],
    visibility: "ephemeral",
    run(args) {
      const id = String(args.id).toLowerCase();
      return eventAnswer(id, Number(args.page ?? 1), (n) => formatCommand(event, { id, page: n === 1 ? undefined : n }));
    },
  };

  const search: CommandSpec = {
    name: "search",
    aliases: ["s", "find"],
    summary: "Find the talks that covered a topic",
    examples: ["search ebpf", "search service mesh year:2022", "search operators event:na-2020", "search security lang:fr"],
    args: [
      { name: "query", description: "What to search for", type: "string", positional: true, rest: true, maxLength: 200, autocomplete: "query" },
      { name: "event", description: "Only this event (e.g. eu-2018)", type: "string", maxLength: 40, autocomplete: "event" },
      { name: "year", description: "Only this year", type: "integer", min: 2014, max: 2100 },
      // Every language of the corpus (at least English), not a fixed list.
      { name: "lang", description: "Only recaps in this language", type: "string", choices: [...new Set(["en", ...data.corpus.recaps.map((r) => r.language)])].sort() },
      { name: "speaker", description: "Only talks by this speaker", type: "string", maxLength: 80 },
      { name: "page", description: "Page of results", type: "integer", min: 1, max: 1000 },
    ],
    visibility: "ephemeral",
    run(args) {
      const filters = filtersOf(args);
      const page = Number(args.page ?? 1);
      if (args.query === undefined) {
        // `search event:eu-2018` alone: that event's sections.
        if (filters.eventId && Object.keys(filters).length === 1) {
          return eventAnswer(filters.eventId, page, (n) => formatCommand(search, { ...args, page: n === 1 ? undefined : n }));
        }
        throw new UserError("`search` needs words to search for, like `search ebpf` (or `search event:<id>` alone for one event's talks).");
      }
      const query = String(args.query);
      if (filters.eventId) checkEvent(filters.eventId);
      const result = data.engine.search(query, filters, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
      if (result.empty) {
        throw new UserError(`“${query.slice(0, 60)}” has no word to search for. Try a topic such as \`ebpf\` or \`service mesh\`.`);
      }
      if (result.total > 0) checkPage(page, result.total, PAGE_SIZE, `results for “${query.slice(0, 60)}”`);
      const commandFor = (n: number) => formatCommand(search, { ...args, page: n === 1 ? undefined : n });
      return answer(searchCard({ query, filters, answer: result, page, pageSize: PAGE_SIZE, commandFor }));
    },
  };

  const talk: CommandSpec = {
    name: "talk",
    aliases: ["details", "show"],
    summary: "One talk in full: all its notes, speakers, event and source",
    examples: ["talk eu-2021-homecooked--the-art-of-hiding-yourself"],
    args: [{ name: "id", description: "A section id (from a search result's Details)", type: "string", positional: true, required: true, maxLength: 100, autocomplete: "talk" }],
    visibility: "ephemeral",
    async run(args) {
      const id = String(args.id).toLowerCase();
      const found = findSection(data.corpus.sections, id);
      if ("gone" in found) {
        throw new UserError(
          found.gone === "recap" && id.includes("--")
            ? `The talk “${id.slice(0, 60)}” left the corpus with its recap. Search for it again.`
            : found.gone === "talk"
              ? `The talk “${id.slice(0, 60)}” left the corpus when its recap was read again. Search for it again.`
              : `There is no talk with id “${id.slice(0, 60)}”. Search first, then use Details.`,
        );
      }
      const { section } = found;
      const { talkCard } = await import("../cards/talk-card.js");
      const recapOf = (s: Section) => data.corpus.recaps.find((r) => r.id === s.recapId);
      const byId = (id: string) => data.corpus.sections.find((s) => s.id === id);
      const programme = section.programmeId ? byId(section.programmeId) : undefined;
      const recaps = (section.recapSectionIds ?? []).flatMap((id) => {
        const noted = byId(id);
        return noted ? [{ section: noted, recap: recapOf(noted) }] : [];
      });
      return answer(talkCard(section, recapOf(section), { ...(programme && { programme }), ...(recaps.length && { recaps }) }));
    },
  };

  const events: CommandSpec = {
    name: "events",
    summary: "The events in the corpus with their number of sections",
    examples: ["events"],
    args: [],
    visibility: "ephemeral",
    async run() {
      const [{ summarizeEvents }, { eventsCard }] = await Promise.all([import("../corpus/stats.js"), import("../cards/events-card.js")]);
      return answer(eventsCard(summarizeEvents(data.corpus.recaps, data.corpus.sections)));
    },
  };

  const topics: CommandSpec = {
    name: "topics",
    summary: "The main topics with counts per year, as a trend",
    examples: ["topics"],
    args: [],
    visibility: "ephemeral",
    async run() {
      const [{ topicTrends, yearsOf }, { topicsCard }] = await Promise.all([import("../corpus/stats.js"), import("../cards/topics-card.js")]);
      return answer(topicsCard(topicTrends(data.topics, data.corpus.sections), yearsOf(data.corpus.sections)));
    },
  };

  /**
   * The takeaway at `position` of the deal of `seed`, with an "Another" button for the next one: the
   * space's next from the store where there is one, else the next position of this deal.
   */
  const dealt = async (seed: number, position: number, next: string): Promise<Reply> => {
    const takeaways = await data.takeaways();
    const [{ deal }, { dailyCard }] = await Promise.all([import("../takeaways/deck.js"), import("../cards/takeaway-card.js")]);
    const deck = deal(takeaways, seed);
    const card = dailyCard(deck[position]!);
    const another = { kind: "command" as const, label: "Another", command: next };
    return answer({ ...card, title: "A KubeCon takeaway", actions: [...(card.actions ?? []), another] });
  };
  const pool = async () => {
    const size = (await data.takeaways()).length;
    if (size === 0) throw new UserError("The corpus has no takeaways yet.");
    return size;
  };
  const freshSeed = () => Math.floor(random() * 2 ** 32);

  const takeaway: CommandSpec = {
    name: "takeaway",
    summary: "One random takeaway, with its talk",
    examples: ["takeaway"],
    args: [],
    visibility: "ephemeral",
    async run(_args, ctx) {
      const size = await pool();
      if (!deals) {
        const seed = freshSeed();
        return dealt(seed, 0, `${takeawayNext.name} ${seed} ${1 % size}`);
      }
      const { seed, position } = await deals().nextInDeal(dealSpace(ctx), size, freshSeed(), new Date());
      return dealt(seed, position, takeaway.name);
    },
  };

  /** The "Another" button's command: the next takeaway of the same deal, no section twice before all had one. */
  const takeawayNext: CommandSpec = {
    name: "takeaway-next",
    summary: "The next takeaway of a deal",
    examples: ["takeaway-next 1234 1"],
    args: [
      { name: "seed", description: "The deal's seed", type: "integer", positional: true, required: true, min: 0, max: 2 ** 32 - 1 },
      { name: "position", description: "Its position in the deal", type: "integer", positional: true, required: true, min: 0, max: 1_000_000 },
    ],
    visibility: "ephemeral",
    hidden: true,
    async run(args) {
      const size = await pool();
      const position = Number(args.position) % size;
      return dealt(Number(args.seed), position, `${takeawayNext.name} ${args.seed} ${(position + 1) % size}`);
    },
  };

  return [search, talk, events, event, topics, takeaway, takeawayNext];
}

/** `help`: the commands that work where it is asked, with examples. Last in the registry by convention. */
export function helpCommand(registry: () => CommandRegistry): CommandSpec {
  return {
    name: "help",
    summary: "What the bot can do, with examples",
    examples: ["help"],
    args: [],
    visibility: "ephemeral",
    run: (_args, ctx) => answer(helpCard(registry().helpFor(ctx.can))),
  };
}
