import type { Recap, Section } from "./section.js";
import type { Topic } from "./topics.js";

export interface EventSummary {
  eventId: string;
  event: string;
  year: number;
  location?: string;
  /** The talks its recaps report (their own notes, and the programme, not counted). */
  sections: number;
  /** The sessions of its official programme, when one is imported. */
  programme: number;
}

/** The events of the corpus (of its recaps, or of an imported programme alone), one per event id, newest first. */
export function summarizeEvents(recaps: readonly Recap[], sections: readonly Section[]): EventSummary[] {
  const byId = new Map<string, EventSummary>();
  for (const recap of recaps) {
    if (!byId.has(recap.eventId)) byId.set(recap.eventId, { eventId: recap.eventId, event: recap.event, year: recap.year, location: recap.location, sections: 0, programme: 0 });
  }
  for (const section of sections) {
    if (!byId.has(section.eventId)) byId.set(section.eventId, { eventId: section.eventId, event: section.event, year: section.year, sections: 0, programme: 0 });
    const summary = byId.get(section.eventId)!;
    if (section.kind === "talk") summary.sections++;
    if (section.kind === "programme") summary.programme++;
  }
  return [...byId.values()].sort((a, b) => b.year - a.year || a.eventId.localeCompare(b.eventId));
}

export interface TopicTrend {
  label: string;
  total: number;
  byYear: Map<number, number>;
}

/** Sections per topic and year, commonest topics first. */
export function topicTrends(topics: readonly Topic[], sections: readonly Section[]): TopicTrend[] {
  return topics
    .map((topic) => {
      const byYear = new Map<number, number>();
      for (const s of sections) if (s.tags.includes(topic.label)) byYear.set(s.year, (byYear.get(s.year) ?? 0) + 1);
      return { label: topic.label, total: [...byYear.values()].reduce((a, b) => a + b, 0), byYear };
    })
    .filter((t) => t.total > 0)
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

/** The years the corpus covers, oldest first. */
export const yearsOf = (sections: readonly Section[]): number[] => [...new Set(sections.map((s) => s.year))].sort((a, b) => a - b);
