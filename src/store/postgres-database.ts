import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../log/logger.js";
import type { StoreHealth } from "./daily-store.js";
import { StoreError } from "./store-error.js";

/** One query of a transaction: its rows. */
export type Query = <Row extends object = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;

/** Any fixed number: every replica takes the same lock to migrate ("kube"). */
const MIGRATION_LOCK = 0x6b756265;

/**
 * One store's tables: schema versions applied in order under the advisory lock and counted in
 * their own table, so stores sharing a database never count each other's steps. Never edit a
 * shipped step: add the next one.
 */
export interface PostgresSchema {
  /** Where the applied versions are counted (`schema_migration` for the daily store). */
  versionTable: string;
  migrations: readonly string[];
}

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (DATABASE_URL). */
  url: string;
  logger: Logger;
  /** Connections kept open; the scheduler posts a few at once. */
  poolSize?: number;
  /** Waits between attempts to reach the server at start: doubling from `firstDelayMs` up to `maxDelayMs`. */
  retry?: { firstDelayMs: number; maxDelayMs: number };
  /**
   * Stop trying after this long: `ready()` rejects with a StoreError saying why (a command-line
   * run). Without it, a server keeps trying until the database answers.
   */
  giveUpAfterMs?: number;
}

/**
 * A pool on one PostgreSQL database for one store. It connects and migrates in the background,
 * retrying with backoff while the server is unreachable (`health()` says why, `ready()` resolves
 * when done); queries made before then, or while the server is away, fail with the reason.
 */
export class PostgresDatabase {
  private readonly pool: pg.Pool;
  private readonly logger: Logger;
  private readonly closing = new AbortController();
  private state: StoreHealth = { ok: false, reason: "PostgreSQL: connecting" };
  private connected = false;
  private readonly connecting: Promise<void>;

  constructor(
    private readonly schema: PostgresSchema,
    options: PostgresStoreOptions,
  ) {
    this.logger = options.logger;
    const connectionTimeoutMillis = Math.min(10_000, options.giveUpAfterMs ?? Infinity);
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis });
    // An idle connection the server dropped: the pool replaces it; without a listener it would crash the process.
    this.pool.on("error", (error) => this.logger.warn({ err: error, database: describe(options.url) }, "PostgreSQL connection lost"));
    this.connecting = this.connect(describe(options.url), options.retry ?? { firstDelayMs: 500, maxDelayMs: 30_000 }, options.giveUpAfterMs);
    this.connecting.catch(() => undefined);
  }

  /** Resolves once the server answered and the schema is up to date; rejects only when retrying cannot help (or on close). */
  ready(): Promise<void> {
    return this.connecting;
  }

  async query<Row extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]> {
    return (await this.run<Row>(text, values)).rows;
  }

  /** Whether the statement changed a row. */
  async changed(text: string, values: unknown[]): Promise<boolean> {
    return ((await this.run(text, values)).rowCount ?? 0) > 0;
  }

  /** Runs `work` on one connection in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (query: Query) => Promise<T>): Promise<T> {
    if (!this.connected) throw new Error(this.state.ok ? "PostgreSQL: connecting" : this.state.reason);
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(async (text, values) => (await client.query(text, values)).rows);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query("ROLLBACK").catch((rollback: Error) => (broken = rollback));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async schemaVersion(): Promise<number> {
    return (await this.query<{ version: number }>(`SELECT max(version)::int AS version FROM ${this.schema.versionTable}`))[0]!.version;
  }

  async health(): Promise<StoreHealth> {
    if (!this.connected) return this.state;
    try {
      await this.pool.query("SELECT 1");
      this.state = { ok: true };
    } catch (error) {
      this.state = { ok: false, reason: `PostgreSQL: ${(error as Error).message}` };
    }
    return this.state;
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.connecting.catch(() => undefined);
    await this.pool.end();
  }

  // Until the first connection, calls fail at once with the reason rather than hang: a command
  // gets an answer and a scheduler tick is logged and retried.
  private run<Row extends object>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>> {
    if (!this.connected) return Promise.reject(new Error(this.state.ok ? "PostgreSQL: connecting" : this.state.reason));
    return this.pool.query<Row>(text, values);
  }

  private async connect(database: string, retry: { firstDelayMs: number; maxDelayMs: number }, giveUpAfterMs?: number): Promise<void> {
    const giveUpAt = giveUpAfterMs === undefined ? Infinity : Date.now() + giveUpAfterMs;
    let delay = retry.firstDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.migrate(database);
        this.connected = true;
        this.state = { ok: true };
        this.logger.info({ database, attempt }, "PostgreSQL store ready");
        return;
      } catch (error) {
        if (error instanceof StoreError) {
          this.state = { ok: false, reason: error.message };
          throw error;
        }
        const reason = `PostgreSQL at ${database} unreachable: ${(error as Error).message}`;
        this.state = { ok: false, reason };
        const left = giveUpAt - Date.now();
        if (left <= 0) {
          throw new StoreError(
            `PostgreSQL at ${database} did not answer within ${Math.round(giveUpAfterMs! / 1000)} s (${(error as Error).message}): check DATABASE_URL and that the server is running`,
          );
        }
        // A bounded wait reports its outcome in a line of its own; each retry is a detail then.
        this.logger[giveUpAfterMs === undefined ? "warn" : "debug"]({ database, attempt, retryInMs: delay }, `${reason}; retrying`);
      }
      try {
        await sleep(Math.min(delay, giveUpAt - Date.now()), undefined, { signal: this.closing.signal });
      } catch {
        throw new StoreError("the store was closed before PostgreSQL answered");
      }
      delay = Math.min(delay * 2, retry.maxDelayMs);
    }
  }

  private async migrate(database: string): Promise<void> {
    const { versionTable, migrations } = this.schema;
    const client = await this.pool.connect();
    try {
      // Replicas starting together queue here; the first migrates, the others find nothing left to do.
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      try {
        await client.query(`CREATE TABLE IF NOT EXISTS ${versionTable} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
        const { rows } = await client.query<{ version: number }>(`SELECT coalesce(max(version), 0)::int AS version FROM ${versionTable}`);
        const version = rows[0]!.version;
        if (version > migrations.length) {
          throw new StoreError(
            `PostgreSQL at ${database} has schema version ${version}, newer than this release knows (${migrations.length}): run the newer release`,
          );
        }
        for (let step = version; step < migrations.length; step++) {
          await client.query("BEGIN");
          try {
            await client.query(migrations[step]!);
            await client.query(`INSERT INTO ${versionTable} (version) VALUES ($1)`, [step + 1]);
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            throw error;
          }
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  }
}

/** host:port/database of a URL, never its password, for logs and messages. */
export function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}
