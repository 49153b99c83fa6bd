import { searchCard } from "../cards/search-card.js";
import { renderText, type TextStyle } from "../cards/text.js";
import type { LoadedBot } from "../commands/create-bot.js";
import { checkEventId, filtersOf } from "../commands/core-commands.js";
import { cleanText, formatCommand, parseArgs, splitWords } from "../commands/grammar.js";
import { UserError } from "../commands/user-error.js";
import type { SearchAnswer, SearchFilters } from "../search/engine.js";
import { sectionJson } from "./section-json.js";

interface CliSearch {
  /** The query text as cleaned. */
  text: string;
  query: string;
  filters: SearchFilters;
  answer: SearchAnswer;
  commandFor(page: number): string;
}

/** A search from the command line, with the same arguments and checks as the search command, and `--limit` results. */
function runSearch(bot: LoadedBot, text: string, limit: number): CliSearch {
  const search = bot.commands.find((c) => c.name === "search")!;
  const cleaned = cleanText(text);
  const args = parseArgs(search, splitWords(cleaned));
  if (args.query === undefined) throw new UserError("search needs words to search for, like: kubecon search ebpf");
  const filters = filtersOf(args);
  if (filters.eventId) checkEventId(bot.data.corpus, filters.eventId);
  const answer = bot.data.engine.search(String(args.query), filters, { offset: 0, limit });
  if (answer.empty) throw new UserError(`“${String(args.query).slice(0, 60)}” has no word to search for`);
  return { text: cleaned, query: String(args.query), filters, answer, commandFor: (page) => formatCommand(search, { ...args, page: page === 1 ? undefined : page }) };
}

/** `kubecon search ... --json`: one JSON object. */
export function searchJson(bot: LoadedBot, text: string, limit: number): string {
  const { text: query, answer } = runSearch(bot, text, limit);
  return JSON.stringify({
    query,
    total: answer.total,
    ...(answer.suggestion && { suggestion: answer.suggestion }),
    ...(answer.answer && { answer: { text: answer.answer.text, sectionId: answer.answer.section.id } }),
    results: answer.hits.map((h) => sectionJson(h.section, { score: h.score, snippet: h.snippet })),
  });
}

/** `kubecon search ... --limit N` as text: the search card with the first N results and no paging (chat pages by five). */
export function searchText(bot: LoadedBot, text: string, limit: number, style: TextStyle): string {
  const { query, filters, answer, commandFor } = runSearch(bot, text, limit);
  const card = searchCard({ query, filters, answer, page: 1, pageSize: limit, commandFor });
  if (answer.total === 0) return renderText(card, style);
  return renderText({ ...card, footer: `Results 1–${answer.hits.length} of ${answer.total}`, actions: [] }, style);
}
