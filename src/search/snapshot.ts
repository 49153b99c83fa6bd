import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, statSync, writeSync } from "node:fs";
import { endianness } from "node:os";
import { dirname, join } from "node:path";
import { crc32 } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { Corpus } from "../corpus/corpus.js";
import type { RecapText } from "../corpus/stored-recaps.js";
import type { ProgrammeSession } from "../programme/session.js";
import type { Topic } from "../corpus/topics.js";
import type { Logger } from "../log/logger.js";
import { eventsFile, projectRoot } from "../paths.js";
import { SearchEngine } from "./engine.js";
import { Growable } from "./postings.js";
import { RecordReader, RecordWriter, readRecap, readSection, writeRecap, writeSection, type PieceEncoding } from "./snapshot-records.js";
import type { SynonymGroups } from "./synonyms.js";

/**
 * The index snapshot: the segmented corpus, the topics, the synonyms and the engine's built state in
 * one file, so that a start reads one file instead of parsing every recap and indexing every
 * section (and loads no Markdown parser, YAML or zod). It is keyed by a hash of everything the index
 * is made from — each recap file, the topics, synonyms and event catalog files, the code that segments and analyzes
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
  /** The recaps of the recap store, served after the folder's. */
  stored?: readonly RecapText[];
  /** The programmes of the recap store: their sessions are served after the recaps' sections. */
  programme?: readonly ProgrammeSession[];
}

/** The file's layout, bumped when it changes: a file of another version is out of date, not damaged. */
const VERSION = 6;
/** The file's first bytes: what it is, then its layout's version (one byte). */
const MAGIC = Buffer.from("KCINDEX", "latin1");
/** MAGIC and the version, the checksum (uint32 LE), the header's length (uint32 LE). */
const PREAMBLE = MAGIC.length + 1 + 4 + 4;
const CHECKSUM_AT = MAGIC.length + 1;
/**
 * The code whose output the snapshot holds: the folders next to this module's own. In the CLI's
 * bundle (dist/src/bundle) those are the compiled modules it was made from in the same build, so
 * the bundle and the server share one key and one snapshot.
 */
const CODE_FOLDERS = ["corpus", "lexicon", "programme", "search", "text"];
/** One file a cache folder: another corpus (`--corpus`) replaces it rather than piling up beside it. */
export const SNAPSHOT_FILE = "index.snapshot";
/** Every part starts on a multiple of this many bytes of the file, so typed arrays can view it in place. */
const ALIGN = 8;

/**
 * The file: MAGIC and VERSION, the checksum, the header's length, the header (JSON, padded with
 * spaces to ALIGN), then the parts, each padded with zeros to ALIGN: typed arrays of the platform's
 * byte order (the key includes it) and the string table's pieces. Nothing in it is JSON but the
 * header and the small "meta" part (topics, synonyms, problems). The arrays the engine keeps come
 * first and are read into a buffer of their own, viewed as they are; the rest is read into another,
 * decoded and dropped, so neither is copied and no dead bytes stay in memory.
 *
 * The checksum is the CRC-32 of every other byte of the file, header included, so a damaged file is
 * never read as an index: a part's offset changed in the header is caught like a changed posting
 * (a check against accidents, as the key is against staleness; three times as fast as SHA-256 on
 * 300 MB). CRC-32 catches every change of one bit, and of any run of up to 32.
 */
interface Header {
  key: string;
  /** Part name → [offset from the end of the header, byte length]. */
  parts: Record<string, [number, number]>;
  /** Byte length of the kept parts, at the start of the body. */
  kept: number;
  /** The encoding of each piece of the string table (parts "piece.0", "piece.1", ...). */
  pieces: PieceEncoding[];
}

interface Meta {
  problems: string[];
  topics: Topic[];
  synonyms: SynonymGroups;
}

/**
 * Loads the corpus and its index: from the snapshot in `prebuiltDir` (read-only, made when the
 * container image was built) or in `cacheDir` when one is current, else built (and saved in
 * `cacheDir`).
 */
export async function loadSearchData(sources: SearchSources, options: { cacheDir?: string; prebuiltDir?: string; logger: Logger }): Promise<SearchData> {
  const { cacheDir, prebuiltDir, logger } = options;
  // A missing corpus folder is the build's to report, with its user-facing message.
  if (!cacheDir || !isDirectory(sources.corpusDir)) return buildSearchData(sources);
  const file = join(cacheDir, SNAPSHOT_FILE);
  const key = sourcesKey(sources);
  for (const candidate of prebuiltDir ? [join(prebuiltDir, SNAPSHOT_FILE), file] : [file]) {
    try {
      const data = readSnapshot(candidate, key);
      if (data) {
        logger.debug({ file: candidate, sections: data.corpus.sections.length }, "index snapshot loaded");
        return data;
      }
    } catch (error) {
      logger.warn({ err: error, file: candidate }, "index snapshot unreadable; not used");
    }
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

/**
 * The read-only folder of a snapshot made when the image is built (`kubecon index`, in the
 * Dockerfile), so that no pod indexes the shipped corpus at start; DATA_DIR/cache is for the rest.
 */
export const prebuiltDir = (): string => join(projectRoot(), "index");

/** `kubecon index`: builds the index of `sources` and writes it as the prebuilt snapshot. */
export async function writePrebuiltSnapshot(sources: SearchSources): Promise<{ file: string; sections: number }> {
  const key = sourcesKey(sources);
  const data = await buildSearchData(sources);
  const file = join(prebuiltDir(), SNAPSHOT_FILE);
  writeSnapshot(file, key, data);
  return { file, sections: data.corpus.sections.length };
}

/** Reads the recaps, topics and synonyms and builds the index (the parsers are loaded only here). */
export async function buildSearchData(sources: SearchSources): Promise<SearchData> {
  const [{ loadTopics }, { loadCorpus }, { loadSynonyms }] = await Promise.all([
    import("../corpus/topics.js"),
    import("../corpus/corpus.js"),
    import("./synonyms-file.js"),
  ]);
  const topics = loadTopics(sources.topicsFile);
  const shipped = loadCorpus(sources.corpusDir, topics);
  const recaps = sources.stored?.length ? (await import("../corpus/stored-recaps.js")).withStoredRecaps(shipped, sources.stored, topics) : shipped;
  const corpus = sources.programme?.length ? (await import("../programme/programme-corpus.js")).withProgramme(recaps, sources.programme, topics) : recaps;
  const synonyms = loadSynonyms(sources.synonymsFile);
  return { corpus, topics, synonyms, engine: new SearchEngine(corpus.sections, synonyms) };
}

/** The hash of everything the index is made from (see the module comment). */
export function sourcesKey(sources: SearchSources): string {
  const hash = createHash("sha256");
  const add = (name: string, content: Buffer | string) => hash.update(`${name}\0${content.length}\0`).update(content);
  add("format", `${VERSION} ${endianness()}`);
  add("code", codeFingerprint());
  const lockfile = join(projectRoot(), "package-lock.json");
  if (existsSync(lockfile)) add("package-lock.json", readFileSync(lockfile));
  add("topics", readFileSync(sources.topicsFile));
  add("synonyms", readFileSync(sources.synonymsFile));
  // The event catalog gives recaps their event's id and name.
  add("events", readFileSync(eventsFile()));
  // The same files loadCorpus reads.
  for (const name of readdirSync(sources.corpusDir).filter((f) => f.endsWith(".md")).sort()) {
    add(`recap ${name}`, readFileSync(join(sources.corpusDir, name)));
  }
  for (const { name, text } of sources.stored ?? []) add(`stored ${name}`, text);
  for (const session of sources.programme ?? []) add(`programme ${session.id}`, JSON.stringify(session));
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

/**
 * A snapshot in memory, to hand to another thread: its header and its body's two runs (the arrays
 * the engine keeps, then the parts decoded and dropped), each in a buffer of its own.
 */
export interface SnapshotParts {
  header: Header;
  kept: Uint8Array<ArrayBuffer>;
  rest: Uint8Array<ArrayBuffer>;
}

/** The snapshot of `data` in memory (see SnapshotParts), keyed by `key`. */
export function snapshotParts(key: string, data: SearchData): SnapshotParts {
  const { header, body } = encode(key, data);
  const run = (from: number, to: number) => {
    const bytes = new Uint8Array(to - from);
    let at = 0;
    for (const chunk of body) {
      const end = at + chunk.length;
      if (end > from && at < to) bytes.set(chunk.subarray(Math.max(0, from - at), Math.min(chunk.length, to - at)), Math.max(0, at - from));
      at = end;
    }
    return bytes;
  };
  const total = body.reduce((sum, chunk) => sum + chunk.length, 0);
  return { header, kept: run(0, header.kept), rest: run(header.kept, total) };
}

/**
 * The data of a snapshot handed over in memory (see snapshotParts), decoded in turns with the
 * event loop running between them, so a service swapping in a new index keeps answering meanwhile.
 */
export async function searchDataOf(parts: SnapshotParts): Promise<SearchData> {
  const steps = decodeSteps(parts.header, parts.kept, parts.rest);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Writes the snapshot atomically (a temporary file renamed), so a reader never sees half of one. */
export function writeSnapshot(file: string, key: string, data: SearchData): void {
  const { header, body } = encode(key, data);
  let headerJson = JSON.stringify(header);
  headerJson += " ".repeat(padding(PREAMBLE + Buffer.byteLength(headerJson)));
  const headerBytes = Buffer.from(headerJson, "utf8");
  const preamble = Buffer.alloc(PREAMBLE);
  MAGIC.copy(preamble);
  preamble[MAGIC.length] = VERSION;
  preamble.writeUInt32LE(headerBytes.length, CHECKSUM_AT + 4);
  let checksum = crcOf(preamble.subarray(CHECKSUM_AT + 4), crcOf(preamble.subarray(0, CHECKSUM_AT), 0));
  for (const bytes of [headerBytes, ...body]) checksum = crcOf(bytes, checksum);
  preamble.writeUInt32LE(checksum, CHECKSUM_AT);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    for (const bytes of [preamble, headerBytes, ...body]) writeAll(fd, bytes);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** The header and the body's parts, each followed by its padding, of the snapshot of `data`. */
function encode(key: string, data: SearchData): { header: Header; body: Uint8Array[] } {
  const { postings, vocabulary, sequences } = data.engine.state();
  // One writer, so recaps and sections share one string table.
  const records = new RecordWriter();
  for (const recap of data.corpus.recaps) writeRecap(records, recap);
  const recaps = records.records();
  const layout = new Growable(new Int32Array(1 << 12));
  for (const section of data.corpus.sections) writeSection(records, section, layout);
  const sectionRecords = records.records().subarray(recaps.length);
  const terms = Int32Array.from(postings.terms, (term) => records.ref(term));
  const words = Int32Array.from(vocabulary.words, (word) => records.ref(word));
  const table = records.stringTable();
  const meta: Meta = { problems: data.corpus.problems, topics: data.topics, synonyms: data.synonyms };
  const kept: [string, ArrayBufferView][] = [
    ["postings.start", postings.start],
    ["postings.doc", postings.doc],
    ["postings.score", postings.score],
    ["sequences.start", sequences.start],
    ["sequences.ids", sequences.ids],
    ["sequences.lineFrom", sequences.lineFrom],
    ["sequences.lines", sequences.lines],
    ["vocabulary.terms", vocabulary.termIds],
    ["bullets", layout.trimmed()],
  ];
  const decoded: [string, ArrayBufferView][] = [
    ["meta", Buffer.from(JSON.stringify(meta), "utf8")],
    ...table.pieces.map(({ bytes }, i): [string, ArrayBufferView] => [`piece.${i}`, bytes]),
    ["strings.piece", table.piece],
    ["strings.length", table.length],
    ["recaps", recaps],
    ["sections", sectionRecords],
    ["terms", terms],
    ["vocabulary.words", words],
  ];
  const body: Uint8Array[] = [];
  const offsets: Header["parts"] = {};
  let at = 0;
  let keptBytes = 0;
  for (const [name, part] of [...kept, ...decoded]) {
    const bytes = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    offsets[name] = [at, bytes.length];
    body.push(bytes, new Uint8Array(padding(bytes.length)));
    at += bytes.length + padding(bytes.length);
    if (name === kept.at(-1)![0]) keptBytes = at;
  }
  const header: Header = { key, parts: offsets, kept: keptBytes, pieces: table.pieces.map((p) => p.encoding) };
  return { header, body };
}

/** The CRC-32 of `bytes` continuing `crc` (zlib answers 0 for an array with no memory behind it, as an empty part may be). */
const crcOf = (bytes: Uint8Array, crc: number) => (bytes.length ? crc32(bytes, crc) : crc);

/** Zero bytes after `length` bytes to reach the next multiple of ALIGN. */
const padding = (length: number) => (ALIGN - (length % ALIGN)) % ALIGN;

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

type ArrayType<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/**
 * The snapshot's data if the file exists and was made from the sources of `key`; undefined when
 * there is none or it is out of date. Throws when the file is damaged or not a snapshot.
 */
export function readSnapshot(file: string, key: string): SearchData | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return readOpenSnapshot(fd, key);
  } finally {
    closeSync(fd);
  }
}

function readOpenSnapshot(fd: number, key: string): SearchData | undefined {
  const size = fstatSync(fd).size;
  let position = 0;
  /** The next `length` bytes of the file, in a buffer of their own (so its arrays are aligned). */
  const next = (length: number, what: string): Buffer => {
    if (position + length > size) throw new Error(`index snapshot truncated in its ${what}`);
    const bytes = Buffer.allocUnsafeSlow(length);
    for (let at = 0; at < length; ) {
      const read = readSync(fd, bytes, at, length - at, position + at);
      if (read === 0) throw new Error(`index snapshot truncated in its ${what}`);
      at += read;
    }
    position += length;
    return bytes;
  };
  const preamble = next(Math.min(size, PREAMBLE), "preamble");
  if (preamble.length < PREAMBLE || !preamble.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not an index snapshot");
  // Another layout (an older release's file): out of date, as a changed recap makes it.
  if (preamble[MAGIC.length] !== VERSION) return undefined;
  const headerLength = preamble.readUInt32LE(CHECKSUM_AT + 4);
  if ((PREAMBLE + headerLength) % ALIGN !== 0) throw new Error("index snapshot header is misaligned");
  const headerBytes = next(headerLength, "header");
  // The header is parsed before the checksum is known (it says where the kept arrays end), and
  // trusted only after: whatever it says, every byte read is in the sum.
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString("utf8")) as Header;
  } catch {
    throw new Error("index snapshot header is damaged");
  }
  if (!Number.isInteger(header.kept) || header.kept < 0 || header.kept % ALIGN !== 0) throw new Error("index snapshot header is damaged");
  const kept = next(header.kept, "arrays");
  const rest = next(size - position, "parts");
  let checksum = crcOf(preamble.subarray(CHECKSUM_AT + 4), crcOf(preamble.subarray(0, CHECKSUM_AT), 0));
  for (const bytes of [headerBytes, kept, rest]) checksum = crcOf(bytes, checksum);
  if (checksum !== preamble.readUInt32LE(CHECKSUM_AT)) throw new Error("index snapshot checksum mismatch");
  if (header.key !== key) return undefined;
  return decode(header, kept, rest);
}

/** Sections decoded in one turn of decodeSteps (a few milliseconds of work). */
const SECTIONS_A_TURN = 1_000;

/** The data of a snapshot's body, at once. */
function decode(header: Header, kept: Uint8Array, rest: Uint8Array): SearchData {
  const steps = decodeSteps(header, kept, rest);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The data of a snapshot's body (`kept` and `rest` each start on an aligned byte of their own
 * buffer), in turns: it yields between the parts and every SECTIONS_A_TURN sections.
 */
function* decodeSteps(header: Header, kept: Uint8Array, rest: Uint8Array): Generator<void, SearchData, void> {
  /** A part as an array viewing the bytes read: those of the kept parts are the engine's own. */
  const view = <T>(name: string, Type: ArrayType<T>): T => {
    const [offset, length] = header.parts[name] ?? [];
    const [bytes, at] = offset !== undefined && offset < kept.length ? [kept, offset] : [rest, (offset ?? 0) - kept.length];
    if (offset === undefined || length === undefined || at + length > bytes.length || length % Type.BYTES_PER_ELEMENT !== 0) {
      throw new Error(`index snapshot part ${name} is missing or out of bounds`);
    }
    return new Type(bytes.buffer, bytes.byteOffset + at, length / Type.BYTES_PER_ELEMENT);
  };

  const meta = JSON.parse(Buffer.from(view("meta", Uint8Array)).toString("utf8")) as Meta;
  const strings = yield* RecordReader.strings({
    pieces: header.pieces.map((encoding, i) => ({ encoding, bytes: view(`piece.${i}`, Uint8Array) })),
    piece: view("strings.piece", Uint8Array),
    length: view("strings.length", Uint32Array),
  });
  yield;
  const recapRecords = new RecordReader(view("recaps", Int32Array), strings);
  const recaps: Corpus["recaps"] = [];
  while (!recapRecords.done) recaps.push(readRecap(recapRecords));
  const sectionRecords = new RecordReader(view("sections", Int32Array), strings);
  const sections: Corpus["sections"] = [];
  const layout = view("bullets", Int32Array);
  while (!sectionRecords.done) {
    sections.push(readSection(sectionRecords, layout));
    if (sections.length % SECTIONS_A_TURN === 0) yield;
  }
  yield;
  const stringsOf = (name: string) => Array.from(view(name, Int32Array), (ref) => {
    const value = strings[ref];
    if (value === undefined) throw new Error(`index snapshot part ${name} refers to no string`);
    return value;
  });
  const corpus: Corpus = { recaps, sections, problems: meta.problems };
  const terms = stringsOf("terms");
  yield;
  const words = stringsOf("vocabulary.words");
  yield;
  // Default options, as buildSearchData uses: they are code (search/options.ts), so part of the key.
  const engine = new SearchEngine(sections, meta.synonyms, {}, {
    postings: { terms, start: view("postings.start", Int32Array), doc: view("postings.doc", Int32Array), score: view("postings.score", Float32Array) },
    vocabulary: { termIds: view("vocabulary.terms", Int32Array), words },
    sequences: {
      start: view("sequences.start", Int32Array),
      ids: view("sequences.ids", Int32Array),
      lineFrom: view("sequences.lineFrom", Int32Array),
      lines: view("sequences.lines", Int32Array),
    },
  });
  return { corpus, topics: meta.topics, synonyms: meta.synonyms, engine };
}

function isDirectory(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}
