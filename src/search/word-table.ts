import { Growable } from "./postings.js";

/**
 * The distinct words of one language met while indexing, each with its index terms as ids: an
 * open-addressing hash table keyed by the characters of a range of a text, so that a word already
 * met is found without cutting it out of the text as a string (a build meets a corpus's words
 * millions of times, and its few thousand distinct ones once). The words' characters are kept in
 * one array, next to each other, and each slot holds its word's hash: a look-up reads a few cache
 * lines instead of strings scattered over the heap, which made it three times as slow.
 */
export class WordTable {
  /** Two numbers a slot: the word's hash and its entry number + 1 (0: empty). */
  private slots = new Int32Array(2 << 12);
  private count = 0;
  /** The characters of every word, entry after entry. */
  private readonly chars = new Growable(new Uint16Array(1 << 14));
  /** Entry → where its characters start in `chars` (and end, at the next entry's start). */
  private readonly charStart = new Growable(new Int32Array(1 << 10));
  /** Entry → where its term ids start in `ids` (and end, at the next entry's start). */
  private readonly idStart = new Growable(new Int32Array(1 << 10));
  readonly ids = new Growable(new Int32Array(1 << 12));
  private readonly words: string[] = [];

  constructor(
    /** The term ids of a new word. */
    private readonly termIdsOf: (word: string) => readonly number[],
  ) {
    this.charStart.push(0);
    this.idStart.push(0);
  }

  /** The entry of the word at `text[start, end)`, whose code units are `units[start, end)`; added on first sight. */
  entry(text: string, units: Uint16Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ units[i]!, 0x01000193);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = slots[2 * slot + 1]! - 1;
      if (found < 0) return this.add(text.slice(start, end), hash, slot);
      if (slots[2 * slot] === hash && this.is(found, units, start, end)) return found;
    }
  }

  /** The entry's term ids are `ids.data[idsFrom(e), idsFrom(e + 1))`. */
  idsFrom(entry: number): number {
    return this.idStart.data[entry]!;
  }

  word(entry: number): string {
    return this.words[entry]!;
  }

  private is(entry: number, units: Uint16Array, start: number, end: number): boolean {
    const from = this.charStart.data[entry]!;
    if (this.charStart.data[entry + 1]! - from !== end - start) return false;
    const chars = this.chars.data;
    for (let i = 0; i < end - start; i++) if (chars[from + i] !== units[start + i]) return false;
    return true;
  }

  private add(word: string, hash: number, slot: number): number {
    const entry = this.count++;
    this.words.push(word);
    for (let i = 0; i < word.length; i++) this.chars.push(word.charCodeAt(i));
    this.charStart.push(this.chars.length);
    for (const id of this.termIdsOf(word)) this.ids.push(id);
    this.idStart.push(this.ids.length);
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = entry + 1;
    // Kept at most half full, so a probe ends soon.
    if (this.count * 4 > this.slots.length) this.rehash();
    return entry;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s]! & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[s]!;
      slots[2 * slot + 1] = old[s + 1]!;
    }
  }
}
