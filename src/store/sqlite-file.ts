import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/**
 * Opens (creating it and its folder when missing) one SQLite file of `DATA_DIR`. WAL lets readers and
 * one writer work at once; busy_timeout makes a second process wait for the write lock instead of
 * failing with SQLITE_BUSY.
 */
export function openSqliteFile(dataDir: string, fileName: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, fileName));
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  return db;
}
