import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fold } from "../text/fold.js";
import { CorpusError } from "./corpus-error.js";
import { sectionsOf } from "./corpus.js";
import { catalogFacts, derivedEventId, eventNamedIn, type EventFacts } from "./event.js";
import { namesKubeCon, shippedCatalog } from "./event-catalog.js";
import { htmlToArticle } from "./html.js";
import { INPUT_LIMITS, tooLong, type InputLimits } from "./input-limits.js";
import { detectLanguage } from "./language.js";
import { parseMarkdown } from "./markdown.js";
import { readSource, type RecapSource } from "./read-source.js";
import { formatRecapFile, parseRecapFile, RecapFileError, type FrontMatter } from "./recap-file.js";
import type { Recap, Section } from "./section.js";
import { splitSourceFrontMatter, type SourceFacts } from "./source-front-matter.js";
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
  /** The limits of every input (tests make them small). */
  limits?: InputLimits;
}

export interface IngestOptions extends RecapFacts {
  corpusDir: string;
  /** Work out the sections, write nothing. */
  dryRun?: boolean;
  /** Replace the recap of the same source. */
  force?: boolean;
}

export interface IngestResult {
  path: string;
  recap: Recap;
  sections: Section[];
  /** The recap of the same source that was there (and, unless a dry run, was replaced). */
  replaced?: Recap;
  /** Facts that could not be read and were made up: the user may want to pass them. */
  guesses: string[];
}

const slugOf = (text: string) => fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).replace(/-$/, "");
/** A year, also where it is glued to a word ("kubecon2025"). */
const YEAR = /(?<!\d)(20[1-9]\d)(?!\d)/;

/** The recaps already in the corpus folder (unreadable ones are the corpus loader's business). */
export function existingRecaps(dir: string): Recap[] {
  const recaps: Recap[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
    try {
      recaps.push(parseRecapFile(name, readFileSync(join(dir, name), "utf8")));
    } catch (error) {
      if (!(error instanceof RecapFileError)) throw error;
    }
  }
  return recaps;
}

/** The text of a recap and what its source says of itself (front matter or page metadata). */
function articleOf(text: string, kind: string, url?: string): { body: string; facts: SourceFacts & { language?: string } } {
  if (kind !== "html") return splitSourceFrontMatter(text);
  const article = htmlToArticle(text, url);
  return {
    body: article.markdown,
    facts: { title: article.title, author: article.author, date: article.published, language: article.language, tags: article.tags },
  };
}


/** The year a text names most often, the first named on a tie (a notes file may cite an older KubeCon before it names its own). */
function mostNamedYear(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const [, year] of text.matchAll(new RegExp(YEAR.source, "g"))) counts.set(year!, (counts.get(year!) ?? 0) + 1);
  return [...counts].reduce<[string, number] | undefined>((best, entry) => (!best || entry[1] > best[1] ? entry : best), undefined)?.[0];
}
/** The blocks of a text's head, where it says what it is about (further down, "KubeCon EU 2020" cites an older talk). */
const OPENING_BLOCKS = 12;

/**
 * The recap's event: the one given (--event-id, --event; they must agree), else the first the text
 * names surely (its titles, first heading, tags, address, then a line of its opening that says
 * KubeCon), the catalog's before a name it does not list, else one made of what is known: the year
 * given, else the first its titles name, else `fallbackYear`.
 */
function eventOfRecap(options: RecapFacts, texts: readonly string[], opening: readonly string[], fallbackYear: () => string | undefined, guesses: string[]): EventFacts {
  const year = options.year?.trim();
  if (year !== undefined && !/^20\d\d$/.test(year)) throw new CorpusError(`--year must be a year such as 2024, not “${year.slice(0, 20)}”.`);
  const inYear = (facts: EventFacts | undefined) => (facts && (year === undefined || facts.year === Number(year)) ? facts : undefined);

  // What is given.
  const named = options.event === undefined ? undefined : inYear(eventNamedIn(YEAR.test(options.event) || !year ? options.event : `${options.event} ${year}`));
  const listed = options.eventId === undefined ? undefined : shippedCatalog().event(options.eventId);
  if (listed) {
    if (year !== undefined && Number(year) !== listed.year) throw new CorpusError(`Event id ${listed.id} is ${listed.name}, in ${listed.year}, not ${year}: pass the right --year or --event-id.`);
    if (named?.known && named.eventId !== listed.id) throw new CorpusError(`--event “${options.event}” is ${named.event} (${named.eventId}), not ${listed.id}: pass one of them.`);
    return catalogFacts(listed);
  }
  if (named?.known && options.eventId) {
    throw new CorpusError(`--event “${options.event}” is ${named.event}, whose id is ${named.eventId}: pass --event-id ${named.eventId}, or leave it out.`);
  }
  if (named && !options.eventId) return named;

  // What the text names: a known event, else a year with the city of one of its events, else a name.
  const found = options.event === undefined ? [...texts, ...opening.filter(namesKubeCon)].map((t) => inYear(eventNamedIn(t))).filter((f) => f !== undefined) : [];
  const read = found.find((f) => f.known) ?? found[0];
  if (read?.known && !options.eventId) return read;
  const yearText = year ?? (read ? String(read.year) : (texts.map((t) => YEAR.exec(t)?.[1]).find(Boolean) ?? fallbackYear()));
  const inCity = yearText && options.event === undefined && !options.eventId ? shippedCatalog().eventInCity(Number(yearText), opening.join("\n")) : undefined;
  if (inCity) return catalogFacts(inCity);
  if (read && !options.eventId) {
    guesses.push(`event id ${read.eventId} (pass --event-id, e.g. eu-${read.year} or na-${read.year})`);
    return read;
  }

  // An event named by nothing surely: the name and id given, else made of the year.
  if (!yearText) throw new CorpusError("The text names no year: pass --year YYYY.");
  const event = options.event ?? (read && !read.known ? read.event : `KubeCon ${yearText}`);
  if (options.event === undefined && !read) guesses.push(`event "${event}" (pass --event)`);
  const eventId = options.eventId ?? derivedEventId(event, Number(yearText));
  if (!options.eventId && !options.event) guesses.push(`event id ${eventId} (pass --event-id, e.g. eu-${yearText} or na-${yearText})`);
  return { event, eventId, year: Number(yearText), known: false };
}

/** The recap already in the corpus from the same source: the same address, the same text, or the same file of the same event and title. */
function sameSource(existing: readonly Recap[], recap: { source?: string; sourceFile?: string; sourceTitle: string; eventId: string; body: string }): Recap | undefined {
  return existing.find(
    (other) =>
      (recap.source !== undefined && other.source === recap.source) ||
      other.body === recap.body ||
      (recap.sourceFile !== undefined && other.sourceFile === recap.sourceFile && other.eventId === recap.eventId && (other.sourceTitle ?? other.title) === recap.sourceTitle),
  );
}

/** A recap made from a source: its corpus file's front matter and content, and the recap it reads as. */
export interface ComposedRecap {
  frontMatter: FrontMatter;
  content: string;
  recap: Recap;
  /** The recap of `existing` from the same source, whose id and file this one takes. */
  previous?: Recap;
  /** Facts that could not be read and were made up: the user may want to pass them. */
  guesses: string[];
}

/**
 * Turns a recap (an HTML page, Markdown with or without its blog's front matter, plain text, or a
 * URL of one) into a corpus file (see composeRecap). A recap of the same source as one in the
 * corpus is refused unless `force` replaces it.
 */
export async function ingestRecap(input: string, options: IngestOptions, topics: readonly Topic[]): Promise<IngestResult> {
  if (!existsSync(options.corpusDir)) throw new CorpusError(`Corpus directory ${options.corpusDir} does not exist.`);
  const source = await readSource(input, options.limits);
  const { content, recap, previous, guesses } = composeRecap(source, options, existingRecaps(options.corpusDir), input);
  if (previous && !options.force && !options.dryRun) {
    throw new CorpusError(`${input} is already in the corpus as ${previous.file} (“${previous.title}”): pass --force to replace it.`);
  }
  const path = join(options.corpusDir, recap.file);
  if (!options.dryRun) writeFileSync(path, content);
  return { path, recap, sections: sectionsOf(recap, topics), ...(previous && { replaced: previous }), guesses };
}

/**
 * The corpus file of a recap's source, written nowhere: the facts given, else read from the source
 * (its front matter or page metadata, its title or first heading, the first year it names, its
 * language), then the text. HTML is kept as the Markdown of its article; Markdown and text verbatim,
 * without their own front matter. `existing` are the recaps already there: an event id the catalog
 * does not list must agree with theirs, the recap of the same source is `previous` (its id kept),
 * and another recap of the same title leaves this one an id of its own. `name` names the source in
 * errors.
 */
export function composeRecap(source: RecapSource, options: RecapFacts, existing: readonly Recap[], name: string): ComposedRecap {
  const limits = options.limits ?? INPUT_LIMITS;
  if (!source.text.trim()) throw new CorpusError(`${name} has no text.`);
  const { body, facts } = articleOf(source.text, source.kind, source.url);
  if (!body.trim()) throw new CorpusError(`${name} has no text.`);
  if (body.length > limits.maxTextChars) throw new CorpusError(tooLong(name, body.length, limits));

  // The opening of the text is enough to find its first line and its first heading (a newsletter's
  // first line names itself, its heading the event).
  const opening = parseMarkdown(body.slice(0, 4000)).blocks;
  const firstLine = opening.find((b) => b.text)?.text ?? "";
  const firstHeading = opening.find((b) => b.markdownLevel !== undefined)?.text ?? "";
  // The source's own title is what the segmenter knows the page by; a title given only names the recap.
  const sourceTitle = (facts.title ?? firstLine).slice(0, 150);
  const title = (options.title ?? sourceTitle).slice(0, 150);
  const guesses: string[] = [];
  const url = options.source ?? source.url;
  const event = eventOfRecap(
    options,
    [title, sourceTitle, firstLine, firstHeading, facts.tags.join(" "), url ?? "", options.eventHint ?? ""],
    opening.slice(0, OPENING_BLOCKS).map((b) => b.text),
    () => YEAR.exec(facts.date ?? "")?.[1] ?? mostNamedYear(body),
    guesses,
  );

  if (!event.known) {
    // Two events are never given one id: an id the catalog does not list stays with its first event.
    const other = existing.find((r) => r.eventId === event.eventId && (r.year !== event.year || slugOf(r.event) !== slugOf(event.event)));
    if (other) {
      throw new CorpusError(
        `Event id ${event.eventId} is already used by ${other.file} for "${other.event}" (${other.year}), not "${event.event}" (${event.year}): pass the same --event and --year, or another --event-id.`,
      );
    }
  }
  const sourceFile = source.url ? undefined : basename(name);
  const previous = sameSource(existing, { source: url, sourceFile, sourceTitle, eventId: event.eventId, body });
  const taken = new Set(existing.filter((r) => r !== previous).flatMap((r) => [r.id, basename(r.file, ".md")]));
  const base = slugOf(title) || slugOf(basename(name, extname(name))) || "recap";
  let id = previous?.id ?? base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;

  const frontMatter: FrontMatter = {
    id,
    title,
    ...(sourceTitle !== title && { source_title: sourceTitle }),
    event: event.event,
    event_id: event.eventId,
    year: event.year,
    language: options.lang ?? facts.language ?? detectLanguage(body),
    location: options.location ?? event.location,
    start_date: event.startDate,
    end_date: event.endDate,
    author: options.author ?? facts.author,
    source: url,
    source_file: sourceFile,
    tags: facts.tags,
  };
  const content = formatRecapFile(frontMatter, body);
  try {
    const recap = parseRecapFile(previous?.file ?? `${id}.md`, content);
    return { frontMatter, content, recap, ...(previous && { previous }), guesses };
  } catch (error) {
    if (error instanceof RecapFileError) throw new CorpusError(`${error.message} (fix it with the matching option)`);
    throw error;
  }
}
