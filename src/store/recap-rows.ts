import type { RefreshResult, Source, SourceKind, StoredRecap } from "./recap-store.js";

/**
 * The recap and source rows as both stores read them, and their translation to the store's types.
 * `T` is how an instant is stored: milliseconds in SQLite, timestamptz (a Date) in PostgreSQL.
 */
export interface RecapRow<T> {
  id: number | string;
  url: string;
  canonical_url: string;
  source_id: number | string | null;
  document: string;
  title: string;
  event_id: string | null;
  language: string;
  content_type: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string;
  fetched_at: T;
  updated_at: T;
}

export interface SourceRow<T> {
  id: number | string;
  url: string;
  kind: SourceKind;
  event_hint: string | null;
  added_by: string;
  added_at: T;
  last_refresh_at: T | null;
  last_result: RefreshResult | null;
  last_error: string | null;
  next_attempt_at: T | null;
  failures: number;
  etag: string | null;
  last_modified: string | null;
}

/** The columns of `recap` in the order both stores select them. */
export const RECAP_COLUMNS =
  "id, url, canonical_url, source_id, document, title, event_id, language, content_type, etag, last_modified, content_hash, fetched_at, updated_at";

/** The columns of `source` in the order both stores select them. */
export const SOURCE_COLUMNS =
  "id, url, kind, event_hint, added_by, added_at, last_refresh_at, last_result, last_error, next_attempt_at, failures, etag, last_modified";

/** Leaves out what a row does not have, so a stored recap compares equal to what was put. */
const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } => (value === null ? {} : ({ [key]: value } as { [P in K]: V }));

export function toStoredRecap<T extends number | Date>(row: RecapRow<T>): StoredRecap {
  return {
    id: Number(row.id),
    url: row.url,
    canonicalUrl: row.canonical_url,
    ...optional("sourceId", row.source_id === null ? null : Number(row.source_id)),
    document: row.document,
    title: row.title,
    ...optional("eventId", row.event_id),
    language: row.language,
    contentType: row.content_type,
    ...optional("etag", row.etag),
    ...optional("lastModified", row.last_modified),
    contentHash: row.content_hash,
    fetchedAt: new Date(row.fetched_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function toSource<T extends number | Date>(row: SourceRow<T>): Source {
  return {
    id: Number(row.id),
    url: row.url,
    kind: row.kind,
    ...optional("eventHint", row.event_hint),
    addedBy: row.added_by,
    addedAt: new Date(row.added_at),
    ...optional("lastRefreshAt", row.last_refresh_at === null ? null : new Date(row.last_refresh_at)),
    ...optional("lastResult", row.last_result),
    ...optional("lastError", row.last_error),
    ...optional("nextAttemptAt", row.next_attempt_at === null ? null : new Date(row.next_attempt_at)),
    failures: row.failures,
    ...optional("etag", row.etag),
    ...optional("lastModified", row.last_modified),
  };
}

/** Whether a refresh result counts as a failure (backoff, `failures` up by one). */
export const isFailure = (result: RefreshResult): boolean => result === "failed" || result === "refused";
