import { formatSpeaker, type Section } from "../corpus/section.js";
import { fold } from "../text/fold.js";
import { forEachWord, termsOfWord } from "./analyzer.js";
import { Growable, PostingsBuilder, type Bm25, type FieldSpec, type Postings } from "./postings.js";
import { TermSequences } from "./term-sequences.js";
import { WordTable } from "./word-table.js";

/** What indexing the sections gives the engine. */
export interface BuiltIndex {
  postings: Postings;
  vocabulary: Vocabulary;
  /** Each section's title and text as term ids, to find query words side by side, and its text's lines. */
  sequences: TermSequences;
}

/**
 * The distinct words of the titles and texts, folded, each with every index term it gives (one
 * pair an index: `termIds[i]` from `words[i]`), in the order they were met: typos and "did you
 * mean" are matched against the words as written, not their stems.
 */
export interface Vocabulary {
  termIds: Int32Array;
  words: string[];
}

/** What each field of a section holds. */
const CONTENT = {
  title: (section) => section.title,
  speakers: (section) => section.speakers.map(formatSpeaker).join(" "),
  tags: (section) => section.tags.join(" "),
  // The recap's own tags count as one more line of the notes: a hint, below the section's topics.
  text: (section) => (section.recapTags ? `${section.text}\n${section.recapTags.join(" ")}` : section.text),
} satisfies Record<string, (section: Section) => string>;

export type FieldName = keyof typeof CONTENT;
/** The fields that name the vocabulary and make a section's sequence of terms (title before text, which comes last). */
const SEQUENCE_FIELDS = new Set<string>(["title", "text"]);

/**
 * Indexes the sections, field by field in the order of `fields` (title, speakers, tags, text). A
 * corpus repeats its words, so each distinct word of a language is analyzed once (WordTable): a
 * use of a known word costs one look-up of its characters in the text, whatever its terms.
 */
export function buildIndex(sections: readonly Section[], fields: readonly (FieldSpec & { name: FieldName })[], bm25: Bm25): BuiltIndex {
  const builder = new PostingsBuilder(fields, bm25);
  /** Per language, its distinct words and which of them the vocabulary has (by their entry in the table). */
  const tables = new Map<string, { words: WordTable; named: boolean[] }>();
  const vocabularyIds = new Growable(new Int32Array(1024));
  const vocabularyWords: string[] = [];
  const sequenceStart = new Int32Array(sections.length + 1);
  const sequence = new Growable(new Int32Array(4096));
  const lineFrom = new Int32Array(sections.length + 1);
  const lines = new Growable(new Int32Array(4096));

  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    const { language } = section;
    let table = tables.get(language);
    if (!table) {
      table = { words: new WordTable((word) => termsOfWord(word, language).map((term) => builder.idOf(term))), named: [] };
      tables.set(language, table);
    }
    const { words, named } = table;
    const ids = words.ids;
    fields.forEach((spec, f) => {
      const inSequence = SEQUENCE_FIELDS.has(spec.name);
      const content = CONTENT[spec.name](section);
      // Where each line of the text begins in the sequence: the snippet's best line is read from it.
      let lineBreak = -1;
      if (spec.name === "text") {
        lines.push(sequence.length);
        lineBreak = content.indexOf("\n");
      }
      forEachWord(content, (start, end, units) => {
        for (; lineBreak !== -1 && lineBreak < start; lineBreak = content.indexOf("\n", lineBreak + 1)) lines.push(sequence.length);
        const entry = words.entry(content, units, start, end);
        const from = words.idsFrom(entry);
        const to = words.idsFrom(entry + 1);
        for (let t = from; t < to; t++) {
          const id = ids.data[t]!;
          builder.count(id, f);
          if (inSequence) sequence.push(id);
        }
        // Each distinct word of the titles and texts, with its terms: what typos are matched against.
        if (!inSequence || named[entry]) return;
        named[entry] = true;
        const folded = fold(words.word(entry));
        for (let t = from; t < to; t++) {
          vocabularyIds.push(ids.data[t]!);
          vocabularyWords.push(folded);
        }
      });
      for (; lineBreak !== -1; lineBreak = content.indexOf("\n", lineBreak + 1)) lines.push(sequence.length);
    });
    builder.endSection();
    sequenceStart[i + 1] = sequence.length;
    lineFrom[i + 1] = lines.length;
  }
  const postings = builder.build();
  return {
    postings,
    vocabulary: { termIds: vocabularyIds.trimmed(), words: vocabularyWords },
    sequences: new TermSequences(sequenceStart, sequence.trimmed(), postings.termCount, lineFrom, lines.trimmed()),
  };
}
