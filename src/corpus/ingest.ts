import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fold } from "../text/fold.js";
import { CorpusError, sectionsOf } from "./corpus.js";
import { eventFactsOf, type EventFacts } from "./event.js";
import { fetchSource, type SourceKind } from "./fetch-source.js";
import { htmlToArticle } from "./html.js";
import { detectLanguage } from "./language.js";
import { parseMarkdown } from "./markdown.js";
import { formatRecapFile, parseRecapFile, RecapFileError, type FrontMatter } from "./recap-file.js";
import type { Recap, Section } from "./section.js";
import { splitSourceFrontMatter } from "./source-front-matter.js";
import type { Topic } from "./topics.js";

/** What the user (or a source) says of a recap; anything not given is read from its text. */
export interface RecapFacts {
  event?: string;
  eventId?: string;
  year?: string;
  location?: string;
  lang?: string;
  title?: string;
  author?: string;
  source?: string;
  /** The event when the text names none (a source's `--event-hint`). */
  eventHint?: string;
}

export interface IngestOptions extends RecapFacts {
  corpusDir: string;
  /** Work out the sections, write nothing. */
  dryRun?: boolean;
  /** Replace a recap of the same id. */
  force?: boolean;
}

export interface IngestResult {
  path: string;
  recap: Recap;
  sections: Section[];
  /** Whether a recap of the same id was there (and, unless a dry run, was replaced). */
  replaced: boolean;
  /** Facts that could not be read and were made up: the user may want to pass them. */
  guesses: string[];
}

const EXTENSIONS: Record<string, SourceKind> = { ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text" };

const slugOf = (text: string) => fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).replace(/-$/, "");
/** Event names compared as a reader would: case, accents, "(day 2)" and punctuation aside. */
const sameEvent = (a: string, b: string) => {
  const norm = (s: string) => fold(s.replace(/\([^)]*\)/g, " ")).replace(/[^a-z0-9]+/g, " ").trim();
  return norm(a) === norm(b);
};

/** A recap's text, what it is written in, and where it was fetched from. */
export interface RecapSource {
  text: string;
  kind: SourceKind;
  url?: string;
}

/** A recap made from a source: its corpus file's front matter and content, and the recap it reads as. */
export interface ComposedRecap {
  frontMatter: FrontMatter;
  content: string;
  recap: Recap;
  /** Facts that could not be read and were made up: the user may want to pass them. */
  guesses: string[];
}

/** The text of the input and what it is written in. */
async function readSource(input: string): Promise<RecapSource> {
  if (/^https?:\/\//i.test(input)) return fetchSource(input);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new CorpusError(`${input}: only http:// and https:// addresses can be fetched.`);
  const kind = EXTENSIONS[extname(input).toLowerCase()];
  if (!kind) throw new CorpusError(`${input}: kubecon ingest reads .html, .htm, .md, .txt files or an http(s):// URL.`);
  if (!existsSync(input)) throw new CorpusError(`No file ${input}.`);
  const text = readFileSync(input, "utf8");
  if (text.includes("\u0000")) throw new CorpusError(`${input} is not a text file.`);
  return { text, kind };
}

/** The recaps already in the corpus folder (unreadable ones are the corpus loader's business). */
function existingRecaps(dir: string): Recap[] {
  const recaps: Recap[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".md"))) {
    try {
      recaps.push(parseRecapFile(name, readFileSync(join(dir, name), "utf8")));
    } catch (error) {
      if (!(error instanceof RecapFileError)) throw error;
    }
  }
  return recaps;
}

/**
 * Turns a recap (an HTML page, Markdown with or without its blog's front matter, plain text, or a
 * URL of one) into a corpus file: the facts given, else read from the source (its front matter or
 * page metadata, its title or first heading, the first year it names, its language), then the text.
 * HTML is stored as the Markdown of its article; Markdown and text verbatim, without their own front
 * matter.
 */
export async function ingestRecap(input: string, options: IngestOptions, topics: readonly Topic[]): Promise<IngestResult> {
  if (!existsSync(options.corpusDir)) throw new CorpusError(`Corpus directory ${options.corpusDir} does not exist.`);
  const source = await readSource(input);
  const { frontMatter, content, recap, guesses } = composeRecap(source, options, existingRecaps(options.corpusDir), input);
  const path = join(options.corpusDir, `${frontMatter.id}.md`);
  const replaced = existsSync(path);
  if (replaced && !options.force && !options.dryRun) {
    throw new CorpusError(`${path} already exists: pass --force to replace it, or --title to name this recap differently.`);
  }
  if (!options.dryRun) writeFileSync(path, content);
  return { path, recap, sections: sectionsOf(recap, topics), replaced, guesses };
}

/**
 * The corpus file of a recap's source, written nowhere: the facts given, else read from the source
 * (its front matter or page metadata, its title or first heading, the first year it names, its
 * language). `existing` are the recaps an event id must agree with; `name` names the source in errors.
 */
export function composeRecap(source: RecapSource, options: RecapFacts, existing: readonly Recap[], name: string): ComposedRecap {
  let body: string;
  let facts: { title?: string; author?: string; date?: string; language?: string; tags: string[] };
  if (source.kind === "html") {
    const article = htmlToArticle(source.text, source.url);
    body = article.markdown;
    facts = { title: article.title, author: article.author, date: article.published, language: article.language, tags: article.tags };
  } else {
    ({ facts, body } = splitSourceFrontMatter(source.text));
  }
  if (!body.trim()) throw new CorpusError(`${name} has no text.`);

  // The opening of the text is enough to find its first line and its first heading (a newsletter's
  // first line names itself, its heading the event).
  const opening = parseMarkdown(body.slice(0, 4000)).blocks;
  const firstLine = opening.find((b) => b.text)?.text ?? "";
  const firstHeading = opening.find((b) => b.markdownLevel !== undefined)?.text ?? "";
  const title = (options.title ?? facts.title ?? firstLine).slice(0, 150);
  const guesses: string[] = [];
  const read: EventFacts =
    [title, firstLine, firstHeading, facts.tags.join(" "), options.eventHint ?? ""].map(eventFactsOf).find((f) => f.event) ?? eventFactsOf(title);
  const yearText = options.year ?? (read.year ? String(read.year) : undefined) ?? /\b(20[1-9]\d)\b/.exec(facts.date ?? "")?.[1] ?? /\b(20[1-9]\d)\b/.exec(body)?.[1];
  if (!yearText) throw new CorpusError("The text names no year: pass --year YYYY.");
  const year = Number(yearText);

  const eventId = options.eventId ?? (read.year === year ? read.eventId : undefined);
  const sharing = existing.find((r) => r.eventId === (eventId ?? `kubecon-${year}`));
  const event = options.event ?? (sharing && sharing.year === year ? sharing.event : undefined) ?? (read.year === year ? read.event : undefined) ?? `KubeCon ${year}`;
  if (!options.event && !read.event) guesses.push(`event "${event}" (pass --event)`);
  if (!eventId) guesses.push(`event id kubecon-${year} (pass --event-id, e.g. eu-${year} or na-${year})`);
  const finalEventId = eventId ?? `kubecon-${year}`;
  for (const other of existing) {
    if (other.eventId !== finalEventId) continue;
    if (other.year !== year || !sameEvent(other.event, event)) {
      throw new CorpusError(
        `Event id ${finalEventId} is already used by ${other.file} for "${other.event}" (${other.year}), not "${event}" (${year}): pass the same --event and --year, or another --event-id.`,
      );
    }
  }

  const frontMatter: FrontMatter = {
    id: slugOf(title) || slugOf(basename(name, extname(name))) || "recap",
    title,
    event,
    event_id: finalEventId,
    year,
    language: options.lang ?? facts.language ?? detectLanguage(body),
    location: options.location ?? read.location,
    author: options.author ?? facts.author,
    source: options.source ?? source.url,
    tags: facts.tags,
  };
  const content = formatRecapFile(frontMatter, body);
  try {
    return { frontMatter, content, recap: parseRecapFile(`${frontMatter.id}.md`, content), guesses };
  } catch (error) {
    if (error instanceof RecapFileError) throw new CorpusError(`${error.message} (fix it with the matching option)`);
    throw error;
  }
}
