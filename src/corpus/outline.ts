import type { LineFacts } from "./line-facts.js";
import { readsAsTitle } from "./title-score.js";

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

/** Which lines are headings, and at what level. */
function levelsOf(facts: readonly LineFacts[]): Map<number, number> {
  const levels = new Map<number, number>();
  const deepest = Math.max(0, ...facts.map((f) => f.line.markdownLevel ?? 0));
  const apart = facts.flatMap((f, i) => (f.heading && f.line.markdownLevel === undefined ? [i] : []));
  const styles = [...new Set(apart.map((i) => styleOf(facts[i]!)))].sort((a, b) => b - a);
  facts.forEach((f, i) => {
    if (f.line.markdownLevel !== undefined) levels.set(i, f.line.markdownLevel);
  });
  for (const i of apart) levels.set(i, deepest + 1 + styles.indexOf(styleOf(facts[i]!)));
  if (levels.size > 0) return levels;
  // No heading at all: a plain line standing alone that reads as a title heads what follows it.
  facts.forEach((f, i) => {
    const standsAlone = f.line.depth === 0 && (f.line.afterBlank || i === 0) && !f.line.verbatim;
    if (standsAlone && f.words >= 2 && readsAsTitle(f, facts[i + 1]) && (f.speakers.length > 0 || f.talkLabel || facts[i + 1]?.marker)) levels.set(i, 1);
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
