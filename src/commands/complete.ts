import { fold } from "../text/fold.js";
import type { BotData } from "./data.js";
import type { Choice, CompletionKind } from "./spec.js";

const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

const clip = (text: string) => (text.length <= MAX_CHOICE_LENGTH ? text : `${text.slice(0, MAX_CHOICE_LENGTH - 1)}…`);

function candidates(data: BotData, kind: CompletionKind): Choice[] {
  switch (kind) {
    case "event":
      return [...new Map(data.corpus.recaps.map((r) => [r.eventId, { name: `${r.eventId} · ${r.event}`, value: r.eventId }])).values()];
    case "talk":
      return data.corpus.sections.map((s) => ({ name: s.title, value: s.id }));
    case "topic":
      return data.topics.map((t) => ({ name: t.label, value: t.label }));
    case "query":
      return [...data.topics.map((t) => ({ name: t.label, value: t.label })), ...data.corpus.sections.map((s) => ({ name: s.talk, value: s.talk }))];
  }
}

/** Autocomplete: the entries containing what was typed, those starting with it first, at most 25 of 100 characters. */
export function complete(data: BotData, kind: CompletionKind, partial: string): Choice[] {
  const typed = fold(partial.trim());
  const scored = candidates(data, kind)
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
