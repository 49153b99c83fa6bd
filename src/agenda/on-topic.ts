import type { RichText } from "../text/rich-text.js";
import type { SearchEngine } from "../search/engine.js";

/** The programme sessions a topic matches, as search ranks them, with each one's snippet. */
export interface TopicMatch {
  /** Section id → its rank among the event's programme sessions (0 is the best) and, when the session itself matched, its snippet. */
  ranked: Map<string, { rank: number; snippet?: RichText }>;
  /** The topic has no word that can be searched. */
  empty: boolean;
  /** The topic as the index understood it, when its words were not found as typed. */
  suggestion?: string;
}

/**
 * A session is on the topic when it scores at least this share of the best session's score. Search
 * lists every match, down to a session tagged with the topic for one word of its abstract
 * ("Cilium" tags eBPF) or matching one word of two; an agenda lists only what is about the topic.
 * On the EU 2026 programme, sessions with the words in their title or abstract score 0.3 to 1 of
 * the best, those matched by a tag or part of the words 0.22 and below.
 */
const MIN_SHARE_OF_BEST = 0.25;

/**
 * The programme sessions of these events that a topic matches, through the search engine (so its
 * synonyms, stemming and typo tolerance apply), restricted to the events' programme sections.
 */
export function sessionsOnTopic(engine: Pick<SearchEngine, "search" | "sections" | "kindWeight">, topic: string, eventIds: readonly string[]): TopicMatch {
  const ranked: TopicMatch["ranked"] = new Map();
  let empty = false;
  let suggestion: string | undefined;
  const scored: { id: string; score: number; snippet?: RichText }[] = [];
  for (const eventId of eventIds) {
    // Every match of the event: its programme's sessions are among them, after its recaps' sections or before.
    const answer = engine.search(topic, { eventId }, { offset: 0, limit: engine.sections.length });
    empty ||= answer.empty;
    suggestion ??= answer.suggestion;
    for (const { section, score, snippet } of answer.hits) {
      // Scores as matched, without the weight search puts on a programme's sessions to rank recaps first: sessions are compared among themselves here.
      const matched = score / engine.kindWeight(section.kind);
      // Search shows a talk both views matched by its recap section: the session is the one it links to, without the recap's words.
      if (section.kind === "programme") scored.push({ id: section.id, score: matched, snippet });
      else if (section.programmeId) scored.push({ id: section.programmeId, score: matched });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const least = (scored[0]?.score ?? 0) * MIN_SHARE_OF_BEST;
  for (const { id, score, snippet } of scored) if (score >= least && !ranked.has(id)) ranked.set(id, { rank: ranked.size, ...(snippet && { snippet }) });
  return { ranked, empty, ...(suggestion && { suggestion }) };
}
