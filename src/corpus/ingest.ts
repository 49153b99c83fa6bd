import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fold } from "../text/fold.js";
import { CorpusError, sectionsOf } from "./corpus.js";
import { detectLanguage } from "./language.js";
import { formatRecapFile, parseRecapFile, RecapFileError, type FrontMatter } from "./recap-file.js";
import type { Recap, Section } from "./section.js";
import type { Topic } from "./topics.js";

export interface IngestOptions {
  event?: string;
  eventId?: string;
  year?: string;
  location?: string;
  lang?: string;
  title?: string;
  author?: string;
  source?: string;
  corpusDir: string;
}

const slugOf = (text: string) => fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).replace(/-$/, "");

/**
 * Turns a text or Markdown recap into a corpus file: the facts given (or read from the text:
 * its first line as title, the first year it names, its language), then the text verbatim.
 */
export function ingestRecap(file: string, options: IngestOptions, topics: readonly Topic[]): { path: string; recap: Recap; sections: Section[] } {
  if (!existsSync(file)) throw new CorpusError(`No file ${file}.`);
  if (!existsSync(options.corpusDir)) throw new CorpusError(`Corpus directory ${options.corpusDir} does not exist.`);
  const raw = readFileSync(file, "utf8");
  if (raw.includes("\u0000")) throw new CorpusError(`${file} is not a text file.`);
  const body = raw.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
  if (!body.trim()) throw new CorpusError(`${file} has no text.`);

  const firstLine = body.split(/\r?\n/).map((l) => l.replace(/^#+\s*/, "").trim()).find(Boolean)!;
  const title = options.title ?? firstLine.slice(0, 150);
  const year = options.year ?? /\b(20[1-9]\d)\b/.exec(`${title}\n${body}`)?.[1];
  if (!year) throw new CorpusError("The text names no year: pass --year YYYY.");
  const event = options.event ?? `KubeCon ${year}`;
  const frontMatter: FrontMatter = {
    id: slugOf(title) || slugOf(basename(file, extname(file))),
    title,
    event,
    event_id: options.eventId ?? slugOf(event),
    year: Number(year),
    language: options.lang ?? detectLanguage(body),
    location: options.location,
    author: options.author,
    source: options.source,
  };
  const path = join(options.corpusDir, `${frontMatter.id}.md`);
  if (existsSync(path)) throw new CorpusError(`${path} already exists: remove it first, or pass --title to name this recap differently.`);
  const content = formatRecapFile(frontMatter, body);
  let recap: Recap;
  try {
    recap = parseRecapFile(basename(path), content);
  } catch (error) {
    if (error instanceof RecapFileError) throw new CorpusError(`${error.message} (fix it with the matching option)`);
    throw error;
  }
  writeFileSync(path, content);
  return { path, recap, sections: sectionsOf(recap, topics) };
}
