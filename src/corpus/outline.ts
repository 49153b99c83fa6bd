import { isTopicGroupPhrase } from "../lexicon/index.js";
import type { LineFacts } from "./line-facts.js";
import { readsAsTitle } from "./title-score.js";
import { endsMidSentence, wordsOf } from "./words.js";

/**
 * A recap's outline: its headings as a tree. A heading is a Markdown heading, a line set apart as one
 * (bold or marked, alone), or, in a recap without any, a plain line that reads as a talk's title.
 * Bold and marked lines rank below the deepest Markdown heading the recap uses, marked above
 * bold-italic above bold above italic.
 */
export interface OutlineNode {
  /** Index of the heading's line. */
  at: number;
  level: number;
  children: OutlineNode[];
  /** The lines under the heading before its first child: its own text. */
  bodyFrom: number;
  bodyTo: number;
  /** Where its subtree ends (exclusive). */
  end: number;
}

function styleOf(facts: LineFacts): number {
  return facts.line.headingMark ? 4 : facts.line.emphasis;
}

/** A line of the paragraph before it (no blank line between), after a line that ends no sentence: "… is becoming\n**the platform of AI**". */
function continues(facts: readonly LineFacts[], i: number): boolean {
  const previous = facts[i - 1]?.line;
  return previous !== undefined && !facts[i]!.line.afterBlank && previous.depth === 0 && !previous.verbatim && !/[.!?:;。！？：；)）]$/u.test(previous.text);
}

/** Which lines are headings, and at what level. */
function levelsOf(facts: readonly LineFacts[]): Map<number, number> {
  const levels = new Map<number, number>();
  const deepest = Math.max(0, ...facts.map((f) => f.line.markdownLevel ?? 0));
  const apart = facts.flatMap((f, i) => (f.heading && f.line.markdownLevel === undefined && !continues(facts, i) ? [i] : []));
  const styles = [...new Set(apart.map((i) => styleOf(facts[i]!)))].sort((a, b) => b - a);
  facts.forEach((f, i) => {
    if (f.line.markdownLevel !== undefined) levels.set(i, f.line.markdownLevel);
  });
  for (const i of apart) levels.set(i, deepest + 1 + styles.indexOf(styleOf(facts[i]!)));
  if (levels.size > 0) {
    // Under written headings, a plain line is a heading only where it names its talk's people
    // ("Title - Jane Doe (Acme)", or "Speakers: …" on the line after it), never for its wording alone.
    facts.forEach((f, i) => {
      const next = facts[i + 1];
      const named = f.speakers.length > 0 || (next?.people !== undefined && next.line.depth === 0);
      const line = f.line.text;
      const short = f.words >= 2 && wordsOf(line).length <= 20 && !f.sentence && !/[.。]$/.test(line) && f.line.links.length === 0 && !f.marker && f.people === undefined;
      if (!levels.has(i) && f.line.depth === 0 && !f.line.verbatim && f.line.afterBlank && named && short && readsAsTitle(f, next)) levels.set(i, deepest + 1 + styles.length);
    });
    return levels;
  }
  // A page saved as plain text has no heading at all: a line standing alone heads what follows it by
  // what it is: a day or a group of talks (1), a title (2), a part of a talk (3).
  let group = false;
  // Only the title's links and people ("Link to the slides") between a title and this line.
  const underTitle = (i: number) => {
    let j = i - 1;
    while (j >= 0 && !levels.has(j) && facts[j]!.marker) j--;
    return levels.get(j) === 2;
  };
  facts.forEach((f, i) => {
    const next = facts[i + 1];
    const previous = facts[i - 1]?.line;
    // A line that a sentence before it runs into, or that the next line goes on from, is no heading.
    // "… the lessons learned:" then a line: an item of what the sentence announces, unless it names its speakers.
    const introduces = previous !== undefined && previous.text.endsWith(":") && !facts[i - 1]!.marker && facts[i - 1]!.role === undefined && f.speakers.length === 0;
    const runsOn = previous !== undefined && (introduces || (!f.line.afterBlank && previous.depth === 0 && endsMidSentence(previous.text)));
    const role = f.role;
    const continued = role === undefined && next !== undefined && next.line.depth === 0 && !next.line.afterBlank && /^[\p{Ll},.;:)\]]/u.test(next.line.text);
    if (f.line.depth !== 0 || f.line.verbatim || runsOn || continued) return;
    // Under a group of topics ("Notes on security"), a short line that opens with a capital, after a
    // sentence ends and before a paragraph, heads a topic ("Seccomp", "Run as non root").
    const afterSentence = previous === undefined || /[.!?)]$/.test(previous.text) || facts[i - 1]!.marker;
    const topic = group && f.words <= 6 && !f.sentence && /^[\p{Lu}\p{N}]/u.test(f.text) && afterSentence && next?.line.depth === 0 && next.words > 6;
    if ((role === "day" || role === "container" || role === "furniture" || role === "notes") && f.words <= 8 && !f.sentence) {
      levels.set(i, 1);
      group = isTopicGroupPhrase(f.text);
    } else if (role === "part" && f.words <= 4) levels.set(i, 3);
    // A title right under another title, with nothing between them, is the first one's sub-heading.
    else if ((f.words >= 2 && readsAsTitle(f, next)) || topic) levels.set(i, underTitle(i) ? 3 : 2);
  });
  return levels;
}

/** The outline of a recap: its top-level headings, each with the headings under it. */
export function outlineOf(facts: readonly LineFacts[]): OutlineNode[] {
  const levels = levelsOf(facts);
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const ordered = [...levels.keys()].sort((a, b) => a - b);
  ordered.forEach((at, k) => {
    const level = levels.get(at)!;
    const next = ordered[k + 1] ?? facts.length;
    const node: OutlineNode = { at, level, children: [], bodyFrom: at + 1, bodyTo: next, end: facts.length };
    while (stack.length && stack.at(-1)!.level >= level) stack.pop()!.end = at;
    (stack.at(-1)?.children ?? roots).push(node);
    stack.push(node);
  });
  return roots;
}

/** Every node of a tree, parents before their children. */
export function walk(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}
