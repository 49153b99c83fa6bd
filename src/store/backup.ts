import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { RECAPS_FILE } from "./recaps-file.js";
import { DATABASE_FILE } from "./sqlite-daily-store.js";
import { StoreError } from "./store-error.js";

/** Where the copy of the recap store goes: beside the daily store's, `<name>.recaps.db`. */
export const recapsBackupOf = (target: string): string => target.replace(/(\.db)?$/, ".recaps.db");

/**
 * `kubecon backup <file>`: consistent copies of the SQLite databases through VACUUM INTO, safe while
 * the bot runs and writes: the daily store's to `<file>`, and the recap store's (stored recaps and
 * sources), when there is one, beside it (`recapsBackupOf`). Each copy is a snapshot of its own
 * database. A PostgreSQL database is backed up with its own tools. Returns the line to print.
 */
export function backupStores(options: { databaseUrl?: string; dataDir: string; target: string }): string {
  if (options.databaseUrl) {
    throw new StoreError(
      `DATABASE_URL points at PostgreSQL, which this command does not copy: use pg_dump, e.g. pg_dump --format=custom --file=kubecon.dump "$DATABASE_URL" (and pg_restore to bring it back)`,
    );
  }
  const daily = { source: join(options.dataDir, DATABASE_FILE), target: resolve(options.target) };
  const recaps = { source: join(options.dataDir, RECAPS_FILE), target: recapsBackupOf(daily.target) };
  if (!existsSync(daily.source)) throw new StoreError(`there is no database at ${daily.source} to back up (set DATA_DIR to the bot's data folder)`);
  const copies = existsSync(recaps.source) ? [daily, recaps] : [daily];
  for (const { target } of copies) if (existsSync(target)) throw new StoreError(`${target} already exists: give a new file name, a backup never overwrites`);
  for (const copy of copies) vacuumInto(copy.source, copy.target);

  const subscriptions = count(daily.target, "subscription");
  const lines = [`Backed up ${plural(subscriptions, "daily subscription")} to ${daily.target} (${sizeOf(daily.target)}).`];
  if (copies.includes(recaps)) lines.push(`Backed up ${plural(count(recaps.target, "recap"), "stored recap")} and ${plural(count(recaps.target, "source"), "source")} to ${recaps.target} (${sizeOf(recaps.target)}).`);
  const restore = copies.map(({ source, target }) => `${target} to ${source}`).join(" and ");
  lines.push(`To restore: stop the bot, copy ${restore}, and delete their -wal and -shm files beside them if present.`);
  return lines.join("\n");
}

/** One database copied, consistently, into a new file. */
function vacuumInto(source: string, target: string): void {
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
}

/** The rows of a table in a copy, read back from the copy itself. */
function count(file: string, table: string): number {
  const copy = new Database(file, { readonly: true });
  try {
    return copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    copy.close();
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const sizeOf = (file: string) => `${Math.ceil(statSync(file).size / 1024)} KB`;
