import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fold } from "../text/fold.js";
import { CorpusError } from "./corpus-error.js";
import { parseRecapFile, RecapFileError } from "./recap-file.js";
import { segment } from "./segment.js";
import type { Recap, Section } from "./section.js";
import { createTagger, type Topic } from "./topics.js";

export { CorpusError } from "./corpus-error.js";

export interface Corpus {
  recaps: Recap[];
  sections: Section[];
  /** One line per recap file that was skipped, naming the file and the reason. */
  problems: string[];
}

const MAX_ID_SLUG = 48;

function slug(text: string): string {
  const full = fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  if (full.length <= MAX_ID_SLUG) return full || "section";
  const cut = full.slice(0, MAX_ID_SLUG);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : MAX_ID_SLUG);
}

/** Splits one recap into sections with stable ids, topic tags and plain text. */
export function sectionsOf(recap: Recap, topics: readonly Topic[]): Section[] {
  const tag = createTagger(topics);
  const taken = new Set<string>();
  return segment(recap.body, { recapTitle: recap.sourceTitle ?? recap.title, language: recap.language, ...(recap.author && { author: recap.author }) }).map((found) => {
    const base = `${recap.id}--${slug(found.title)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    const text = found.bullets.map((b) => b.text).join("\n");
    return {
      id,
      kind: found.kind,
      recapId: recap.id,
      title: found.title,
      talk: found.talk,
      ...(found.parent ? { parent: found.parent } : {}),
      speakers: found.speakers,
      ...(found.day ? { day: found.day } : {}),
      event: recap.event,
      eventId: recap.eventId,
      year: recap.year,
      language: recap.language,
      tags: tag(`${found.title}\n${text}`),
      ...(recap.tags && { recapTags: recap.tags }),
      bullets: found.bullets,
      text,
      ...(found.url ? { url: found.url, urlKind: found.urlKind } : recap.source ? { url: recap.source } : {}),
    };
  });
}

/**
 * Of the recaps that give themselves one id, the one that keeps it: the file named after the id
 * (`<id>.md`, as ingest names them), else the first by file name. The others are skipped.
 */
function keeperOf(id: string, recaps: readonly Recap[]): Recap {
  return recaps.find((r) => r.file === `${id}.md`) ?? recaps[0]!;
}

/**
 * Loads every `*.md` recap of a directory, in file-name order; a malformed file, or one that repeats
 * another's id (see keeperOf), is reported by name and skipped.
 */
export function loadCorpus(dir: string, topics: readonly Topic[]): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CorpusError(`Corpus directory ${dir} does not exist. Point --corpus (or CORPUS_DIR) at a folder of recap .md files.`);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
  const corpus: Corpus = { recaps: [], sections: [], problems: [] };
  const read: Recap[] = [];
  for (const name of files) {
    try {
      read.push(parseRecapFile(name, readFileSync(join(dir, name), "utf8")));
    } catch (error) {
      if (!(error instanceof RecapFileError)) throw error;
      corpus.problems.push(error.message);
    }
  }
  const byId = new Map<string, Recap[]>();
  for (const recap of read) byId.set(recap.id, [...(byId.get(recap.id) ?? []), recap]);
  for (const recap of read) {
    const keeper = keeperOf(recap.id, byId.get(recap.id)!);
    if (keeper !== recap) {
      corpus.problems.push(`${recap.file}: id ${recap.id} is already the id of ${keeper.file}, which keeps it (the file named after an id keeps it, else the first by name); ${recap.file} is skipped`);
      continue;
    }
    corpus.recaps.push(recap);
    corpus.sections.push(...sectionsOf(recap, topics));
  }
  return corpus;
}
