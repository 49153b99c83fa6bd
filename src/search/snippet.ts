import type { RichText } from "../text/rich-text.js";
import type { Section } from "../corpus/section.js";
import { forEachWord, termsOfWord } from "./analyzer.js";

const SNIPPET_LENGTH = 220;
const LEAD = 70;

/** True when a word of `language` text stands for one of the matched index terms. */
function matches(word: string, language: string, matched: ReadonlySet<string>): boolean {
  return termsOfWord(word, language).some((term) => matched.has(term));
}

/** Splits a line into runs, the words that match in bold. */
export function highlight(text: string, language: string, matched: ReadonlySet<string>): RichText {
  const runs: RichText = [];
  let at = 0;
  forEachWord(text, (start, end) => {
    const word = text.slice(start, end);
    if (!matches(word, language, matched)) return;
    if (start > at) runs.push({ text: text.slice(at, start) });
    runs.push({ text: word, strong: true });
    at = end;
  });
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/** Each line's index terms, worked out once per section that is ever shown as a result. */
const lineTerms = new WeakMap<Section, Set<string>[]>();

function termsOfLines(section: Section): Set<string>[] {
  let terms = lineTerms.get(section);
  if (!terms) {
    terms = section.bullets.map(({ text }) => {
      const line = new Set<string>();
      forEachWord(text, (start, end) => {
        for (const term of termsOfWord(text.slice(start, end), section.language)) line.add(term);
      });
      return line;
    });
    lineTerms.set(section, terms);
  }
  return terms;
}

/** The line of the section that matches most distinct terms (the first one on a tie). */
function bestLine(section: Section, matched: ReadonlySet<string>): string {
  let best = section.bullets[0]?.text ?? "";
  let bestCount = 0;
  termsOfLines(section).forEach((terms, i) => {
    let count = 0;
    for (const term of terms) if (matched.has(term)) count++;
    if (count > bestCount) {
      best = section.bullets[i]!.text;
      bestCount = count;
    }
  });
  return best;
}

/** A window of at most ~220 characters around the first match, cut on word boundaries. */
function window(line: string, language: string, matched: ReadonlySet<string>): string {
  if (line.length <= SNIPPET_LENGTH) return line;
  let first: number | undefined;
  forEachWord(line, (start, end) => {
    if (first === undefined && matches(line.slice(start, end), language, matched)) first = start;
  });
  let start = first === undefined ? 0 : Math.max(0, first - LEAD);
  if (start > 0) start = line.indexOf(" ", start) + 1 || start;
  let end = Math.min(line.length, start + SNIPPET_LENGTH);
  if (end < line.length) end = line.lastIndexOf(" ", end) > start ? line.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "…" : ""}${line.slice(start, end).trim()}${end < line.length ? "…" : ""}`;
}

/** The snippet shown under a search result: the best matching line, matched words in bold. */
export function snippet(section: Section, matched: ReadonlySet<string>): RichText {
  return highlight(window(bestLine(section, matched), section.language, matched), section.language, matched);
}
