import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE } from "./sqlite-daily-store.js";
import { StoreError } from "./store-error.js";

/**
 * `kubecon backup <file>`: a consistent copy of the SQLite database through VACUUM INTO, safe while
 * the bot runs and writes. A PostgreSQL database is backed up with its own tools. Returns the line
 * to print.
 */
export function backupDailyStore(options: { databaseUrl?: string; dataDir: string; target: string }): string {
  if (options.databaseUrl) {
    throw new StoreError(
      `DATABASE_URL points at PostgreSQL, which this command does not copy: use pg_dump, e.g. pg_dump --format=custom --file=kubecon.dump "$DATABASE_URL" (and pg_restore to bring it back)`,
    );
  }
  const source = join(options.dataDir, DATABASE_FILE);
  const target = resolve(options.target);
  if (!existsSync(source)) throw new StoreError(`there is no database at ${source} to back up (set DATA_DIR to the bot's data folder)`);
  if (existsSync(target)) throw new StoreError(`${target} already exists: give a new file name, a backup never overwrites`);
  let db: Database.Database | undefined;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
    db.prepare("VACUUM INTO ?").run(target);
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? "");
    const why = `${code}: ${(error as Error).message}`;
    if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
      throw new StoreError(`${source} is damaged (${why}) and cannot be backed up: restore the last good backup in its place`);
    }
    throw new StoreError(`could not write the backup to ${target} (${why})`);
  } finally {
    db?.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const subscriptions = copy.prepare("SELECT count(*) FROM subscription").pluck().get() as number;
    return `Backed up ${subscriptions} daily subscription${subscriptions === 1 ? "" : "s"} to ${target} (${Math.ceil(statSync(target).size / 1024)} KB). To restore: stop the bot, copy it to ${source} and delete ${source}-wal and ${source}-shm if present.`;
  } finally {
    copy.close();
  }
}
