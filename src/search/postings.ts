import SearchableMap from "minisearch/SearchableMap";

/**
 * The inverted index the engine scores with: MiniSearch's radix tree (SearchableMap) holds the
 * vocabulary and finds the terms within an edit distance or under a prefix; each term's postings are
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
class Growable<T extends Int32Array | Uint16Array> {
  length = 0;
  constructor(public data: T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

export class PostingsBuilder {
  /** Term → id while building (a hash map: the radix tree is made once, at the end). */
  private readonly ids = new Map<string, number>();
  private readonly postingTerm = new Growable(new Int32Array(1024));
  private readonly postingDoc = new Growable(new Int32Array(1024));
  /** Term frequency per field, `fields.length` entries a posting. */
  private readonly postingFreq = new Growable(new Uint16Array(4096));
  private readonly fieldLengths = new Growable(new Int32Array(4096));
  private docs = 0;

  constructor(
    private readonly fields: readonly FieldSpec[],
    private readonly bm25: Bm25,
  ) {}

  /** Adds the next section: its terms per field, in the order of `fields`. */
  add(fieldTerms: readonly (readonly string[])[]): void {
    const doc = this.docs++;
    const fieldCount = this.fields.length;
    // The section's distinct terms in order of first use, and their counts per field.
    const slots = new Map<string, number>();
    const termIds: number[] = [];
    const counts: number[] = [];
    fieldTerms.forEach((terms, f) => {
      this.fieldLengths.push(terms.length);
      for (const term of terms) {
        let slot = slots.get(term);
        if (slot === undefined) {
          slot = termIds.length;
          slots.set(term, slot);
          termIds.push(this.idOf(term));
          for (let k = 0; k < fieldCount; k++) counts.push(0);
        }
        const at = slot * fieldCount + f;
        if (counts[at]! < 65_535) counts[at]!++;
      }
    });
    for (let slot = 0; slot < termIds.length; slot++) {
      this.postingTerm.push(termIds[slot]!);
      this.postingDoc.push(doc);
      for (let k = 0; k < fieldCount; k++) this.postingFreq.push(counts[slot * fieldCount + k]!);
    }
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }

  build(): Postings {
    const fieldCount = this.fields.length;
    const termCount = this.ids.size;
    const postings = this.postingTerm.length;
    const docs = this.docs;
    const lengths = this.fieldLengths.data;
    const average = this.fields.map((_, f) => {
      let sum = 0;
      for (let d = 0; d < docs; d++) sum += lengths[d * fieldCount + f]!;
      return docs ? sum / docs : 0;
    });

    // Postings grouped by term (a counting sort keeps each term's sections in order).
    const start = new Int32Array(termCount + 1);
    for (let p = 0; p < postings; p++) start[this.postingTerm.data[p]! + 1]!++;
    for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
    const order = new Int32Array(postings);
    const next = start.slice(0, termCount);
    for (let p = 0; p < postings; p++) order[next[this.postingTerm.data[p]!]!++] = p;

    const fieldDf = new Int32Array(termCount * fieldCount);
    for (let p = 0; p < postings; p++) {
      const t = this.postingTerm.data[p]!;
      for (let f = 0; f < fieldCount; f++) if (this.postingFreq.data[p * fieldCount + f]! > 0) fieldDf[t * fieldCount + f]!++;
    }

    const doc = new Int32Array(postings);
    const score = new Float32Array(postings);
    for (let i = 0; i < postings; i++) {
      const p = order[i]!;
      const t = this.postingTerm.data[p]!;
      const d = this.postingDoc.data[p]!;
      let s = 0;
      for (let f = 0; f < fieldCount; f++) {
        const tf = this.postingFreq.data[p * fieldCount + f]!;
        if (tf === 0) continue;
        const df = fieldDf[t * fieldCount + f]!;
        const idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
        const { k, b, d: lower } = this.bm25;
        const norm = 1 - b + (b * lengths[d * fieldCount + f]!) / average[f]!;
        s += this.fields[f]!.boost * idf * (lower + (tf * (k + 1)) / (tf + k * norm));
      }
      doc[i] = d;
      score[i] = s;
    }
    const terms = new SearchableMap<number>();
    for (const [term, id] of this.ids) terms.set(term, id);
    return new Postings(terms, start, doc, score);
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
    const map = new SearchableMap<number>();
    terms.forEach((term, id) => map.set(term, id));
    return new Postings(map, start, doc, score);
  }

  constructor(
    private readonly terms: SearchableMap<number>,
    /** Term id → where its postings start in `doc` and `score` (and end, at the next id). */
    private readonly start: Int32Array,
    readonly doc: Int32Array,
    readonly score: Float32Array,
  ) {}

  state(): PostingsState {
    const terms: string[] = new Array<string>(this.start.length - 1);
    for (const [term, id] of this.terms) terms[id] = term;
    return { terms, start: this.start, doc: this.doc, score: this.score };
  }

  termId(term: string): number | undefined {
    return this.terms.get(term);
  }

  range(termId: number): [number, number] {
    return [this.start[termId]!, this.start[termId + 1]!];
  }

  /** How many sections hold the term. */
  sectionCount(termId: number): number {
    return this.start[termId + 1]! - this.start[termId]!;
  }

  /**
   * The index terms a term stands for: itself if known; with `fuzzy` > 0 the terms within that
   * edit distance; with `prefix` the terms it begins. Weighted as MiniSearch weighs them.
   */
  expand(term: string, options: { fuzzy: number; prefix: boolean; fuzzyWeight: number; prefixWeight: number }): Map<string, Expansion> {
    const found = new Map<string, Expansion>();
    const exact = this.terms.get(term);
    if (exact !== undefined) found.set(term, { termId: exact, weight: 1 });
    if (options.prefix) {
      for (const [key, termId] of this.terms.atPrefix(term)) {
        const weight = (options.prefixWeight * key.length) / (key.length + 0.3 * (key.length - term.length));
        if (!found.has(key)) found.set(key, { termId, weight });
      }
    }
    if (options.fuzzy > 0) {
      for (const [key, [termId, distance]] of this.terms.fuzzyGet(term, options.fuzzy)) {
        const weight = (options.fuzzyWeight * key.length) / (key.length + distance);
        if ((found.get(key)?.weight ?? 0) < weight) found.set(key, { termId, weight });
      }
    }
    return found;
  }
}
