import { letterMask, popcount } from "./bits.js";
import { editDistance } from "./levenshtein.js";

/** Char code → the positions of the scanned word holding it, as bits (0 for every other code). */
const positions = new Int32Array(0x10000);
/** The longest word the bit-parallel distance takes: one bit a character in a 32-bit number. */
const MAX_BITS = 32;

/**
 * The edit distance between the word whose positions are set in `positions` (of `length`
 * characters, 1 to 32) and `other`: Myers' bit-vector algorithm in Hyyrö's form for whole words,
 * with his extension for adjacent transpositions. A column of the distance table is kept as bits,
 * so each character of `other` costs a dozen operations instead of a row of `length` cells.
 */
function bitParallelDistance(length: number, other: string): number {
  const last = 1 << (length - 1);
  let vp = -1;
  let vn = 0;
  let d0 = 0;
  let previous = 0;
  let distance = length;
  for (let j = 0; j < other.length; j++) {
    const eq = positions[other.charCodeAt(j)]!;
    const swapped = ((~d0 & eq) << 1) & previous;
    d0 = ((((eq & vp) + vp) ^ vp) | eq | vn | swapped);
    const hp = vn | ~(d0 | vp);
    const hn = d0 & vp;
    if (hp & last) distance++;
    else if (hn & last) distance--;
    const x = (hp << 1) | 1;
    vn = x & d0;
    vp = (hn << 1) | ~(x | d0);
    previous = eq;
  }
  return distance;
}

/**
 * A list of words searched by edit distance (index terms for typos, corpus words for "did you
 * mean"). Each scan goes through every word, and rules most out by their length or their letters
 * (an edit adds at most one letter a word lacked and drops at most one it had) from typed arrays,
 * before any distance is computed.
 */
export class NearWords {
  /** Each word's letters as bits (see letterMask) and its length, made on the first scan. */
  private masks?: Int32Array;
  private lengths?: Int32Array;

  /** Two adjacent letters swapped count as one edit (what people type). */
  constructor(private readonly words: readonly string[]) {}

  word(index: number): string {
    return this.words[index]!;
  }

  /**
   * Calls `visit(index, distance)` for each word within `max` edits of `typed`, in the list's
   * order; what `visit` returns is the bound for the words after (to narrow a search for the closest).
   */
  scan(typed: string, max: number, visit: (index: number, distance: number) => number | void): void {
    const { words } = this;
    if (!this.masks || !this.lengths) {
      // Plain loops: TypedArray.from with a mapping function takes a slow path, ~10 times as slow.
      this.masks = new Int32Array(words.length);
      this.lengths = new Int32Array(words.length);
      for (let i = 0; i < words.length; i++) {
        this.masks[i] = letterMask(words[i]!);
        this.lengths[i] = words[i]!.length;
      }
    }
    const { masks, lengths } = this;
    const letters = letterMask(typed);
    const length = typed.length;
    const bitParallel = length > 0 && length <= MAX_BITS;
    if (bitParallel) for (let i = 0; i < length; i++) positions[typed.charCodeAt(i)]! |= 1 << i;
    try {
      let bound = max;
      for (let i = 0; i < words.length; i++) {
        const mask = masks[i]!;
        const differ = mask ^ letters;
        if (Math.abs(lengths[i]! - length) > bound || popcount(differ) > 2 * bound || popcount(differ & mask) > bound || popcount(differ & letters) > bound) continue;
        const word = words[i]!;
        const distance = bitParallel ? bitParallelDistance(length, word) : editDistance(typed, word, bound);
        if (distance <= bound) bound = visit(i, distance) ?? bound;
      }
    } finally {
      if (bitParallel) for (let i = 0; i < length; i++) positions[typed.charCodeAt(i)] = 0;
    }
  }
}
