import type { RichText } from "../text/rich-text.js";
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

/** The snippet shown under a search result: a window of its best matching line, matched words in bold. */
export function snippet(line: string, language: string, matched: ReadonlySet<string>): RichText {
  return highlight(window(line, language, matched), language, matched);
}
