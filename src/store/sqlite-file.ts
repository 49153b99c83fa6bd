import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Logger } from "../log/logger.js";
import { StoreError, StoreUnavailableError } from "./store-error.js";

/** One store's file in `DATA_DIR`. */
export interface SqliteFileSpec {
  name: string;
  /** What to do when the file is damaged: how to restore it, or what starting without it loses. */
  ifDamaged: string;
}

/**
 * Opens (creating it and its folder when missing) one SQLite file of `DATA_DIR` and runs `setup` on
 * it (schema, statements). WAL lets readers and one writer work at once; busy_timeout makes a second
 * process wait for the write lock instead of failing with SQLITE_BUSY. Every store's refusals at this
 * point — a folder that cannot be created, a read-only folder, a full disk, a damaged file — become
 * one StoreError naming the file and what to do. Later, `guard` keeps writes from going where they
 * are lost (see SqliteGuard); `logger` hears of it.
 */
export function openSqliteFile<T>(dataDir: string, spec: SqliteFileSpec, setup: (db: Database.Database, file: string, guard: SqliteGuard) => T, logger?: Logger): T {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new StoreError(`DATA_DIR ${dataDir} cannot be created (${code}): create it, or set DATA_DIR to a writable folder`);
  }
  const file = join(dataDir, spec.name);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    return setup(db, file, new SqliteGuard(file, db, logger));
  } catch (error) {
    db?.close();
    throw explainOpenFailure(error, file, spec.ifDamaged);
  }
}

/** Turns SQLite's and the file system's refusals at start into one line saying what to do. */
function explainOpenFailure(error: unknown, file: string, ifDamaged: string): Error {
  if (error instanceof StoreError) return error;
  const code = String((error as { code?: unknown }).code ?? "");
  const detail = `${code}: ${(error as Error).message}`;
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new StoreError(`${file} is damaged (${detail}): ${ifDamaged}`);
  }
  if (code === "SQLITE_FULL") return new StoreError(`the disk holding ${file} is full (${detail}): free some space, or set DATA_DIR to another disk`);
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR") || code === "SQLITE_PERM") {
    return new StoreError(`${file} cannot be written (${detail}): make DATA_DIR a writable folder with free space`);
  }
  return error as Error;
}

// SQLite's codes for storage that cannot take a write: full, failing, read-only, gone.
const STORAGE_FAILURE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/;

/**
 * Whether an open SQLite file can still keep what is written to it: checked before every write and
 * at each readiness probe. After `rm -rf DATA_DIR` SQLite goes on writing to the deleted file (and
 * a restart finds nothing), so the path must still lead to the file opened (same device and inode).
 * A write that failed on storage (a full disk) leaves the store unhealthy until a write succeeds;
 * a readiness probe tries a small one. The first problem is logged once, at error; its end at info.
 */
export class SqliteGuard {
  private readonly identity: { dev: number; ino: number };
  private failedWrite?: string;
  private reported?: string;

  constructor(
    readonly file: string,
    private readonly db: Database.Database,
    private readonly logger?: Logger,
  ) {
    const { dev, ino } = statSync(file);
    this.identity = { dev, ino };
  }

  /**
   * Runs a write: refused (StoreUnavailableError) when the path leads elsewhere, or when it fails on
   * storage. A write after a failed one is tried: it is the best test of a disk with room again.
   */
  write<T>(run: () => T): T {
    const moved = this.moved();
    if (moved) throw this.refuse(moved);
    try {
      const result = run();
      this.recovered();
      return result;
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? "");
      if (!STORAGE_FAILURE.test(code)) throw error;
      this.failedWrite = code === "SQLITE_FULL" ? `the disk holding ${this.file} is full (${code})` : `${this.file} cannot be written (${code}: ${(error as Error).message})`;
      throw this.refuse(this.failedWrite);
    }
  }

  /** Why the file cannot keep writes now, or undefined: for /readyz. */
  problem(): string | undefined {
    const moved = this.moved();
    if (moved) return this.report(moved);
    if (this.failedWrite) {
      try {
        // The smallest write there is: the schema version, set to what it is.
        this.db.pragma(`user_version = ${this.db.pragma("user_version", { simple: true }) as number}`);
        this.recovered();
      } catch {
        return this.report(this.failedWrite);
      }
    }
    return undefined;
  }

  /** Why the path no longer leads to the file opened, if it does not. */
  private moved(): string | undefined {
    const now = statSync(this.file, { throwIfNoEntry: false });
    if (!now) return `${this.file} was removed while the bot ran (DATA_DIR deleted?): restart the bot, restoring the file from a backup if there is one`;
    if (now.dev !== this.identity.dev || now.ino !== this.identity.ino) return `${this.file} was replaced by another file while the bot ran: restart the bot to use it`;
    return undefined;
  }

  private refuse(problem: string): StoreUnavailableError {
    return new StoreUnavailableError(this.report(problem));
  }

  /** Logs a problem the first time it is seen. */
  private report(problem: string): string {
    if (this.reported !== problem) this.logger?.error({ file: this.file, problem }, "store cannot be written; writes are refused until it can");
    this.reported = problem;
    return problem;
  }

  private recovered(): void {
    if (this.reported) this.logger?.info({ file: this.file, problem: this.reported }, "store can be written again");
    this.failedWrite = this.reported = undefined;
  }
}
