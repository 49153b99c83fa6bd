import { PostgresDatabase, type PostgresSchema, type PostgresStoreOptions, type Query } from "./postgres-database.js";
import { PostgresListener } from "./postgres-listener.js";
import type { ProgrammeSession } from "../programme/session.js";
import { changeOf, planProgramme, PROGRAMME_COLUMNS, toSession, type ProgrammeRow } from "./programme-rows.js";
import { isFailure, RECAP_COLUMNS, SOURCE_COLUMNS, toSource, toStoredRecap, type RecapRow, type SourceRow } from "./recap-rows.js";
import { programmeMoved, type ProgrammeChange, type PutOutcome, type RecapInput, type RecapStore, type RefreshRecord, type Source, type SourceInput, type StoredRecap } from "./recap-store.js";

/** Where a moved revision is announced, its number as the payload. */
const CHANNEL = "kubecon_recaps";

/** Any fixed number: puts and deletes of recaps take it in turn ("reca"), so the same text is never stored twice by two replicas at once. */
const RECAP_WRITE_LOCK = 0x72656361;

/** Its own version table, so the daily store's steps and these never count each other. */
const SCHEMA: PostgresSchema = {
  versionTable: "recap_schema_migration",
  migrations: [
    `CREATE TABLE recap (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       url text NOT NULL,
       canonical_url text NOT NULL UNIQUE,
       source_id bigint,
       document text NOT NULL,
       title text NOT NULL,
       event_id text,
       language text NOT NULL,
       content_type text NOT NULL,
       etag text,
       last_modified text,
       content_hash text NOT NULL,
       fetched_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     );
     CREATE INDEX recap_content_hash ON recap (content_hash);
     CREATE INDEX recap_url ON recap (url);
     CREATE TABLE recap_revision (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
     INSERT INTO recap_revision (id, revision) VALUES (1, 0);
     CREATE TABLE source (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       url text NOT NULL UNIQUE,
       kind text NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page', 'list')),
       event_hint text,
       added_by text NOT NULL,
       added_at timestamptz NOT NULL,
       last_refresh_at timestamptz,
       last_result text CHECK (last_result IN ('ok', 'not-modified', 'failed', 'refused')),
       last_error text,
       next_attempt_at timestamptz,
       failures integer NOT NULL DEFAULT 0,
       etag text,
       last_modified text
     );
     CREATE TABLE lease (name text PRIMARY KEY, holder text NOT NULL, expires_at timestamptz NOT NULL);`,
    `CREATE TABLE programme_session (
       id text PRIMARY KEY,
       event_id text NOT NULL,
       starts_at text NOT NULL,
       document text NOT NULL
     );
     CREATE INDEX programme_session_event ON programme_session (event_id, starts_at);
     ALTER TABLE source DROP CONSTRAINT source_kind_check;
     ALTER TABLE source ADD CONSTRAINT source_kind_check CHECK (kind IN ('feed', 'sitemap', 'page', 'list', 'programme'));`,
  ],
};

const SELECT_RECAP = `SELECT ${RECAP_COLUMNS} FROM recap`;
const SELECT_SOURCE = `SELECT ${SOURCE_COLUMNS} FROM source`;

/** The recaps, sources and lease of several replicas, in the DATABASE_URL database beside the daily store's tables. */
export class PostgresRecapStore implements RecapStore {
  private readonly db: PostgresDatabase;

  constructor(private readonly options: PostgresStoreOptions) {
    this.db = new PostgresDatabase(SCHEMA, { poolSize: 4, ...options });
  }

  ready(): Promise<void> {
    return this.db.ready();
  }

  health(): ReturnType<RecapStore["health"]> {
    return this.db.health();
  }

  putRecap(recap: RecapInput): Promise<{ outcome: PutOutcome; recap: StoredRecap }> {
    const canonicalUrl = recap.canonicalUrl ?? recap.url;
    return this.db.transaction(async (query) => {
      await query("SELECT pg_advisory_xact_lock($1)", [RECAP_WRITE_LOCK]);
      const [same] = await query<RecapRow<Date>>(`${SELECT_RECAP} WHERE content_hash = $1 ORDER BY id LIMIT 1`, [recap.contentHash]);
      if (same) {
        // The validators belong to the address they came from: kept only on a fetch of the stored one.
        if (same.canonical_url !== canonicalUrl) return { outcome: "unchanged", recap: toStoredRecap(same) };
        const [noted] = await query<RecapRow<Date>>(
          `UPDATE recap SET fetched_at = $2, etag = $3, last_modified = $4 WHERE id = $1 RETURNING ${RECAP_COLUMNS}`,
          [same.id, recap.fetchedAt, recap.etag ?? null, recap.lastModified ?? null],
        );
        return { outcome: "unchanged", recap: toStoredRecap(noted!) };
      }
      const values = [
        recap.url,
        canonicalUrl,
        recap.sourceId ?? null,
        recap.document,
        recap.title,
        recap.eventId ?? null,
        recap.language,
        recap.contentType,
        recap.etag ?? null,
        recap.lastModified ?? null,
        recap.contentHash,
        recap.fetchedAt,
      ];
      const [row] = await query<RecapRow<Date> & { inserted: boolean }>(
        `INSERT INTO recap (url, canonical_url, source_id, document, title, event_id, language, content_type, etag, last_modified, content_hash, fetched_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
         ON CONFLICT (canonical_url) DO UPDATE SET url = excluded.url, source_id = excluded.source_id, document = excluded.document,
           title = excluded.title, event_id = excluded.event_id, language = excluded.language, content_type = excluded.content_type,
           etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash,
           fetched_at = excluded.fetched_at, updated_at = excluded.updated_at
         RETURNING ${RECAP_COLUMNS}, (xmax = 0) AS inserted`,
        values,
      );
      await moveRevision(query);
      return { outcome: row!.inserted ? "added" : "changed", recap: toStoredRecap(row!) };
    });
  }

  async listRecaps(filter: { sourceId?: number } = {}): Promise<StoredRecap[]> {
    const rows =
      filter.sourceId === undefined
        ? await this.db.query<RecapRow<Date>>(`${SELECT_RECAP} ORDER BY id`)
        : await this.db.query<RecapRow<Date>>(`${SELECT_RECAP} WHERE source_id = $1 ORDER BY id`, [filter.sourceId]);
    return rows.map(toStoredRecap);
  }

  async getRecapByUrl(url: string): Promise<StoredRecap | undefined> {
    const [row] = await this.db.query<RecapRow<Date>>(`${SELECT_RECAP} WHERE canonical_url = $1 OR url = $1 ORDER BY canonical_url = $1 DESC, id LIMIT 1`, [url]);
    return row && toStoredRecap(row);
  }

  deleteRecap(id: number): Promise<boolean> {
    return this.db.transaction(async (query) => {
      await query("SELECT pg_advisory_xact_lock($1)", [RECAP_WRITE_LOCK]);
      const gone = await query(`DELETE FROM recap WHERE id = $1 RETURNING id`, [id]);
      if (gone.length) await moveRevision(query);
      return gone.length > 0;
    });
  }

  async revision(): Promise<number> {
    const [row] = await this.db.query<{ revision: string }>(`SELECT revision FROM recap_revision WHERE id = 1`);
    return Number(row!.revision);
  }

  putProgramme(eventId: string, sessions: readonly ProgrammeSession[]): Promise<ProgrammeChange> {
    return this.db.transaction(async (query) => {
      await query("SELECT pg_advisory_xact_lock($1)", [RECAP_WRITE_LOCK]);
      const rows = await query<Pick<ProgrammeRow, "id" | "document">>(`SELECT id, document FROM programme_session WHERE event_id = $1`, [eventId]);
      const plan = planProgramme(new Map(rows.map((row) => [row.id, row.document])), sessions);
      for (const row of [...plan.inserts, ...plan.updates]) {
        await query(
          `INSERT INTO programme_session (id, event_id, starts_at, document) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, starts_at = excluded.starts_at, document = excluded.document`,
          [row.id, row.event_id, row.starts_at, row.document],
        );
      }
      if (plan.deletes.length) await query(`DELETE FROM programme_session WHERE id = ANY($1)`, [plan.deletes]);
      const change = changeOf(plan);
      if (programmeMoved(change)) await moveRevision(query);
      return change;
    });
  }

  async listProgramme(eventId?: string): Promise<ProgrammeSession[]> {
    const select = `SELECT ${PROGRAMME_COLUMNS} FROM programme_session`;
    const rows =
      eventId === undefined
        ? await this.db.query<ProgrammeRow>(`${select} ORDER BY starts_at, id`)
        : await this.db.query<ProgrammeRow>(`${select} WHERE event_id = $1 ORDER BY starts_at, id`, [eventId]);
    return rows.map(toSession);
  }

  async watch(listener: (revision: number) => void): Promise<() => Promise<void>> {
    const listening = new PostgresListener({
      url: this.options.url,
      channel: CHANNEL,
      logger: this.options.logger,
      onNotify: (payload) => listener(Number(payload)),
      // Announcements made while the connection was away were missed: the revision now says it all.
      onReconnect: () => {
        this.revision().then(listener, (error: Error) => this.options.logger.warn({ err: error }, "could not read the recap revision after reconnecting"));
      },
    });
    await listening.start();
    return () => listening.stop();
  }

  async addSource(source: SourceInput): Promise<{ source: Source; added: boolean }> {
    const [made] = await this.db.query<SourceRow<Date>>(
      `INSERT INTO source (url, kind, event_hint, added_by, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO NOTHING RETURNING ${SOURCE_COLUMNS}`,
      [source.url, source.kind, source.eventHint ?? null, source.addedBy, source.addedAt],
    );
    if (made) return { source: toSource(made), added: true };
    const [existing] = await this.db.query<SourceRow<Date>>(`${SELECT_SOURCE} WHERE url = $1`, [source.url]);
    return { source: toSource(existing!), added: false };
  }

  async listSources(): Promise<Source[]> {
    return (await this.db.query<SourceRow<Date>>(`${SELECT_SOURCE} ORDER BY id`)).map(toSource);
  }

  async getSource(id: number): Promise<Source | undefined> {
    const [row] = await this.db.query<SourceRow<Date>>(`${SELECT_SOURCE} WHERE id = $1`, [id]);
    return row && toSource(row);
  }

  removeSource(id: number): Promise<boolean> {
    return this.db.changed(`DELETE FROM source WHERE id = $1`, [id]);
  }

  recordRefresh(id: number, refresh: RefreshRecord): Promise<boolean> {
    return this.db.changed(
      `UPDATE source SET last_refresh_at = $2, last_result = $3, last_error = $4, next_attempt_at = $5,
         failures = CASE WHEN $6 THEN failures + 1 ELSE 0 END,
         etag = coalesce($7, etag), last_modified = coalesce($8, last_modified)
       WHERE id = $1`,
      [id, refresh.at, refresh.result, refresh.error ?? null, refresh.nextAttemptAt ?? null, isFailure(refresh.result), refresh.etag ?? null, refresh.lastModified ?? null],
    );
  }

  tryLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    return this.db.changed(
      `INSERT INTO lease (name, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE lease.holder = excluded.holder OR lease.expires_at <= $4`,
      [name, holder, new Date(now.getTime() + ttlMs), now],
    );
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.db.query(`DELETE FROM lease WHERE name = $1 AND holder = $2`, [name, holder]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Moves the revision and announces it; the announcement is delivered when the transaction commits. */
async function moveRevision(query: Query): Promise<void> {
  const [row] = await query<{ revision: string }>(`UPDATE recap_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision`);
  await query(`SELECT pg_notify($1, $2)`, [CHANNEL, row!.revision]);
}
