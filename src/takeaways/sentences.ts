import { wordSet } from "./words.js";

const ABBREVIATIONS = wordSet("abbreviations");

/** Splits a paragraph into sentences, not after abbreviations such as "ie." or "e.g.". */
export function sentencesOf(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(/[.!?…]+["”»)]?\s+(?=["“«(]?[\p{Lu}\p{N}])/gu)) {
    const end = match.index! + match[0].length;
    const before = paragraph.slice(start, match.index).split(/\s+/).pop()!.toLowerCase().replace(/^[^\p{L}]+|\.$/gu, "");
    if (match[0].startsWith(".") && (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter(Boolean);
}
