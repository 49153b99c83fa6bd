import { popcount } from "./bits.js";

/**
 * Each section's title and text as the ids of their index terms, in order, all sections in one
 * array: what the ranking reads to reward query words standing side by side. Typed arrays rather
 * than strings, so a snapshot stores and loads them as they are.
 */
export class TermSequences {
  /** Scratch space of `countAdjacent`: term id → non-zero while it begins a pair looked for. */
  private readonly firsts: Uint8Array;

  constructor(
    /** Section number → where its terms start in `ids` (and end, at the next number). */
    readonly start: Int32Array,
    readonly ids: Int32Array,
    readonly termCount: number,
  ) {
    if (start[start.length - 1] !== ids.length) throw new Error("term sequences are inconsistent");
    this.firsts = new Uint8Array(termCount);
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
