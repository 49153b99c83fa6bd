import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { StoreError } from "./store-error.js";

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
 * one StoreError naming the file and what to do.
 */
export function openSqliteFile<T>(dataDir: string, spec: SqliteFileSpec, setup: (db: Database.Database, file: string) => T): T {
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
    return setup(db, file);
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
