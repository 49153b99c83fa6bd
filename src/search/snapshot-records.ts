import type { Bullet, Recap, Section, SessionFacts } from "../corpus/section.js";
import type { TalkLinkKind } from "../corpus/links.js";
import { Growable } from "./postings.js";

/**
 * How the index snapshot stores sections and recaps without JSON: every record is a run of 32-bit
 * integers (numbers as they are, strings as references into a string table), and the string table
 * is the distinct strings' characters in a few large pieces. Loading decodes each piece into one
 * string at copying speed and cuts the strings out of it as slices, which costs V8 next to nothing;
 * parsing JSON of the same text took ten times as long, most of it decoding UTF-8.
 *
 * Strings whose characters all fit in one byte are stored as Latin-1, the others as UTF-16: Node
 * decodes both as a copy, while UTF-8 decoding (the only other choice) runs at about 100 MB/s.
 */

/** A reference to no string (an optional field left out). */
const NONE = -1;
/**
 * Characters a piece holds at most: one string each (V8's limit is 2^29 - 24), small enough that
 * decoding one is a short turn of a decoding in turns (see RecordReader.strings).
 */
const MAX_PIECE_CHARS = 2 ** 22;
/** Strings sliced out of the table in one turn of RecordReader.strings (a few milliseconds). */
const STRINGS_A_TURN = 100_000;

export type PieceEncoding = "latin1" | "utf16le";

/** The string table as written: pieces of characters, and per string its piece and length. */
export interface StringTable {
  pieces: { encoding: PieceEncoding; bytes: Buffer }[];
  /** String reference → the piece holding it (strings follow each other in their piece, in reference order). */
  piece: Uint8Array;
  length: Uint32Array;
}

/** Collects records and their strings, each distinct string stored once. */
export class RecordWriter {
  private readonly refs = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly values = new Growable(new Int32Array(1 << 16));

  int(value: number): void {
    if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) throw new Error(`not a 32-bit integer: ${value}`);
    this.values.push(value);
  }

  string(value: string): void {
    this.values.push(this.ref(value));
  }

  optional(value: string | undefined): void {
    this.values.push(value === undefined ? NONE : this.ref(value));
  }

  /** A list of strings: its length, then each one. */
  stringList(values: readonly string[]): void {
    this.int(values.length);
    for (const value of values) this.string(value);
  }

  /** A list that may be missing altogether (-1), which is not the same as an empty one. */
  optionalStringList(values: readonly string[] | undefined): void {
    if (values === undefined) this.int(NONE);
    else this.stringList(values);
  }

  /** The string's reference, for arrays of references kept outside the records. */
  ref(value: string): number {
    let ref = this.refs.get(value);
    if (ref === undefined) {
      this.refs.set(value, (ref = this.strings.length));
      this.strings.push(value);
    }
    return ref;
  }

  records(): Int32Array {
    return this.values.trimmed();
  }

  stringTable(): StringTable {
    const piece = new Uint8Array(this.strings.length);
    const length = new Uint32Array(this.strings.length);
    const pieces: { encoding: PieceEncoding; parts: string[]; chars: number }[] = [];
    const open = new Map<PieceEncoding, number>();
    this.strings.forEach((value, ref) => {
      const encoding: PieceEncoding = /[^\u0000-\u00ff]/.test(value) ? "utf16le" : "latin1";
      let at = open.get(encoding);
      if (at === undefined || pieces[at]!.chars + value.length > MAX_PIECE_CHARS) {
        if (value.length > MAX_PIECE_CHARS) throw new Error(`a string of ${value.length} characters is too long for the snapshot`);
        if (pieces.length === 256) throw new Error("too much text for one snapshot");
        open.set(encoding, (at = pieces.length));
        pieces.push({ encoding, parts: [], chars: 0 });
      }
      pieces[at]!.parts.push(value);
      pieces[at]!.chars += value.length;
      piece[ref] = at;
      length[ref] = value.length;
    });
    return { pieces: pieces.map(({ encoding, parts }) => ({ encoding, bytes: Buffer.from(parts.join(""), encoding) })), piece, length };
  }
}

/** Reads records written by RecordWriter, in the same order. */
export class RecordReader {
  private at = 0;

  constructor(
    private readonly values: Int32Array,
    private readonly strings: readonly string[],
  ) {}

  /**
   * Every string of the table, by reference: each piece decoded once, the strings sliced out of it;
   * in turns (a yield after each piece and every STRINGS_A_TURN strings), for a decoding that lets
   * the event loop run between them.
   */
  static *strings(table: { pieces: { encoding: PieceEncoding; bytes: Uint8Array }[]; piece: Uint8Array; length: Uint32Array }): Generator<void, string[], void> {
    const pieces: string[] = [];
    for (const { encoding, bytes } of table.pieces) {
      pieces.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding));
      yield;
    }
    const cursor = new Array<number>(pieces.length).fill(0);
    const strings = new Array<string>(table.length.length);
    for (let ref = 0; ref < strings.length; ref++) {
      const p = table.piece[ref]!;
      const start = cursor[p]!;
      const text = pieces[p];
      if (text === undefined || start + table.length[ref]! > text.length) throw new Error("string table is inconsistent");
      strings[ref] = text.slice(start, (cursor[p] = start + table.length[ref]!));
      if (ref % STRINGS_A_TURN === STRINGS_A_TURN - 1) yield;
    }
    return strings;
  }

  get done(): boolean {
    return this.at === this.values.length;
  }

  int(): number {
    if (this.at >= this.values.length) throw new Error("records end early");
    return this.values[this.at++]!;
  }

  string(): string {
    return this.lookup(this.int());
  }

  optional(): string | undefined {
    const ref = this.int();
    return ref === NONE ? undefined : this.lookup(ref);
  }

  stringList(): string[] {
    return this.listOf(this.int());
  }

  optionalStringList(): string[] | undefined {
    const count = this.int();
    return count === NONE ? undefined : this.listOf(count);
  }

  private listOf(count: number): string[] {
    if (count < 0) throw new Error("record has a list of negative length");
    const values = new Array<string>(count);
    for (let i = 0; i < count; i++) values[i] = this.string();
    return values;
  }

  private lookup(ref: number): string {
    const value = this.strings[ref];
    if (value === undefined) throw new Error("record refers to no string");
    return value;
  }
}

/**
 * A section's record. Its text is nearly always its bullets' texts joined by line breaks (the
 * corpus makes it so): then the bullets' lengths and depths go to `layout`, and the bullets are cut
 * out of the text when first read (most sections are never shown, and a million bullet objects
 * made at start would cost more than all the rest of a snapshot's load).
 */
export function writeSection(w: RecordWriter, s: Section, layout: Growable<Int32Array>): void {
  w.string(s.id);
  w.string(s.kind);
  w.string(s.recapId);
  w.string(s.title);
  w.string(s.talk);
  w.optional(s.parent);
  w.int(s.speakers.length);
  for (const speaker of s.speakers) {
    w.string(speaker.name);
    w.optional(speaker.company);
  }
  w.optional(s.day);
  w.string(s.event);
  w.string(s.eventId);
  w.int(s.year);
  w.string(s.language);
  w.stringList(s.tags);
  w.optionalStringList(s.recapTags);
  w.string(s.text);
  const joined = s.text === s.bullets.map((b) => b.text).join("\n");
  // A count of n is n joined bullets, from the given place of `layout`; -1 - n is n bullets with texts of their own.
  w.int(joined ? s.bullets.length : -1 - s.bullets.length);
  if (joined) w.int(layout.length);
  for (const bullet of s.bullets) {
    if (joined) {
      layout.push(bullet.text.length);
      layout.push(depthOf(bullet));
    } else {
      w.string(bullet.text);
      w.int(depthOf(bullet));
    }
  }
  w.optional(s.url);
  w.optional(s.urlKind);
  // The programme's facts are few sections' and read as a whole: one JSON string.
  w.optional(s.session && JSON.stringify(s.session));
  w.optional(s.programmeId);
  w.optionalStringList(s.recapSectionIds);
}

/** The section of a record, with its keys in the order the corpus gives them. */
/** A part's heading is written as depth -1 (a part heading is never indented). */
const PART_DEPTH = -1;
const depthOf = (bullet: Bullet) => (bullet.part ? PART_DEPTH : bullet.depth);
const bulletOf = (text: string, depth: number): Bullet => (depth === PART_DEPTH ? { text, depth: 0, part: true } : { text, depth });

const KINDS = new Map<string, Section["kind"]>([["talk", "talk"], ["notes", "notes"], ["programme", "programme"]]);

export function readSection(r: RecordReader, layout: Int32Array): Section {
  const id = r.string();
  const kind = KINDS.get(r.string()) ?? "talk";
  const recapId = r.string();
  const title = r.string();
  const talk = r.string();
  const parent = r.optional();
  const speakers = new Array<Section["speakers"][number]>(r.int());
  for (let i = 0; i < speakers.length; i++) {
    const name = r.string();
    const company = r.optional();
    speakers[i] = company === undefined ? { name } : { name, company };
  }
  const day = r.optional();
  const event = r.string();
  const eventId = r.string();
  const year = r.int();
  const language = r.string();
  const tags = r.stringList();
  const recapTags = r.optionalStringList();
  const text = r.string();
  const count = r.int();
  let bullets: Bullet[] | undefined;
  let from = 0;
  if (count >= 0) {
    from = r.int();
    checkLayout(text, layout, from, count);
  } else {
    bullets = Array.from({ length: -1 - count }, () => bulletOf(r.string(), r.int()));
  }
  const url = r.optional();
  const urlKind = r.optional() as TalkLinkKind | undefined;
  const session = r.optional();
  const programmeId = r.optional();
  const recapSectionIds = r.optionalStringList();
  return {
    id,
    kind,
    recapId,
    title,
    talk,
    ...(parent !== undefined && { parent }),
    speakers,
    ...(day !== undefined && { day }),
    event,
    eventId,
    year,
    language,
    tags,
    ...(recapTags !== undefined && { recapTags }),
    get bullets(): Bullet[] {
      const value = bullets ?? cutBullets(text, layout, from, count);
      // From now on a plain property, as in a section the corpus made.
      Object.defineProperty(this, "bullets", { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    text,
    ...(url !== undefined && { url }),
    ...(urlKind !== undefined && { urlKind }),
    ...(session !== undefined && { session: JSON.parse(session) as SessionFacts }),
    ...(programmeId !== undefined && { programmeId }),
    ...(recapSectionIds !== undefined && { recapSectionIds }),
  };
}

/** Checked on reading, so that a bullet cut later always lies inside its text. */
function checkLayout(text: string, layout: Int32Array, from: number, count: number): void {
  if (from < 0 || from + 2 * count > layout.length) throw new Error("bullets outside the snapshot's layout");
  let length = Math.max(0, count - 1);
  for (let i = 0; i < count; i++) length += layout[from + 2 * i]!;
  if (length !== text.length) throw new Error("bullets do not make their section's text");
}

function cutBullets(text: string, layout: Int32Array, from: number, count: number): Bullet[] {
  const bullets = new Array<Bullet>(count);
  for (let i = 0, at = 0; i < count; i++) {
    const end = at + layout[from + 2 * i]!;
    bullets[i] = bulletOf(text.slice(at, end), layout[from + 2 * i + 1]!);
    at = end + 1;
  }
  return bullets;
}

export function writeRecap(w: RecordWriter, recap: Recap): void {
  w.string(recap.id);
  w.string(recap.title);
  w.string(recap.event);
  w.string(recap.eventId);
  w.int(recap.year);
  w.string(recap.language);
  w.optional(recap.location);
  w.optional(recap.author);
  w.optional(recap.source);
  w.optional(recap.startDate);
  w.optional(recap.endDate);
  w.optionalStringList(recap.tags);
  w.string(recap.body);
  w.string(recap.file);
}

export function readRecap(r: RecordReader): Recap {
  const id = r.string();
  const title = r.string();
  const event = r.string();
  const eventId = r.string();
  const year = r.int();
  const language = r.string();
  const [location, author, source, startDate, endDate] = [r.optional(), r.optional(), r.optional(), r.optional(), r.optional()];
  const tags = r.optionalStringList();
  return {
    id,
    title,
    event,
    eventId,
    year,
    language,
    ...(location !== undefined && { location }),
    ...(author !== undefined && { author }),
    ...(source !== undefined && { source }),
    ...(startDate !== undefined && { startDate }),
    ...(endDate !== undefined && { endDate }),
    ...(tags !== undefined && { tags }),
    body: r.string(),
    file: r.string(),
  };
}
