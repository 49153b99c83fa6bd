import { popcount } from "./bits.js";

/**
 * Each section's title and text as the ids of their index terms, in order, all sections in one
 * array: what the ranking reads to reward query words standing side by side, and where each line
 * of the text begins in it, so a snippet's best line is found without analyzing the text again.
 * Typed arrays rather than strings, so a snapshot stores and loads them as they are.
 */
export class TermSequences {
  /** Scratch space of `countAdjacent`: term id → non-zero while it begins a pair looked for. */
  private readonly firsts: Uint8Array;

  constructor(
    /** Section number → where its terms start in `ids` (and end, at the next number). */
    readonly start: Int32Array,
    readonly ids: Int32Array,
    readonly termCount: number,
    /** Section number → where its text's lines are in `lines` (and end, at the next number). */
    readonly lineFrom: Int32Array,
    /** Where each line of each section's text begins in `ids`; it ends where the next begins, the last where the section's terms end (the text comes last). */
    readonly lines: Int32Array,
  ) {
    if (start[start.length - 1] !== ids.length || lineFrom.length !== start.length || lineFrom[lineFrom.length - 1] !== lines.length) {
      throw new Error("term sequences are inconsistent");
    }
    this.firsts = new Uint8Array(termCount);
  }

  /**
   * The line, among the first `count` of section `section`'s text, whose terms include most of the
   * `matched` term ids, each counted once (the first such line on a tie, line 0 when none has any).
   */
  bestLine(section: number, count: number, matched: ReadonlySet<number>): number {
    const from = this.lineFrom[section]!;
    const lines = Math.min(count, this.lineFrom[section + 1]! - from);
    let best = 0;
    let bestCount = 0;
    const found = new Set<number>();
    for (let line = 0; line < lines; line++) {
      const end = from + line + 1 < this.lineFrom[section + 1]! ? this.lines[from + line + 1]! : this.start[section + 1]!;
      for (let i = this.lines[from + line]!; i < end; i++) if (matched.has(this.ids[i]!)) found.add(this.ids[i]!);
      if (found.size > bestCount) [best, bestCount] = [line, found.size];
      found.clear();
    }
    return best;
  }

  /** The term ids of section `section`: its title's, then its text's. */
  sectionIds(section: number): Int32Array {
    return this.ids.subarray(this.start[section]!, this.start[section + 1]!);
  }

  /** The term ids of section `section`'s title (the text's first line begins where it ends). */
  titleIds(section: number): Int32Array {
    const from = this.lineFrom[section]!;
    const end = from < this.lineFrom[section + 1]! ? this.lines[from]! : this.start[section + 1]!;
    return this.ids.subarray(this.start[section]!, end);
  }

  /** How many lines section `section`'s text has (with its recap's tags, one more than the text's own). */
  lineCount(section: number): number {
    return this.lineFrom[section + 1]! - this.lineFrom[section]!;
  }

  /** Where line `line` of section `section`'s text begins in `ids` (`line` below lineCount). */
  lineStart(section: number, line: number): number {
    return this.lines[this.lineFrom[section]! + line]!;
  }

  /** Where line `line` of section `section`'s text ends in `ids`. */
  lineEnd(section: number, line: number): number {
    return line + 1 < this.lineCount(section) ? this.lines[this.lineFrom[section]! + line + 1]! : this.start[section + 1]!;
  }

  /**
   * The most of the concepts' weight that one line of the section's text holds, counting a line
   * only when it holds two concepts or more (a line with one query word is every line that mentions
   * it). `conceptBits`: term id → the concepts it stands for, as bits (0 for other terms); `all`: the
   * weights' sum, which no line can pass.
   */
  bestLineWeight(section: number, conceptBits: Int32Array, weights: readonly number[], all: number): number {
    const { ids, lines } = this;
    const from = this.lineFrom[section]!;
    const to = this.lineFrom[section + 1]!;
    const end = this.start[section + 1]!;
    let best = 0;
    for (let line = from; line < to; line++) {
      const lineEnd = line + 1 < to ? lines[line + 1]! : end;
      let held = 0;
      for (let i = lines[line]!; i < lineEnd; i++) held |= conceptBits[ids[i]!]!;
      if ((held & (held - 1)) === 0) continue;
      let weight = 0;
      for (let c = 0; held !== 0; c++, held >>>= 1) if (held & 1) weight += weights[c]!;
      if (weight > best) best = weight;
      // No line can hold more than every concept.
      if (best >= all) break;
    }
    return best;
  }

  /**
   * Which pairs of neighbouring words of a phrase section `section` shows side by side, as bits (bit
   * k: word k then word k + 1), one pass over the section. `wordBits`: term id → the words of the
   * phrase it may be, as bits; `pairs`: the phrase's words less one.
   */
  pairsSideBySide(section: number, wordBits: Int32Array, pairs: number): number {
    const { ids } = this;
    const all = (1 << pairs) - 1;
    let found = 0;
    const last = this.start[section + 1]! - 1;
    for (let i = this.start[section]!; i < last && found !== all; i++) found |= wordBits[ids[i]!]! & (wordBits[ids[i + 1]!]! >>> 1);
    return found & all;
  }

  /**
   * For each section, how many of the groups it shows side by side: a group counts when one of its
   * pairs (a term id, then the id of the term right after it) is in the section's sequence.
   * At most 32 groups.
   */
  countAdjacent(sections: readonly number[], groups: readonly (readonly [number, number])[][]): number[] {
    const { ids, firsts, termCount } = this;
    const masks = new Map<number, number>();
    groups.forEach((pairs, g) => {
      for (const [first, second] of pairs) {
        firsts[first] = 1;
        const key = first * termCount + second;
        masks.set(key, (masks.get(key) ?? 0) | (1 << g));
      }
    });
    const counts = sections.map((section) => {
      const end = this.start[section + 1]! - 1;
      let found = 0;
      for (let i = this.start[section]!; i < end; i++) {
        if (firsts[ids[i]!] === 0) continue;
        found |= masks.get(ids[i]! * termCount + ids[i + 1]!) ?? 0;
      }
      return popcount(found);
    });
    for (const pairs of groups) for (const [first] of pairs) firsts[first] = 0;
    return counts;
  }
}
