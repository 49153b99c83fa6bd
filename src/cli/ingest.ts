import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { sectionLink } from "../cards/section-meta.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { ingestRecap, type IngestOptions, type IngestResult } from "../corpus/ingest.js";
import { isUrl, SOURCE_EXTENSIONS } from "../corpus/read-source.js";
import { sectionWarnings } from "../corpus/review.js";
import { formatSpeaker } from "../corpus/section.js";
import { loadTopics, type Topic } from "../corpus/topics.js";
import { defaultCorpusDir, topicsFile } from "../paths.js";

type Options = Omit<IngestOptions, "corpusDir"> & { corpusDir?: string };

/** What the user should check about one ingested recap. */
function warningsOf({ sections, guesses }: IngestResult): string[] {
  const warnings = [...guesses.map((g) => `guessed ${g}`), ...sectionWarnings(sections)];
  if (sections.length <= 1) warnings.push("Few sections found: put each talk title on a line of its own (or as a Markdown heading) and ingest again.");
  return warnings;
}

/** One recap, any failure a CorpusError of one line (a failure of ours too: the user gets a line, never a trace). */
async function ingestOne(input: string, options: Options, topics: readonly Topic[]): Promise<IngestResult> {
  try {
    return await ingestRecap(input, { ...options, corpusDir: options.corpusDir ?? defaultCorpusDir() }, topics);
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(`${input} could not be ingested (${(error as Error).message.split("\n")[0]}).`);
  }
}

/** `kubecon ingest` of one input: writes the corpus file (unless a dry run) and lists the sections found, for the user to check. */
export async function ingest(input: string, options: Options): Promise<string> {
  const result = await ingestOne(input, options, loadTopics(topicsFile()));
  const { path, recap, sections, replaced } = result;
  const verb = options.dryRun ? (replaced ? "Would replace" : "Would write") : replaced ? "Replaced" : "Wrote";
  const lines = [
    `${verb} ${path}${options.dryRun ? " (dry run: nothing written)" : ""}`,
    `  ${recap.title} · ${recap.event} · ${recap.year} · language ${recap.language} · event id ${recap.eventId}${recap.location ? ` · ${recap.location}` : ""}${recap.tags ? ` · tags ${recap.tags.join(", ")}` : ""}`,
    `${sections.length} sections found:`,
    ...sections.map((s) => {
      const who = s.speakers.length ? ` (${s.speakers.map(formatSpeaker).join("; ")})` : "";
      const link = s.urlKind ? ` · ${sectionLink(s)!.label}: ${s.url}` : "";
      return `  - ${s.title}${who} · ${s.bullets.length} lines${link}${s.tags.length ? ` · ${s.tags.join(", ")}` : ""}`;
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
      rows.push([result.recap.file, result.recap.eventId, String(result.sections.length), warnings.length ? `${warnings.length}: ${warnings[0]}` : "-"]);
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      failed++;
      rows.push([input, "-", "-", `failed: ${error.message}`]);
    }
  }
  progress?.(files.length, files.length, "");
  const done = files.length - failed;
  const verb = options.dryRun ? "would be written (dry run)" : "written";
  const summary = `${done} of ${files.length} recaps ${verb}${failed ? `, ${failed} failed` : ""}. \`kubecon ingest <file> --dry-run\` lists one recap's sections.`;
  return { output: `${table(rows)}\n${summary}`, failed };
}
