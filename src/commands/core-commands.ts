import { helpCard } from "../cards/help-card.js";
import { eventCard, eventsCard, summarizeEvents } from "../cards/events-card.js";
import { searchCard } from "../cards/search-card.js";
import { talkCard } from "../cards/talk-card.js";
import { topicTrends, topicsCard } from "../cards/topics-card.js";
import type { Reply } from "../cards/card.js";
import type { Corpus } from "../corpus/corpus.js";
import type { Topic } from "../corpus/topics.js";
import { dailyCard } from "../cards/takeaway-card.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import type { SearchEngine, SearchFilters } from "../search/engine.js";
import { formatCommand } from "./grammar.js";
import type { Args, CommandSpec } from "./spec.js";
import { UserError } from "./user-error.js";

export const PAGE_SIZE = 5;

export interface CoreData {
  corpus: Corpus;
  engine: SearchEngine;
  topics: readonly Topic[];
  takeaways: () => readonly Takeaway[];
  /** Returns a number in [0, 1); injected so tests can pick the takeaway. */
  random: () => number;
  /** Every command, help included, for the help card. */
  commands: () => readonly CommandSpec[];
}

const answer = (card: Reply["card"], visibility: Reply["visibility"] = "ephemeral"): Reply => ({ card, visibility });

/** Search filters from parsed `search` arguments. */
export function filtersOf(args: Args): SearchFilters {
  return {
    ...(args.event !== undefined && { eventId: String(args.event).toLowerCase() }),
    ...(args.year !== undefined && { year: Number(args.year) }),
    ...(args.lang !== undefined && { language: String(args.lang).toLowerCase() }),
    ...(args.speaker !== undefined && { speaker: String(args.speaker) }),
  };
}

/** The commands every platform has: search, talk, events, event, topics, takeaway, help. */
export function coreCommands(data: CoreData): CommandSpec[] {
  const eventIds = () => new Set(data.corpus.recaps.map((r) => r.eventId));
  const checkEvent = (id: string) => {
    if (!eventIds().has(id)) {
      throw new UserError(`There is no event “${id.slice(0, 40)}”. Known events: ${[...eventIds()].sort().join(", ")}.`);
    }
  };

  const search: CommandSpec = {
    name: "search",
    aliases: ["s", "find"],
    summary: "Find the talks that covered a topic",
    examples: ["search ebpf", "search service mesh year:2022", "search operators event:na-2020", "search security lang:fr"],
    args: [
      { name: "query", description: "What to search for", type: "string", positional: true, rest: true, required: true, maxLength: 200, autocomplete: "query" },
      { name: "event", description: "Only this event (e.g. eu-2018)", type: "string", maxLength: 40, autocomplete: "event" },
      { name: "year", description: "Only this year", type: "integer", min: 2014, max: 2100 },
      // Every language of the corpus (at least English), not a fixed list.
      { name: "lang", description: "Only recaps in this language", type: "string", choices: [...new Set(["en", ...data.corpus.recaps.map((r) => r.language)])].sort() },
      { name: "speaker", description: "Only talks by this speaker", type: "string", maxLength: 80 },
      { name: "page", description: "Page of results", type: "integer", min: 1, max: 1000 },
    ],
    visibility: "ephemeral",
    run(args) {
      const query = String(args.query);
      const filters = filtersOf(args);
      if (filters.eventId) checkEvent(filters.eventId);
      const page = Number(args.page ?? 1);
      const result = data.engine.search(query, filters, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
      if (result.empty) {
        throw new UserError(`“${query.slice(0, 60)}” has no word to search for. Try a topic such as \`ebpf\` or \`service mesh\`.`);
      }
      if (result.total > 0 && result.hits.length === 0) {
        throw new UserError(`There are only ${Math.ceil(result.total / PAGE_SIZE)} pages of results for “${query.slice(0, 60)}”.`);
      }
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
    run(args) {
      const id = String(args.id).toLowerCase();
      const section = data.corpus.sections.find((s) => s.id === id);
      if (!section) throw new UserError(`There is no talk with id “${id.slice(0, 60)}”. Search first, then use Details.`);
      return answer(talkCard(section, data.corpus.recaps.find((r) => r.id === section.recapId)));
    },
  };

  const events: CommandSpec = {
    name: "events",
    summary: "The events in the corpus with their number of sections",
    examples: ["events"],
    args: [],
    visibility: "ephemeral",
    run: () => answer(eventsCard(summarizeEvents(data.corpus.recaps, data.corpus.sections))),
  };

  const event: CommandSpec = {
    name: "event",
    summary: "One event: its talks and its key takeaways",
    examples: ["event eu-2018", "event na-2020"],
    args: [{ name: "id", description: "An event id (see events)", type: "string", positional: true, required: true, maxLength: 40, autocomplete: "event" }],
    visibility: "ephemeral",
    run(args) {
      const id = String(args.id).toLowerCase();
      checkEvent(id);
      const summary = summarizeEvents(data.corpus.recaps, data.corpus.sections).find((e) => e.eventId === id)!;
      const sections = data.corpus.sections.filter((s) => s.eventId === id);
      return answer(eventCard(summary, sections, data.takeaways().filter((t) => t.eventId === id)));
    },
  };

  const topics: CommandSpec = {
    name: "topics",
    summary: "The main topics with counts per year, as a trend",
    examples: ["topics"],
    args: [],
    visibility: "ephemeral",
    run() {
      const years = [...new Set(data.corpus.sections.map((s) => s.year))].sort((a, b) => a - b);
      return answer(topicsCard(topicTrends(data.topics, data.corpus.sections), years));
    },
  };

  const takeaway: CommandSpec = {
    name: "takeaway",
    summary: "One random takeaway, with its talk",
    examples: ["takeaway"],
    args: [],
    visibility: "ephemeral",
    run() {
      const takeaways = data.takeaways();
      if (takeaways.length === 0) throw new UserError("The corpus has no takeaways yet.");
      const pick = takeaways[Math.floor(data.random() * takeaways.length)]!;
      const card = dailyCard(pick);
      return answer({ ...card, title: "A KubeCon takeaway", actions: [...(card.actions ?? []), { kind: "command", label: "Another", command: "takeaway" }] });
    },
  };

  const help: CommandSpec = {
    name: "help",
    summary: "What the bot can do, with examples",
    examples: ["help"],
    args: [],
    visibility: "ephemeral",
    run: () => answer(helpCard(data.commands().filter((c) => !c.hidden))),
  };

  return [search, talk, events, event, topics, takeaway, help];
}
