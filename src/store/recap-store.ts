/**
 * Recaps that are not shipped in `data/recaps`: those found by following sources and those
 * ingested with `kubecon ingest` while a store is configured, with the sources followed and the
 * lease that lets one replica at a time refresh them. SQLite by default, PostgreSQL shared by
 * replicas; both behave alike (see test/store/recap-store-contract.ts).
 */
import type { ProgrammeSession } from "../programme/session.js";
import type { StoreHealth } from "./daily-store.js";

/** A recap as fetched or ingested, before the store has it. */
export interface RecapInput {
  /** Where it was read: the address fetched (after redirects), or the file ingested. */
  url: string;
  /**
   * What names it whatever the address it was reached by: its `<link rel="canonical">` or its feed
   * item's id. Without one, `url` is its canonical URL.
   */
  canonicalUrl?: string;
  /** The source it was found through; none for `kubecon ingest`. */
  sourceId?: number;
  /** The corpus file: YAML front matter and the recap's text, as `kubecon ingest` writes it (see corpus/recap-file.ts). */
  document: string;
  title: string;
  /** The event catalog's id, when the event was recognised. */
  eventId?: string;
  /** Two-letter code (`en`, `fr`). */
  language: string;
  /** The media type it was served as (`text/html`, `text/markdown`, `text/plain`). */
  contentType: string;
  /** The validators it was served with, for the next conditional request. */
  etag?: string;
  lastModified?: string;
  /** A hash of the recap's text (see `contentHash`): the same text under another address is the same recap. */
  contentHash: string;
  fetchedAt: Date;
}

/** A recap the store holds. */
export interface StoredRecap extends Omit<RecapInput, "canonicalUrl"> {
  /** The store's number for it, stable while it is kept. */
  id: number;
  canonicalUrl: string;
  /** When it was added or its content last changed (a new fetch of the same content leaves it). */
  updatedAt: Date;
}

/**
 * What `putRecap` did: `added` a new recap; `changed` an earlier version of it (same canonical
 * URL, other content), which it replaced; or found it `unchanged` (same content hash, under any
 * address), keeping the stored one and noting the new fetch and validators.
 */
export type PutOutcome = "added" | "changed" | "unchanged";

/**
 * The kinds of source: an RSS, Atom or JSON feed; a sitemap (and its index files); one page; a plain
 * list of URLs; an event's programme (a schedule site's iCalendar export).
 */
export const SOURCE_KINDS = ["feed", "sitemap", "page", "list", "programme"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What storing an event's programme did, session by session. */
export interface ProgrammeChange {
  added: number;
  changed: number;
  /** Stored sessions the new programme no longer has (cancelled, withdrawn). */
  removed: number;
  unchanged: number;
}

/** Whether storing a programme changed what is served: a session added, changed or removed. */
export const programmeMoved = (change: ProgrammeChange): boolean => change.added + change.changed + change.removed > 0;

export interface SourceInput {
  url: string;
  kind: SourceKind;
  /** The event its items are about when they do not say (`KubeCon EU 2026`). */
  eventHint?: string;
  /** Who added it (a platform user id, or `cli`). */
  addedBy: string;
  addedAt: Date;
}

/**
 * How a refresh of a source ended: it fetched (`ok`), the server said nothing changed
 * (`not-modified`), it failed (unreachable, an error status: worth retrying) or the source was
 * `refused` (a hostile or invalid answer).
 */
export type RefreshResult = "ok" | "not-modified" | "failed" | "refused";

export interface Source extends SourceInput {
  /** The store's number for it: what `sources remove <id>` takes. */
  id: number;
  lastRefreshAt?: Date;
  lastResult?: RefreshResult;
  /** Why the last refresh failed or was refused. */
  lastError?: string;
  /** Not to be refreshed before this (a backoff after failures). */
  nextAttemptAt?: Date;
  /** Failed or refused refreshes in a row; 0 after a success. */
  failures: number;
  /** The source document's own validators, for the next conditional request. */
  etag?: string;
  lastModified?: string;
}

export interface RefreshRecord {
  at: Date;
  result: RefreshResult;
  error?: string;
  nextAttemptAt?: Date;
  /** Kept as they were when not given. */
  etag?: string;
  lastModified?: string;
}

export interface RecapStore {
  /** Resolves once the store answers (PostgreSQL connects in the background); rejects when it cannot. */
  ready(): Promise<void>;
  /** Whether the store answers now, and why not. */
  health(): Promise<StoreHealth>;

  /**
   * Keeps a recap, never twice: one whose content hash is stored already is `unchanged`; one whose
   * canonical URL is stored with other content replaces that version (`changed`); any other is
   * `added`. Added and changed recaps move the revision and tell watchers.
   */
  putRecap(recap: RecapInput): Promise<{ outcome: PutOutcome; recap: StoredRecap }>;
  /** Every stored recap, oldest first (by id), or those of one source. */
  listRecaps(filter?: { sourceId?: number }): Promise<StoredRecap[]>;
  /** The recap fetched from or canonically named by `url`. */
  getRecapByUrl(url: string): Promise<StoredRecap | undefined>;
  /** Returns false when there was none; a deletion moves the revision and tells watchers. */
  deleteRecap(id: number): Promise<boolean>;
  /**
   * A number that moves whenever a recap is added, changed or deleted, by any replica: the cheap
   * periodic check of whether the index must be rebuilt.
   */
  revision(): Promise<number>;
  /**
   * Makes `sessions` the stored programme of `eventId`: sessions not stored are added, stored ones
   * whose content differs replaced, stored ones not given removed; one session an id. A change moves
   * the revision and tells watchers, as a recap's does.
   */
  putProgramme(eventId: string, sessions: readonly ProgrammeSession[]): Promise<ProgrammeChange>;
  /** The stored programme sessions, of one event or of all, by start. */
  listProgramme(eventId?: string): Promise<ProgrammeSession[]>;
  /**
   * Calls `listener` with the new revision soon after any connection (this one or another replica's)
   * moves it, where the database can push that (PostgreSQL LISTEN/NOTIFY). Without it, or between a
   * lost connection and its return, the periodic check of `revision()` is how a replica learns.
   * Resolves once listening; the returned function stops.
   */
  watch?(listener: (revision: number) => void): Promise<() => Promise<void>>;

  /** Follows a source; a URL followed already returns its source with `added: false`. */
  addSource(source: SourceInput): Promise<{ source: Source; added: boolean }>;
  /** Every source, by id. */
  listSources(): Promise<Source[]>;
  getSource(id: number): Promise<Source | undefined>;
  /** Stops following a source; its recaps stay. Returns false when there was none. */
  removeSource(id: number): Promise<boolean>;
  /** Notes how a refresh ended: failed and refused ones count up `failures`, others reset it. False when the source is gone. */
  recordRefresh(id: number, refresh: RefreshRecord): Promise<boolean>;

  /**
   * Takes (or renews) the lease `name` for `holder` until `now + ttlMs`, unless another holder has it
   * past `now`. One holder at a time across replicas.
   */
  tryLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Gives the lease back, if `holder` has it. */
  releaseLease(name: string, holder: string): Promise<void>;

  close(): Promise<void>;
}
