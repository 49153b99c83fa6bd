import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { endianness } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Corpus } from "../corpus/corpus.js";
import type { Section } from "../corpus/section.js";
import type { Topic } from "../corpus/topics.js";
import type { Logger } from "../log/logger.js";
import { projectRoot } from "../paths.js";
import { SearchEngine } from "./engine.js";
import type { SynonymGroups } from "./synonyms.js";

/**
 * The index snapshot: the segmented corpus, the topics, the synonyms and the engine's built state in
 * one file, so that a start reads one file instead of parsing every recap and indexing every
 * section (and loads no Markdown parser, YAML or zod). It is keyed by a hash of everything the index
 * is made from — each recap file, the topics and synonyms files, the code that segments and analyzes
 * (the compiled corpus, search and text modules) and the library versions (package-lock.json) — so it
 * is never used stale: any change builds the index again and writes a new snapshot.
 */

/** Everything the commands need of the corpus and its index. */
export interface SearchData {
  corpus: Corpus;
  topics: Topic[];
  synonyms: SynonymGroups;
  engine: SearchEngine;
}

/** The files the index is made from. */
export interface SearchSources {
  corpusDir: string;
  topicsFile: string;
  synonymsFile: string;
}

/** Bumped when the layout of the file changes. */
const FORMAT = "kubecon-index-snapshot/2";
const MAGIC = Buffer.from("KCINDEX1", "latin1");
/** The code whose output the snapshot holds: the folders next to this module's own. */
const CODE_FOLDERS = ["corpus", "search", "text"];
/** One file a cache folder: another corpus (`--corpus`) replaces it rather than piling up beside it. */
export const SNAPSHOT_FILE = "index.snapshot";

/** Sections (and their analyzed texts) are written this many to a JSON chunk: no string grows past V8's limit. */
const CHUNK = 1_000;

/**
 * What is in the file after the header, in this order: the JSON segments (the meta object, then the
 * section chunks, then the analyzed-text chunks), padding to 4 bytes, then the postings arrays.
 */
interface Header {
  format: string;
  key: string;
  /** SHA-256 of everything after the header, so a damaged file is never read as an index. */
  checksum: string;
  /** Byte length of each JSON segment. */
  segments: number[];
  sectionChunks: number;
  arrays: { start: number; doc: number; score: number };
}

interface Meta {
  recaps: Corpus["recaps"];
  problems: string[];
  topics: Topic[];
  synonyms: SynonymGroups;
  terms: string[];
  vocabulary: [string, string][];
  /** Every section's text is its bullets' texts, one a line: then it is left out of the file and joined again. */
  textFromBullets: boolean;
}

const textOfBullets = (section: Section) => section.bullets.map((b) => b.text).join("\n");

/** Loads the corpus and its index: from the snapshot in `cacheDir` when it is current, else built (and saved there). */
export async function loadSearchData(sources: SearchSources, options: { cacheDir?: string; logger: Logger }): Promise<SearchData> {
  const { cacheDir, logger } = options;
  // A missing corpus folder is the build's to report, with its user-facing message.
  if (!cacheDir || !isDirectory(sources.corpusDir)) return buildSearchData(sources);
  const file = join(cacheDir, SNAPSHOT_FILE);
  const key = sourcesKey(sources);
  try {
    const data = readSnapshot(file, key);
    if (data) {
      logger.debug({ file, sections: data.corpus.sections.length }, "index snapshot loaded");
      return data;
    }
  } catch (error) {
    logger.warn({ err: error, file }, "index snapshot unreadable; building the index");
  }
  const data = await buildSearchData(sources);
  // A file changed while it was read: the next start builds again rather than trust this one.
  if (sourcesKey(sources) !== key) return data;
  try {
    writeSnapshot(file, key, data);
    logger.debug({ file, sections: data.corpus.sections.length }, "index snapshot written");
  } catch (error) {
    logger.warn({ err: error, file }, "index snapshot not written; the next start builds the index again");
  }
  return data;
}

/** Reads the recaps, topics and synonyms and builds the index (the parsers are loaded only here). */
export async function buildSearchData(sources: SearchSources): Promise<SearchData> {
  const [{ loadTopics }, { loadCorpus }, { loadSynonyms }] = await Promise.all([
    import("../corpus/topics.js"),
    import("../corpus/corpus.js"),
    import("./synonyms-file.js"),
  ]);
  const topics = loadTopics(sources.topicsFile);
  const corpus = loadCorpus(sources.corpusDir, topics);
  const synonyms = loadSynonyms(sources.synonymsFile);
  return { corpus, topics, synonyms, engine: new SearchEngine(corpus.sections, synonyms) };
}

/** The hash of everything the index is made from (see the module comment). */
export function sourcesKey(sources: SearchSources): string {
  const hash = createHash("sha256");
  const add = (name: string, content: Buffer | string) => hash.update(`${name}\0${content.length}\0`).update(content);
  add("format", `${FORMAT} ${endianness()}`);
  add("code", codeFingerprint());
  const lockfile = join(projectRoot(), "package-lock.json");
  if (existsSync(lockfile)) add("package-lock.json", readFileSync(lockfile));
  add("topics", readFileSync(sources.topicsFile));
  add("synonyms", readFileSync(sources.synonymsFile));
  // The same files loadCorpus reads.
  for (const name of readdirSync(sources.corpusDir).filter((f) => f.endsWith(".md")).sort()) {
    add(`recap ${name}`, readFileSync(join(sources.corpusDir, name)));
  }
  return hash.digest("hex");
}

let code: string | undefined;

/** A hash of the modules that turn recaps into sections and index terms (read once a process). */
function codeFingerprint(): string {
  if (code) return code;
  const hash = createHash("sha256");
  for (const folder of CODE_FOLDERS) {
    const dir = fileURLToPath(new URL(`../${folder}/`, import.meta.url));
    for (const name of readdirSync(dir).sort()) hash.update(`${folder}/${name}\0`).update(readFileSync(join(dir, name)));
  }
  return (code = hash.digest("hex"));
}

/** Writes the snapshot atomically (a temporary file renamed), so a reader never sees half of one. */
export function writeSnapshot(file: string, key: string, data: SearchData): void {
  const { postings, vocabulary, analyzed } = data.engine.state();
  const { recaps, sections, problems } = data.corpus;
  const textFromBullets = sections.every((s) => s.text === textOfBullets(s));
  const meta: Meta = { recaps, problems, topics: data.topics, synonyms: data.synonyms, terms: postings.terms, vocabulary, textFromBullets };
  const segments = [Buffer.from(JSON.stringify(meta), "utf8")];
  const chunks = <T>(items: readonly T[], map: (item: T) => unknown) => {
    for (let i = 0; i < items.length; i += CHUNK) segments.push(Buffer.from(JSON.stringify(items.slice(i, i + CHUNK).map(map)), "utf8"));
  };
  chunks(sections, (s) => (textFromBullets ? { ...s, text: undefined } : s));
  const sectionChunks = segments.length - 1;
  chunks(analyzed, (a) => a);
  const jsonBytes = segments.reduce((sum, segment) => sum + segment.length, 0);
  const padding = Buffer.alloc((4 - (jsonBytes % 4)) % 4);
  const arrays = [postings.start, postings.doc, postings.score].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  const body = [...segments, padding, ...arrays];
  const checksum = createHash("sha256");
  for (const part of body) checksum.update(part);
  const header: Header = {
    format: FORMAT,
    key,
    checksum: checksum.digest("hex"),
    segments: segments.map((segment) => segment.length),
    sectionChunks,
    arrays: { start: postings.start.length, doc: postings.doc.length, score: postings.score.length },
  };
  // The header is padded with spaces so the arrays start on a 4-byte boundary of the file.
  let headerJson = JSON.stringify(header);
  headerJson += " ".repeat((4 - ((MAGIC.length + 4 + Buffer.byteLength(headerJson)) % 4)) % 4);
  const headerBytes = Buffer.from(headerJson, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([MAGIC, length, headerBytes, ...body]));
  renameSync(temporary, file);
}

/**
 * The snapshot's data if the file exists and was made from the sources of `key`; undefined when
 * there is none or it is out of date. Throws when the file is damaged or not a snapshot.
 */
export function readSnapshot(file: string, key: string): SearchData | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not an index snapshot");
  const headerEnd = MAGIC.length + 4 + bytes.readUInt32LE(MAGIC.length);
  if (headerEnd > bytes.length) throw new Error("index snapshot truncated in its header");
  const header = JSON.parse(bytes.toString("utf8", MAGIC.length + 4, headerEnd)) as Header;
  if (header.format !== FORMAT || header.key !== key) return undefined;
  if (createHash("sha256").update(bytes.subarray(headerEnd)).digest("hex") !== header.checksum) throw new Error("index snapshot checksum mismatch");

  let at = headerEnd;
  const json = <T>(length: number): T => JSON.parse(bytes.toString("utf8", at, (at += length))) as T;
  const [metaLength, ...chunkLengths] = header.segments;
  const meta = json<Meta>(metaLength!);
  const sections: Section[] = chunkLengths.slice(0, header.sectionChunks).flatMap((length) => json<Section[]>(length));
  if (meta.textFromBullets) for (const section of sections) section.text = textOfBullets(section);
  const analyzed: string[] = chunkLengths.slice(header.sectionChunks).flatMap((length) => json<string[]>(length));
  at += (4 - ((at - headerEnd) % 4)) % 4;
  // Copied out, so the arrays are aligned and the file's bytes are not kept alive by them.
  const take = <T extends Int32Array | Float32Array>(Type: { new (length: number): T; BYTES_PER_ELEMENT: number }, length: number): T => {
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw new Error("index snapshot truncated in its arrays");
    const array = new Type(length);
    new Uint8Array(array.buffer).set(bytes.subarray(at, (at += byteLength)));
    return array;
  };
  const start = take(Int32Array, header.arrays.start);
  const doc = take(Int32Array, header.arrays.doc);
  const score = take(Float32Array, header.arrays.score);
  const corpus: Corpus = { recaps: meta.recaps, sections, problems: meta.problems };
  const postings = { terms: meta.terms, start, doc, score };
  // Default options, as buildSearchData uses: they are code (search/options.ts), so part of the key.
  const engine = new SearchEngine(sections, meta.synonyms, {}, { postings, vocabulary: meta.vocabulary, analyzed });
  return { corpus, topics: meta.topics, synonyms: meta.synonyms, engine };
}

function isDirectory(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}
