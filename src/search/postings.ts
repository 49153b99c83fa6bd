import SearchableMap from "minisearch/SearchableMap";

/**
 * The inverted index the engine scores with: a hash map finds a term's id, MiniSearch's radix tree
 * (SearchableMap) the terms under a prefix; each term's postings are
 * typed arrays of section numbers and BM25+ scores computed once at build time. MiniSearch's own
 * `search` scores every matching section and allocates per match, which measured 568 ms p99 at
 * 100,000 sections; summing precomputed scores into a reused array takes a few milliseconds.
 */

/** BM25+ parameters, computed per field as MiniSearch computes them, so ranking is the same. */
export interface Bm25 {
  k: number;
  b: number;
  d: number;
}

export interface FieldSpec {
  name: string;
  boost: number;
}

/** A term of the index and how much a match on it counts (1 for the term itself). */
export interface Expansion {
  termId: number;
  weight: number;
}

/** An array of numbers that grows as needed, for the postings collected at build time. */
export class Growable<T extends Int32Array | Uint16Array> {
  length = 0;
  constructor(public data: T) {}
  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length * 2);
    this.data[this.length++] = value;
  }
  /** The values pushed, in an array of their own length. */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** A copy of `data` with room for `length` values, the rest zero. */
function grown<T extends Int32Array | Uint16Array>(data: T, length: number): T {
  const bigger = new (data.constructor as new (n: number) => T)(length);
  bigger.set(data);
  return bigger;
}

/**
 * Collects the postings one section at a time (`count` each use of a term in a field, then
 * `endSection`) and computes their BM25+ scores in `build`. The current section's distinct terms
 * are tracked in arrays indexed by term id, so a use costs a few array reads and no hashing.
 */
export class PostingsBuilder {
  /** Term → id while building (a hash map: the radix tree is made once, at the end). */
  private readonly ids = new Map<string, number>();
  private readonly postingTerm = new Growable(new Int32Array(1024));
  private readonly postingDoc = new Growable(new Int32Array(1024));
  /** Term frequency per field, `fields.length` entries a posting. */
  private readonly postingFreq = new Growable(new Uint16Array(4096));
  private readonly fieldLengths = new Growable(new Int32Array(4096));
  private docs = 0;
  /** Term id → the number of the last section that used it, plus one. */
  private lastSection = new Int32Array(1024);
  /** Term id → its slot among the current section's distinct terms. */
  private slotOf = new Int32Array(1024);
  /** The current section's distinct terms, in order of first use, and their counts per field. */
  private readonly sectionTerms = new Growable(new Int32Array(256));
  private sectionCounts = new Uint16Array(1024);
  private readonly sectionLengths: Int32Array;

  constructor(
    private readonly fields: readonly FieldSpec[],
    private readonly bm25: Bm25,
  ) {
    this.sectionLengths = new Int32Array(fields.length);
  }

  /** The id of a term, given on its first use. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      this.ids.set(term, (id = this.ids.size));
      if (id === this.lastSection.length) {
        this.lastSection = grown(this.lastSection, id * 2);
        this.slotOf = grown(this.slotOf, id * 2);
      }
    }
    return id;
  }

  /** Counts one use of a term in field `field` (its index in `fields`) of the current section. */
  count(termId: number, field: number): void {
    const fieldCount = this.fields.length;
    let slot: number;
    if (this.lastSection[termId] === this.docs + 1) slot = this.slotOf[termId]!;
    else {
      this.lastSection[termId] = this.docs + 1;
      this.slotOf[termId] = slot = this.sectionTerms.length;
      this.sectionTerms.push(termId);
      if ((slot + 1) * fieldCount > this.sectionCounts.length) this.sectionCounts = grown(this.sectionCounts, this.sectionCounts.length * 2);
      this.sectionCounts.fill(0, slot * fieldCount, (slot + 1) * fieldCount);
    }
    const at = slot * fieldCount + field;
    if (this.sectionCounts[at]! < 65_535) this.sectionCounts[at]!++;
    this.sectionLengths[field]!++;
  }

  /** Closes the current section: the next `count` is for the next one. */
  endSection(): void {
    const fieldCount = this.fields.length;
    const doc = this.docs++;
    for (let f = 0; f < fieldCount; f++) this.fieldLengths.push(this.sectionLengths[f]!);
    this.sectionLengths.fill(0);
    const terms = this.sectionTerms.data;
    for (let slot = 0; slot < this.sectionTerms.length; slot++) {
      this.postingTerm.push(terms[slot]!);
      this.postingDoc.push(doc);
      for (let k = 0; k < fieldCount; k++) this.postingFreq.push(this.sectionCounts[slot * fieldCount + k]!);
    }
    this.sectionTerms.length = 0;
  }

  build(): Postings {
    const fieldCount = this.fields.length;
    const termCount = this.ids.size;
    const postings = this.postingTerm.length;
    const docs = this.docs;
    const lengths = this.fieldLengths.data;
    const postingTerm = this.postingTerm.data;
    const postingDoc = this.postingDoc.data;
    const postingFreq = this.postingFreq.data;
    const { k, b, d: lower } = this.bm25;
    const boosts = this.fields.map((field) => field.boost);
    const average = this.fields.map((_, f) => {
      let sum = 0;
      for (let d = 0; d < docs; d++) sum += lengths[d * fieldCount + f]!;
      return docs ? sum / docs : 0;
    });

    // Per term and field, MiniSearch's IDF; per section and field, its length normalization.
    const idf = new Float64Array(termCount * fieldCount);
    for (let p = 0; p < postings; p++) {
      const t = postingTerm[p]!;
      for (let f = 0; f < fieldCount; f++) if (postingFreq[p * fieldCount + f]! > 0) idf[t * fieldCount + f]!++;
    }
    for (let i = 0; i < idf.length; i++) idf[i] = Math.log(1 + (docs - idf[i]! + 0.5) / (idf[i]! + 0.5));
    const norm = new Float64Array(docs * fieldCount);
    for (let i = 0; i < norm.length; i++) norm[i] = 1 - b + (b * lengths[i]!) / average[i % fieldCount]!;

    // Postings grouped by term, each term's sections in order (a counting sort): the postings are
    // read in the order they were collected and each one written to its place.
    const start = new Int32Array(termCount + 1);
    for (let p = 0; p < postings; p++) start[postingTerm[p]! + 1]!++;
    for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
    const next = start.slice(0, termCount);
    const doc = new Int32Array(postings);
    const score = new Float32Array(postings);
    for (let p = 0; p < postings; p++) {
      const t = postingTerm[p]!;
      const d = postingDoc[p]!;
      let s = 0;
      for (let f = 0; f < fieldCount; f++) {
        const tf = postingFreq[p * fieldCount + f]!;
        if (tf === 0) continue;
        s += boosts[f]! * idf[t * fieldCount + f]! * (lower + (tf * (k + 1)) / (tf + k * norm[d * fieldCount + f]!));
      }
      const at = next[t]!++;
      doc[at] = d;
      score[at] = s;
    }
    return new Postings([...this.ids.keys()], start, doc, score, this.ids);
  }
}

/** What a snapshot keeps of the postings: the vocabulary in term id order, and the arrays. */
export interface PostingsState {
  terms: string[];
  start: Int32Array;
  doc: Int32Array;
  score: Float32Array;
}

export class Postings {
  static fromState({ terms, start, doc, score }: PostingsState): Postings {
    if (start.length !== terms.length + 1 || doc.length !== score.length || start[terms.length] !== doc.length) {
      throw new Error("postings state is inconsistent");
    }
    return new Postings(terms, start, doc, score);
  }

  /** The radix tree, made on the first look-up by prefix: exact look-ups need only `ids`. */
  private tree?: SearchableMap<number>;

  constructor(
    /** Term id → term. */
    private readonly terms: string[],
    /** Term id → where its postings start in `doc` and `score` (and end, at the next id). */
    readonly start: Int32Array,
    readonly doc: Int32Array,
    readonly score: Float32Array,
    /** Term → id. */
    private readonly ids = new Map(terms.map((term, id) => [term, id])),
  ) {}

  state(): PostingsState {
    return { terms: this.terms, start: this.start, doc: this.doc, score: this.score };
  }

  get termCount(): number {
    return this.start.length - 1;
  }

  /** Terms in id order, as the build met them: the tree's order, so expansions come out in the same order. */
  private radixTree(): SearchableMap<number> {
    if (!this.tree) {
      this.tree = new SearchableMap<number>();
      this.terms.forEach((term, id) => this.tree!.set(term, id));
    }
    return this.tree;
  }

  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(termId: number): string {
    return this.terms[termId]!;
  }

  /** How many sections hold the term. */
  sectionCount(termId: number): number {
    return this.start[termId + 1]! - this.start[termId]!;
  }

  /**
   * The index terms a term stands for: itself if known; with `prefix` the terms it begins, weighted
   * as MiniSearch weighs them.
   */
  expand(term: string, options: { prefix: boolean; prefixWeight: number }): Map<string, Expansion> {
    const found = new Map<string, Expansion>();
    const exact = this.ids.get(term);
    if (exact !== undefined) found.set(term, { termId: exact, weight: 1 });
    if (options.prefix) {
      for (const [key, termId] of this.radixTree().atPrefix(term)) {
        const weight = (options.prefixWeight * key.length) / (key.length + 0.3 * (key.length - term.length));
        if (!found.has(key)) found.set(key, { termId, weight });
      }
    }
    return found;
  }
}
