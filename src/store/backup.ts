import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { RECAPS_FILE } from "./recaps-file.js";
import { DATABASE_FILE } from "./sqlite-daily-store.js";
import { FEEDBACK_FILE } from "./sqlite-feedback-store.js";
import { INSTALLATIONS_FILE } from "./sqlite-installation-store.js";
import { StoreError } from "./store-error.js";

/** A store's SQLite file, where its copy goes beside `<file>`, and what the copy is counted in (table, noun). */
interface StoreFile {
  file: string;
  /** Put in place of `<file>`'s `.db` ending; none for the daily store, whose copy is `<file>` itself. */
  suffix: string;
  counts: readonly (readonly [table: string, noun: string])[];
}

/** Every SQLite file of DATA_DIR: the daily store's first (a backup needs it), the others when they exist. */
const STORE_FILES: readonly StoreFile[] = [
  { file: DATABASE_FILE, suffix: "", counts: [["subscription", "daily subscription"]] },
  { file: RECAPS_FILE, suffix: ".recaps.db", counts: [["recap", "stored recap"], ["source", "source"]] },
  { file: FEEDBACK_FILE, suffix: ".feedback.db", counts: [["feedback_vote", "vote"]] },
  { file: INSTALLATIONS_FILE, suffix: ".installations.db", counts: [["installation", "Slack installation"]] },
];

/** Where a store's copy goes: `<file>` for the daily store, `<file>` with `.recaps.db` (and so on) in place of `.db` for the others. */
const backupOf = (target: string, suffix: string): string => (suffix ? target.replace(/(\.db)?$/, suffix) : target);

/**
 * `kubecon backup <file>`: consistent copies of the SQLite databases through VACUUM INTO, safe while
 * the bot runs and writes: the daily store's to `<file>`, and beside it those of the recap store
 * (stored recaps and sources), the votes and the Slack installations, where they exist. Each copy is
 * a snapshot of its own database; none is written when any name is taken. A PostgreSQL database is
 * backed up with its own tools. Returns the lines to print.
 */
export function backupStores(options: { databaseUrl?: string; dataDir: string; target: string }): string {
  if (options.databaseUrl) {
    throw new StoreError(
      `DATABASE_URL points at PostgreSQL, which this command does not copy: use pg_dump, e.g. pg_dump --format=custom --file=kubecon.dump "$DATABASE_URL" (and pg_restore to bring it back)`,
    );
  }
  const daily = join(options.dataDir, DATABASE_FILE);
  if (!existsSync(daily)) throw new StoreError(`there is no database at ${daily} to back up (set DATA_DIR to the bot's data folder)`);
  const copies = STORE_FILES.map((store) => ({ ...store, source: join(options.dataDir, store.file), target: backupOf(resolve(options.target), store.suffix) })).filter(({ source }) => existsSync(source));
  for (const { target } of copies) if (existsSync(target)) throw new StoreError(`${target} already exists: give a new file name, a backup never overwrites`);
  for (const copy of copies) vacuumInto(copy.source, copy.target);

  const lines = copies.map(({ target, counts }) => {
    const rows = rowsIn(target, counts.map(([table]) => table));
    return `Backed up ${counts.map(([, noun], i) => plural(rows[i]!, noun)).join(" and ")} to ${target} (${Math.ceil(statSync(target).size / 1024)} KB).`;
  });
  const restore = copies.map(({ source, target }) => `${target} to ${source}`).join(", ");
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

/** The rows of each table in a copy, read back from the copy itself (opened once). */
function rowsIn(file: string, tables: readonly string[]): number[] {
  const copy = new Database(file, { readonly: true });
  try {
    return tables.map((table) => copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
  } finally {
    copy.close();
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
