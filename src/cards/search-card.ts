import type { SearchAnswer, SearchFilters } from "../search/engine.js";
import { feedbackActions } from "./feedback-actions.js";
import type { Card, CardAction, Paragraph } from "./card.js";
import { eventWithYear, sectionLink, sectionMeta } from "./section-meta.js";

export interface SearchCardInput {
  query: string;
  filters: SearchFilters;
  answer: SearchAnswer;
  page: number;
  pageSize: number;
  /** Command text for a given page of the same search, for the paging buttons. */
  commandFor(page: number): string;
}

function describeFilters(filters: SearchFilters): string {
  const parts = [
    filters.eventId && `event ${filters.eventId}`,
    filters.year && `year ${filters.year}`,
    filters.language && `language ${filters.language}`,
    filters.speaker && `speaker “${filters.speaker}”`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** A question's answer line: the sentence quoted, then the talk and event it comes from. */
function answerParagraph(found: NonNullable<SearchAnswer["answer"]>): Paragraph {
  const { section } = found;
  return { text: [{ text: "“" }, ...found.snippet, { text: `” — ${section.title}, ${eventWithYear(section.event, section.year)}` }] };
}

/** The answer to a search: the query restated, numbered results, paging and sharing. */
export function searchCard(input: SearchCardInput): Card {
  const { query, answer, page, pageSize } = input;
  const pages = Math.max(1, Math.ceil(answer.total / pageSize));
  const title = `KubeCon talks on “${query}”${describeFilters(input.filters)}`;
  if (answer.total === 0) {
    const hint = answer.suggestion ? `Did you mean “${answer.suggestion}”? ` : "";
    return {
      title,
      notice: `No talk matched. ${hint}Try fewer or broader words, or \`topics\` to browse.`,
      ...(answer.suggestion && {
        actions: [{ kind: "command", label: `Search “${answer.suggestion}”`.slice(0, 60), command: input.commandFor(1).replace(query, answer.suggestion), style: "primary" }],
      }),
    };
  }
  const first = (page - 1) * pageSize;
  const actions: CardAction[] = [];
  if (page > 1) actions.push({ kind: "command", label: "◀ Previous", command: input.commandFor(page - 1) });
  if (page < pages) actions.push({ kind: "command", label: "Next ▶", command: input.commandFor(page + 1), style: "primary" });
  actions.push({ kind: "share", label: "Share in channel", command: input.commandFor(page) });
  actions.push(...feedbackActions(input.commandFor(page)));
  return {
    title,
    ...(answer.suggestion && { notice: `No exact match; showing results for “${answer.suggestion}”.` }),
    ...(answer.answer && { body: [answerParagraph(answer.answer)] }),
    items: answer.hits.map((hit) => ({
      id: hit.section.id,
      title: hit.section.title,
      meta: sectionMeta(hit.section),
      snippet: hit.snippet,
      ...(hit.section.url && { link: sectionLink(hit.section) }),
      details: { kind: "command", label: "Details", command: `talk ${hit.section.id}` },
    })),
    footer: `Results ${first + 1}–${first + answer.hits.length} of ${answer.total} · page ${page} of ${pages}`,
    actions,
  };
}
