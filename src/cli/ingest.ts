import { readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { sectionLink } from "../cards/section-meta.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { sectionsOf } from "../corpus/corpus.js";
import { composeRecap, existingRecaps, ingestRecap, type IngestOptions, type IngestResult } from "../corpus/ingest.js";
import { isUrl, readSource, SOURCE_EXTENSIONS } from "../corpus/read-source.js";
import { parseRecapFile, RecapFileError } from "../corpus/recap-file.js";
import { sectionWarnings } from "../corpus/review.js";
import { formatSpeaker, type Recap, type Section } from "../corpus/section.js";
import { storedRecapName } from "../corpus/stored-recaps.js";
import { loadTopics, type Topic } from "../corpus/topics.js";
import { defaultCorpusDir, topicsFile } from "../paths.js";
import { contentHash } from "../store/content-hash.js";
import type { PutOutcome, RecapStore } from "../store/recap-store.js";

/** With `store`, recaps are kept in the recap store (every replica serves them) rather than written to the corpus folder. */
type Options = Omit<IngestOptions, "corpusDir"> & { corpusDir?: string; store?: RecapStore };

/** One ingested recap; `stored` says what the recap store did with it. */
type Ingested = IngestResult & { stored?: PutOutcome };

const MEDIA_TYPES = { html: "text/html", markdown: "text/markdown", text: "text/plain" } as const;
const STORED: Record<PutOutcome, (title: string) => string> = {
  added: (title) => `Stored ${title} in the recap store: every replica serves it within a minute`,
  changed: (title) => `Replaced the stored version of ${title}: every replica serves it within a minute`,
  unchanged: (title) => `${title} is in the recap store already, unchanged`,
};

/** What the user should check about one ingested recap. */
function warningsOf({ sections, guesses }: IngestResult): string[] {
  const warnings = [...guesses.map((g) => `guessed ${g}`), ...sectionWarnings(sections)];
  if (talksOf(sections).length <= 1) warnings.push("Few sections found: put each talk title on a line of its own (or as a Markdown heading) and ingest again.");
  return warnings;
}

/**
 * Keeps a recap in the recap store (unless a dry run). Its event id must agree with the corpus
 * folder's and the stored recaps; a recap of the same source keeps its id, and the store replaces
 * its earlier version or finds it unchanged. Its canonical URL is the recap's `source` (the page
 * fetched, `--source`), else the file's own.
 */
async function storeRecap(input: string, options: Options & { store: RecapStore }, topics: readonly Topic[]): Promise<Ingested> {
  const source = await readSource(input, options.limits);
  const stored = (await options.store.listRecaps()).flatMap((row): Recap[] => {
    try {
      return [parseRecapFile(storedRecapName(row.id), row.document)];
    } catch (error) {
      if (error instanceof RecapFileError) return [];
      throw error;
    }
  });
  const existing = [...existingRecaps(options.corpusDir ?? defaultCorpusDir()), ...stored];
  const { content, recap, previous, guesses } = composeRecap(source, options, existing, input);
  const url = source.url ?? pathToFileURL(resolve(input)).href;
  const put = options.dryRun
    ? undefined
    : await options.store.putRecap({
        url,
        canonicalUrl: recap.source ?? url,
        document: content,
        title: recap.title,
        eventId: recap.eventId,
        language: recap.language,
        contentType: MEDIA_TYPES[source.kind],
        contentHash: contentHash(recap.body),
        fetchedAt: new Date(),
      });
  return { path: "the recap store", recap, sections: sectionsOf(recap, topics), ...(previous && { replaced: previous }), guesses, ...(put && { stored: put.outcome }) };
}

/** One recap, any failure a CorpusError of one line (a failure of ours too: the user gets a line, never a trace). */
async function ingestOne(input: string, options: Options, topics: readonly Topic[]): Promise<Ingested> {
  try {
    if (options.store) return await storeRecap(input, { ...options, store: options.store }, topics);
    return await ingestRecap(input, { ...options, corpusDir: options.corpusDir ?? defaultCorpusDir() }, topics);
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(`${input} could not be ingested (${(error as Error).message.split("\n")[0]}).`);
  }
}

/** `kubecon ingest` of one input: writes the corpus file (unless a dry run) and lists the sections found, for the user to check. */
export async function ingest(input: string, options: Options): Promise<string> {
  const result = await ingestOne(input, options, loadTopics(topicsFile()));
  const { path, recap, sections, replaced, stored } = result;
  const verb = options.dryRun ? (replaced ? "Would replace" : "Would write") : replaced ? "Replaced" : "Wrote";
  const first = options.store
    ? options.dryRun
      ? `Would store ${recap.title} in the recap store (dry run: nothing stored)`
      : STORED[stored!](recap.title)
    : `${verb} ${path}${options.dryRun ? " (dry run: nothing written)" : ""}`;
  const talks = talksOf(sections).length;
  const lines = [
    first,
    `  ${recap.title} · ${recap.event} · ${recap.year} · language ${recap.language} · event id ${recap.eventId}${recap.location ? ` · ${recap.location}` : ""}${recap.tags ? ` · tags ${recap.tags.join(", ")}` : ""}`,
    `${talks} talks found${sections.length > talks ? ", and the recap's own notes" : ""}:`,
    ...sections.map((s) => {
      const who = s.speakers.length ? ` (${s.speakers.map(formatSpeaker).join("; ")})` : "";
      const link = s.urlKind ? ` · ${sectionLink(s)!.label}: ${s.url}` : "";
      const what = s.kind === "notes" ? "notes (introduction, conclusion and the like): not a talk · " : "";
      return `  - ${s.title}${who} · ${what}${s.bullets.length} lines${link}${s.tags.length ? ` · ${s.tags.join(", ")}` : ""}`;
    }),
  ];
  const warnings = warningsOf(result);
  if (warnings.length) lines.push("Check:", ...warnings.map((w) => `  ! ${w}`));
  return lines.join("\n");
}

/** The files of a folder (and its sub-folders) that ingest reads, by name; hidden ones aside. */
function recapFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return recapFilesIn(path);
      return SOURCE_EXTENSIONS[extname(entry.name).toLowerCase()] ? [path] : [];
    });
}

/** The inputs of the command line, a folder given as the recap files in it. */
export function expandInputs(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    if (isUrl(input)) return [input];
    let folder = false;
    try {
      folder = statSync(input).isDirectory();
    } catch {
      return [input]; // reading it says what is wrong
    }
    if (!folder) return [input];
    const files = recapFilesIn(input);
    if (!files.length) throw new CorpusError(`${input} holds no .html, .md or .txt file to ingest.`);
    return files;
  });
}

/** Whether an input names one recap: a file or a URL, not a folder. */
export const isOneRecap = (inputs: readonly string[]): boolean => inputs.length === 1 && expandInputs(inputs)[0] === inputs[0];

/** Plain-text columns, the widest cell of each setting its width. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ")).join("\n");
}

/**
 * `kubecon ingest` of several inputs (files, folders, URLs): each in turn, `progress` told before
 * each, then one table: the recap, its event, the talks found and its warnings, or why it failed.
 */
export async function ingestMany(inputs: readonly string[], options: Options, progress?: (done: number, total: number, input: string) => void): Promise<{ output: string; failed: number }> {
  const files = expandInputs(inputs);
  const topics = loadTopics(topicsFile());
  const rows: string[][] = [["recap", "event", "talks", "warnings"]];
  let failed = 0;
  for (const [i, input] of files.entries()) {
    progress?.(i, files.length, input);
    try {
      const result = await ingestOne(input, options, topics);
      const warnings = warningsOf(result);
      rows.push([result.recap.file, result.recap.eventId, String(talksOf(result.sections).length), warnings.length ? `${warnings.length}: ${warnings[0]}` : "-"]);
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      failed++;
      rows.push([input, "-", "-", `failed: ${error.message}`]);
    }
  }
  progress?.(files.length, files.length, "");
  const done = files.length - failed;
  const verb = options.dryRun ? `would be ${options.store ? "stored" : "written"} (dry run)` : options.store ? "stored" : "written";
  const summary = `${done} of ${files.length} recaps ${verb}${failed ? `, ${failed} failed` : ""}. \`kubecon ingest <file> --dry-run\` lists one recap's sections.`;
  return { output: `${table(rows)}\n${summary}`, failed };
}

/** The sections that are talks, not the recap's own notes. */
function talksOf(sections: readonly Section[]): Section[] {
  return sections.filter((s) => s.kind === "talk");
}
