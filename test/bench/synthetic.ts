import type { Bullet, Section, Speaker } from "../../src/corpus/section.js";
import { createTagger, type Topic } from "../../src/corpus/topics.js";

/**
 * Deterministic synthetic corpora for the search benchmark, made only of the shipped sections'
 * material so that word frequencies stay those of real recaps: each synthetic recap copies the
 * shape of a real one (language, section structure, bullet counts and depths, parents), its
 * sections get recombined talk titles, invented speakers, and bullets made of real sentences
 * with some words swapped for words drawn from the real word stream. A real corpus of 100,000
 * sections would know far more distinct words than five recaps do, so a share of the swaps
 * coins new words (project and product names) from a pool growing with the corpus size.
 */

/** Seeded PRNG (mulberry32): the same seed gives the same corpus on every run and machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic events: each recap is given a region and a year, so `event:` and `year:` filters select a realistic share. */
const REGIONS = [
  { id: "eu", name: "Europe" },
  { id: "na", name: "North America" },
  { id: "cn", name: "China" },
  { id: "jp", name: "Japan" },
  { id: "in", name: "India" },
];
const FIRST_YEAR = 2015;
const LAST_YEAR = 2025;
/** Share of the words of a sentence replaced by another word, and of those a coined word. */
const WORD_SWAP = 0.12;
const COINED_SHARE = 0.25;
/** Coined words per section of the corpus (Heaps' law would give more; this keeps it conservative). */
const COINED_PER_SECTION = 0.25;
/** Share of a section's sentences taken from its model section rather than any section of the language. */
const OWN_SENTENCES = 0.7;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());

/** A real sentence and the topics it names, tagged once: swapped words seldom make or break a topic term. */
interface Sentence {
  text: string;
  tags: string[];
}

interface LanguagePool {
  /** Sentences of the language's sections, section by section. */
  sections: Sentence[][];
  /** Every word occurrence of the language's text, so sampling it follows real word frequencies. */
  words: string[];
}

interface Template {
  language: string;
  sections: { model: Section; sentences: Sentence[] }[];
}

interface Pools {
  languages: Map<string, LanguagePool>;
  titleWords: string[][];
  firstNames: string[];
  lastNames: string[];
  companies: string[];
  templates: Template[];
}

function poolsOf(shipped: readonly Section[], tag: (text: string) => string[]): Pools {
  const languages = new Map<string, LanguagePool>();
  const byRecap = new Map<string, Template>();
  const titleWords: string[][] = [];
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const companies = new Set<string>();
  for (const section of shipped) {
    let pool = languages.get(section.language);
    if (!pool) languages.set(section.language, (pool = { sections: [], words: [] }));
    const sentences = section.bullets.flatMap((b) => sentencesOf(b.text)).map((text) => ({ text, tags: tag(text) }));
    if (sentences.length) pool.sections.push(sentences);
    pool.words.push(...(section.text.match(WORD) ?? []));
    titleWords.push(section.talk.split(/\s+/).filter(Boolean));
    for (const speaker of section.speakers) {
      const names = speaker.name.split(/\s+/);
      firstNames.add(names[0]!);
      if (names.length > 1) lastNames.add(names.slice(1).join(" "));
      if (speaker.company) companies.add(speaker.company);
    }
    let template = byRecap.get(section.recapId);
    if (!template) byRecap.set(section.recapId, (template = { language: section.language, sections: [] }));
    template.sections.push({ model: section, sentences });
  }
  return {
    languages,
    titleWords,
    firstNames: [...firstNames],
    lastNames: [...lastNames],
    companies: [...companies],
    templates: [...byRecap.values()],
  };
}

/** Word pieces glued into new names: a head of one real word and the tail of another ("kubervisor" + "strimzi" → "kubemzi"). */
function coinWords(count: number, words: readonly string[], random: () => number): string[] {
  const long = words.filter((w) => w.length >= 5 && /^\p{L}+$/u.test(w)).map((w) => w.toLowerCase());
  const coined = new Set<string>();
  while (coined.size < count) {
    const head = long[Math.floor(random() * long.length)]!;
    const tail = long[Math.floor(random() * long.length)]!;
    coined.add(head.slice(0, 2 + Math.floor(random() * 4)) + tail.slice(-(2 + Math.floor(random() * 4))) + (coined.size % 7 === 0 ? String(coined.size % 100) : ""));
  }
  return [...coined];
}

/** `size` sections recombined from the shipped ones; the same inputs and seed give the same corpus. */
export function syntheticSections(shipped: readonly Section[], topics: readonly Topic[], size: number, seed = 2025): Section[] {
  if (shipped.length === 0) throw new Error("synthetic corpus: the shipped corpus has no sections to recombine");
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tag = createTagger(topics);
  const pools = poolsOf(shipped, tag);
  const allWords = [...pools.languages.values()].flatMap((p) => p.words);
  const coined = coinWords(Math.max(100, Math.round(size * COINED_PER_SECTION)), allWords, random);
  // Coined names follow a skewed popularity: a few recur everywhere, most are rare.
  const coinedWord = () => coined[Math.floor(coined.length * random() ** 3)]!;

  const vary = (sentence: string, pool: LanguagePool) =>
    sentence.replace(WORD, (word) => {
      if (random() >= WORD_SWAP) return word;
      return random() < COINED_SHARE ? coinedWord() : pick(pool.words);
    });

  const talkTitle = (): string => {
    const head = pick(pools.titleWords);
    const tail = pick(pools.titleWords);
    const cut = 1 + Math.floor(random() * Math.max(1, head.length - 1));
    const from = Math.floor(random() * Math.max(1, tail.length - 1));
    const words = [...head.slice(0, cut), ...tail.slice(from)].map((w) => (random() < 0.05 ? coinedWord() : w));
    return words.join(" ");
  };

  const speaker = (): Speaker => {
    const name = pools.lastNames.length ? `${pick(pools.firstNames)} ${pick(pools.lastNames)}` : `Speaker ${Math.floor(random() * 10_000)}`;
    return random() < 0.85 && pools.companies.length ? { name, company: pick(pools.companies) } : { name };
  };

  const sections: Section[] = [];
  for (let recapNumber = 0; sections.length < size; recapNumber++) {
    const template = pick(pools.templates);
    const pool = pools.languages.get(template.language)!;
    const region = pick(REGIONS);
    const year = FIRST_YEAR + Math.floor(random() * (LAST_YEAR - FIRST_YEAR + 1));
    const eventId = `${region.id}-${year}`;
    const event = `KubeCon + CloudNativeCon ${region.name} ${year}`;
    const recapId = `synthetic-${eventId}-${recapNumber}`;
    const parents = new Map<string, string>();
    for (const { model, sentences: own } of template.sections) {
      if (sections.length === size) break;
      const talk = talkTitle();
      // Sub-sections of one recap share a recombined parent, as "Notes on security › …" do.
      let parent: string | undefined;
      if (model.parent) {
        parent = parents.get(model.parent) ?? talkTitle();
        parents.set(model.parent, parent);
      }
      // As many sentences as the model bullet has, so section lengths follow the real ones; most
      // from the model section itself, so a section keeps to its topics as a real one does.
      const title = parent ? `${parent} › ${talk}` : talk;
      const tags = new Set(tag(title));
      const bullets: Bullet[] = model.bullets.map((b) => {
        const sentences = Array.from({ length: Math.max(1, sentencesOf(b.text).length) }, () => {
          const source = own.length && random() < OWN_SENTENCES ? own : pick(pool.sections);
          const sentence = pick(source);
          for (const t of sentence.tags) tags.add(t);
          return vary(sentence.text, pool);
        });
        return { text: sentences.join(" "), depth: b.depth };
      });
      const text = bullets.map((b) => b.text).join("\n");
      sections.push({
        id: `${recapId}--${sections.length}`,
        kind: "talk",
        recapId,
        title,
        talk,
        ...(parent ? { parent } : {}),
        speakers: Array.from({ length: model.speakers.length }, speaker),
        ...(model.day ? { day: model.day } : {}),
        event,
        eventId,
        year,
        language: template.language,
        tags: topics.map((t) => t.label).filter((label) => tags.has(label)),
        bullets,
        text,
        ...(model.url ? { url: model.url } : {}),
      });
    }
  }
  return sections;
}
