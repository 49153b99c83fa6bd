import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatSpeaker, type Section } from "../../src/corpus/section.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { forEachWord, termsOfWord, tokenize } from "../../src/search/analyzer.js";
import { SearchEngine } from "../../src/search/engine.js";
import { buildSearchData } from "../../src/search/snapshot.js";
import { WordTable } from "../../src/search/word-table.js";
import { syntheticSections } from "../bench/synthetic.js";

/** Characters that make word boundaries hard: joiners, accents, quotes, scripts without spaces, pairs and lone surrogates. */
const TRICKY = ["a", "Z", "7", "-", "_", " ", "\n", "é", "e\u0301", "’", "'", "😀", "𝐀", "𠀀", "日本", "の", "ไทย", "\ud800", "\udc00", "Ω", "ß", "٣", "."];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((parts) => parts.join(""));

const ranges = (text: string) => {
  const found: [number, number][] = [];
  forEachWord(text, (start, end) => found.push([start, end]));
  return found;
};

describe("the word scan of indexing", () => {
  it("finds the words tokenize finds, at the same places", () => {
    fc.assert(
      fc.property(fc.array(trickyText, { minLength: 1, maxLength: 4 }), (texts) => {
        // Several texts in turn: the scan reuses its buffers, a shorter text after a longer one.
        for (const text of texts) expect(ranges(text)).toEqual(tokenize(text).map((t) => [t.start, t.end]));
      }),
      { numRuns: 500 },
    );
  });

  it("gives the text's code units to the visitor", () => {
    forEachWord("cert-manager 😀 Ωmega", (start, end, units) => {
      expect(String.fromCharCode(...units.subarray(start, end))).toBe("cert-manager 😀 Ωmega".slice(start, end));
    });
  });
});

describe("the word table", () => {
  it("finds a word again in any text, by its characters, past many rehashes", () => {
    const table = new WordTable((word) => [word.length]);
    const entryOf = (text: string, word: string) => {
      const start = text.indexOf(word);
      return table.entry(text, Uint16Array.from(text, (c) => c.charCodeAt(0)), start, start + word.length);
    };
    const words = Array.from({ length: 5_000 }, (_, i) => `w${i.toString(36)}é`);
    const entries = words.map((word) => entryOf(`  ${word}.`, word));
    expect(new Set(entries).size).toBe(words.length);
    words.forEach((word, i) => {
      const entry = entryOf(`(${word})`, word);
      expect(entry).toBe(entries[i]);
      expect(table.word(entry)).toBe(word);
      expect(table.ids.data[table.idsFrom(entry)]).toBe(word.length);
    });
  });
});

describe("the index build", () => {
  it("lists every term's sections and each section's title and text terms, line by line, as a plain analysis does", async () => {
    const shipped = await buildSearchData({ corpusDir: defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile() });
    const sections = [...shipped.corpus.sections, ...syntheticSections(shipped.corpus.sections, shipped.topics, 400, 3)];
    const engine = new SearchEngine(sections, shipped.synonyms);
    const { postings, sequences } = engine.state();
    const termsOf = (text: string, section: Section) => tokenize(text).flatMap((t) => termsOfWord(t.word, section.language));
    const expected = new Map<string, number[]>();
    sections.forEach((section, i) => {
      const title = termsOf(section.title, section);
      const text = termsOf(section.recapTags ? `${section.text}\n${section.recapTags.join(" ")}` : section.text, section);
      const sequence = Array.from(sequences.ids.subarray(sequences.start[i], sequences.start[i + 1]), (id) => postings.terms[id]);
      expect(sequence).toEqual([...title, ...text]);
      // Each line of the text where the index says it begins and ends, the recap's tags line last.
      const lines = Array.from({ length: sequences.lineFrom[i + 1]! - sequences.lineFrom[i]! }, (_, k) => {
        const from = sequences.lines[sequences.lineFrom[i]! + k]!;
        const to = sequences.lineFrom[i]! + k + 1 < sequences.lineFrom[i + 1]! ? sequences.lines[sequences.lineFrom[i]! + k + 1]! : sequences.start[i + 1]!;
        return Array.from(sequences.ids.subarray(from, to), (id) => postings.terms[id]);
      });
      const textLines = [...section.text.split("\n"), ...(section.recapTags ? [section.recapTags.join(" ")] : [])];
      expect(lines).toEqual(textLines.map((line) => termsOf(line, section)));
      const all = [...title, ...termsOf(section.speakers.map(formatSpeaker).join(" "), section), ...termsOf(section.tags.join(" "), section), ...text];
      for (const term of new Set(all)) expected.set(term, [...(expected.get(term) ?? []), i]);
    });
    expect(new Set(postings.terms)).toEqual(new Set(expected.keys()));
    postings.terms.forEach((term, id) => {
      expect(Array.from(postings.doc.subarray(postings.start[id], postings.start[id + 1]))).toEqual(expected.get(term));
    });
  });
});
