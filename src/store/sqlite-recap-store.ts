import type Database from "better-sqlite3";
import { changeOf, planProgramme, PROGRAMME_COLUMNS, toSession, type ProgrammeRow } from "./programme-rows.js";
import { isFailure, RECAP_COLUMNS, SOURCE_COLUMNS, toSource, toStoredRecap, type RecapRow, type SourceRow } from "./recap-rows.js";
import { programmeMoved, type ProgrammeChange, type PutOutcome, type RecapInput, type RecapStore, type RefreshRecord, type SourceInput, type StoredRecap } from "./recap-store.js";
import type { Logger } from "../log/logger.js";
import type { ProgrammeSession } from "../programme/session.js";
import { openSqliteFile, type SqliteFileSpec, type SqliteGuard } from "./sqlite-file.js";
import { RECAPS_FILE } from "./recaps-file.js";
import { StoreError } from "./store-error.js";

const FILE: SqliteFileSpec = {
  name: RECAPS_FILE,
  ifDamaged:
    "stop the bot, move the file away and restore the last copy made with 'kubecon backup <file>' (<file>.recaps.db) in its place; without one the bot starts with the shipped recaps only: add the sources again (their recaps come back at the next refresh) and ingest again what was ingested by hand",
};

/** Schema versions, applied in order and counted in SQLite's user_version. Never edit a shipped step: add the next one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE recap (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     url TEXT NOT NULL,
     canonical_url TEXT NOT NULL UNIQUE,
     source_id INTEGER,
     document TEXT NOT NULL,
     title TEXT NOT NULL,
     event_id TEXT,
     language TEXT NOT NULL,
     content_type TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     content_hash TEXT NOT NULL,
     fetched_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX recap_content_hash ON recap (content_hash);
   CREATE INDEX recap_url ON recap (url);
   CREATE TABLE recap_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
   INSERT INTO recap_revision (id, revision) VALUES (1, 0);
   CREATE TABLE source (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     url TEXT NOT NULL UNIQUE,
     kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page', 'list')),
     event_hint TEXT,
     added_by TEXT NOT NULL,
     added_at INTEGER NOT NULL,
     last_refresh_at INTEGER,
     last_result TEXT CHECK (last_result IN ('ok', 'not-modified', 'failed', 'refused')),
     last_error TEXT,
     next_attempt_at INTEGER,
     failures INTEGER NOT NULL DEFAULT 0,
     etag TEXT,
     last_modified TEXT
   );
   CREATE TABLE lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);`,
  // Programmes, and sources of kind programme (SQLite changes a CHECK by making the table anew).
  `CREATE TABLE programme_session (
     id TEXT PRIMARY KEY,
     event_id TEXT NOT NULL,
     starts_at TEXT NOT NULL,
     document TEXT NOT NULL
   );
   CREATE INDEX programme_session_event ON programme_session (event_id, starts_at);
   CREATE TABLE source_new (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     url TEXT NOT NULL UNIQUE,
     kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page', 'list', 'programme')),
     event_hint TEXT,
     added_by TEXT NOT NULL,
     added_at INTEGER NOT NULL,
     last_refresh_at INTEGER,
     last_result TEXT CHECK (last_result IN ('ok', 'not-modified', 'failed', 'refused')),
     last_error TEXT,
     next_attempt_at INTEGER,
     failures INTEGER NOT NULL DEFAULT 0,
     etag TEXT,
     last_modified TEXT
   );
   INSERT INTO source_new SELECT * FROM source;
   DROP TABLE source;
   ALTER TABLE source_new RENAME TO source;`,
];

/**
 * The recap store in `DATA_DIR/recaps.db` (SQLite, WAL), which several processes on one host may
 * share; writes to a file that can no longer keep them are refused (see SqliteGuard), `logger` told.
 */
export function openSqliteRecapStore(dataDir: string, logger?: Logger): RecapStore {
  return openSqliteFile(
    dataDir,
    FILE,
    (db, file, guard) => {
      migrate(db, file);
      return recapStore(db, guard);
    },
    logger,
  );
}

function migrate(db: Database.Database, file: string): void {
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreError(`${file} has schema version ${version}, newer than this release knows (${MIGRATIONS.length}): run the newer release`);
    }
    for (let step = version; step < MIGRATIONS.length; step++) db.exec(MIGRATIONS[step]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

const orNull = <T>(value: T | undefined): T | null => value ?? null;
const time = (value: Date | undefined): number | null => (value === undefined ? null : value.getTime());

function recapStore(db: Database.Database, guard: SqliteGuard): RecapStore {
  const select = `SELECT ${RECAP_COLUMNS} FROM recap`;
  const byHash = db.prepare(`${select} WHERE content_hash = ? ORDER BY id LIMIT 1`);
  const byCanonical = db.prepare(`${select} WHERE canonical_url = ?`);
  const byUrl = db.prepare(`${select} WHERE canonical_url = @url OR url = @url ORDER BY canonical_url = @url DESC, id LIMIT 1`);
  const byId = db.prepare(`${select} WHERE id = ?`);
  const noteFetch = db.prepare(`UPDATE recap SET fetched_at = @fetchedAt, etag = @etag, last_modified = @lastModified WHERE id = @id`);
  const replace = db.prepare(
    `UPDATE recap SET url = @url, source_id = @sourceId, document = @document, title = @title, event_id = @eventId, language = @language,
       content_type = @contentType, etag = @etag, last_modified = @lastModified, content_hash = @contentHash, fetched_at = @fetchedAt, updated_at = @fetchedAt
     WHERE id = @id`,
  );
  const insert = db.prepare(
    `INSERT INTO recap (url, canonical_url, source_id, document, title, event_id, language, content_type, etag, last_modified, content_hash, fetched_at, updated_at)
     VALUES (@url, @canonicalUrl, @sourceId, @document, @title, @eventId, @language, @contentType, @etag, @lastModified, @contentHash, @fetchedAt, @fetchedAt)`,
  );
  const bump = db.prepare("UPDATE recap_revision SET revision = revision + 1 WHERE id = 1");
  const revision = db.prepare("SELECT revision FROM recap_revision WHERE id = 1").pluck();

  const put = db.transaction((recap: RecapInput): { outcome: PutOutcome; recap: StoredRecap } => {
    const canonicalUrl = recap.canonicalUrl ?? recap.url;
    const params = {
      ...recap,
      canonicalUrl,
      sourceId: orNull(recap.sourceId),
      eventId: orNull(recap.eventId),
      etag: orNull(recap.etag),
      lastModified: orNull(recap.lastModified),
      fetchedAt: recap.fetchedAt.getTime(),
    };
    const same = byHash.get(recap.contentHash) as RecapRow<number> | undefined;
    if (same) {
      // The validators belong to the address they came from: kept only on a fetch of the stored one.
      if (same.canonical_url === canonicalUrl) noteFetch.run({ ...params, id: same.id });
      return { outcome: "unchanged", recap: toStoredRecap(byId.get(same.id) as RecapRow<number>) };
    }
    const earlier = byCanonical.get(canonicalUrl) as RecapRow<number> | undefined;
    const id = earlier ? (replace.run({ ...params, id: earlier.id }), earlier.id) : insert.run(params).lastInsertRowid;
    bump.run();
    return { outcome: earlier ? "changed" : "added", recap: toStoredRecap(byId.get(id) as RecapRow<number>) };
  });

  const deleteRecap = db.transaction((id: number): boolean => {
    const gone = db.prepare("DELETE FROM recap WHERE id = ?").run(id).changes > 0;
    if (gone) bump.run();
    return gone;
  });

  const programmeOf = db.prepare("SELECT id, document FROM programme_session WHERE event_id = ?");
  const insertSession = db.prepare("INSERT INTO programme_session (id, event_id, starts_at, document) VALUES (@id, @event_id, @starts_at, @document)");
  const updateSession = db.prepare("UPDATE programme_session SET event_id = @event_id, starts_at = @starts_at, document = @document WHERE id = @id");
  const deleteSession = db.prepare("DELETE FROM programme_session WHERE id = ?");
  const putProgramme = db.transaction((eventId: string, sessions: readonly ProgrammeSession[]): ProgrammeChange => {
    const stored = new Map((programmeOf.all(eventId) as Pick<ProgrammeRow, "id" | "document">[]).map((row) => [row.id, row.document]));
    const plan = planProgramme(stored, sessions);
    for (const row of plan.inserts) insertSession.run(row);
    for (const row of plan.updates) updateSession.run(row);
    for (const id of plan.deletes) deleteSession.run(id);
    const change = changeOf(plan);
    if (programmeMoved(change)) bump.run();
    return change;
  });

  const sourceSelect = `SELECT ${SOURCE_COLUMNS} FROM source`;
  const sourceById = db.prepare(`${sourceSelect} WHERE id = ?`);
  const addSource = db.transaction((source: SourceInput) => {
    const added = db
      .prepare(`INSERT INTO source (url, kind, event_hint, added_by, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`)
      .run(source.url, source.kind, orNull(source.eventHint), source.addedBy, source.addedAt.getTime());
    const row = db.prepare(`${sourceSelect} WHERE url = ?`).get(source.url) as SourceRow<number>;
    return { source: toSource(row), added: added.changes > 0 };
  });
  const recordRefresh = db.prepare(
    `UPDATE source SET last_refresh_at = @at, last_result = @result, last_error = @error, next_attempt_at = @nextAttemptAt,
       failures = CASE WHEN @failed THEN failures + 1 ELSE 0 END,
       etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified)
     WHERE id = @id`,
  );
  const takeLease = db.prepare(
    `INSERT INTO lease (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE lease.holder = excluded.holder OR lease.expires_at <= @now`,
  );

  return {
    ready: async () => undefined,
    async health() {
      const problem = guard.problem();
      return problem ? { ok: false, reason: problem } : { ok: true };
    },
    putRecap: async (recap) => guard.write(() => put.immediate(recap)),
    async listRecaps(filter = {}) {
      const rows =
        filter.sourceId === undefined ? db.prepare(`${select} ORDER BY id`).all() : db.prepare(`${select} WHERE source_id = ? ORDER BY id`).all(filter.sourceId);
      return (rows as RecapRow<number>[]).map(toStoredRecap);
    },
    async getRecapByUrl(url) {
      const row = byUrl.get({ url }) as RecapRow<number> | undefined;
      return row && toStoredRecap(row);
    },
    deleteRecap: async (id) => guard.write(() => deleteRecap.immediate(id)),
    revision: async () => revision.get() as number,
    putProgramme: async (eventId, sessions) => guard.write(() => putProgramme.immediate(eventId, sessions)),
    async listProgramme(eventId) {
      const select = `SELECT ${PROGRAMME_COLUMNS} FROM programme_session`;
      const rows = eventId === undefined ? db.prepare(`${select} ORDER BY starts_at, id`).all() : db.prepare(`${select} WHERE event_id = ? ORDER BY starts_at, id`).all(eventId);
      return (rows as ProgrammeRow[]).map(toSession);
    },

    addSource: async (source) => guard.write(() => addSource.immediate(source)),
    async listSources() {
      return (db.prepare(`${sourceSelect} ORDER BY id`).all() as SourceRow<number>[]).map(toSource);
    },
    async getSource(id) {
      const row = sourceById.get(id) as SourceRow<number> | undefined;
      return row && toSource(row);
    },
    async removeSource(id) {
      return guard.write(() => db.prepare("DELETE FROM source WHERE id = ?").run(id)).changes > 0;
    },
    async recordRefresh(id, refresh: RefreshRecord) {
      const { changes } = guard.write(() => recordRefresh.run({
        id,
        at: refresh.at.getTime(),
        result: refresh.result,
        error: orNull(refresh.error),
        nextAttemptAt: time(refresh.nextAttemptAt),
        failed: isFailure(refresh.result) ? 1 : 0,
        etag: orNull(refresh.etag),
        lastModified: orNull(refresh.lastModified),
      }));
      return changes > 0;
    },

    async tryLease(name, holder, now, ttlMs) {
      return guard.write(() => takeLease.run({ name, holder, expiresAt: now.getTime() + ttlMs, now: now.getTime() })).changes > 0;
    },
    async releaseLease(name, holder) {
      guard.write(() => db.prepare("DELETE FROM lease WHERE name = ? AND holder = ?").run(name, holder));
    },
    async close() {
      db.close();
    },
  };
}
