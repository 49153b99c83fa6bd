import type { Logger } from "../log/logger.js";
import type { DailyStore } from "./daily-store.js";
import { PostgresDailyStore } from "./postgres-daily-store.js";
import { openSqliteDailyStore } from "./sqlite-daily-store.js";

export interface StoreConfig {
  /** DATABASE_URL: a PostgreSQL server shared by replicas. Without it, SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  logger: Logger;
}

/**
 * The daily store the configuration asks for. SQLite opens (or throws a StoreError saying what to
 * fix) at once; PostgreSQL connects in the background, retrying until the server answers: await
 * `ready()` to know, `health()` for why not yet.
 */
export function openDailyStore({ databaseUrl, dataDir, logger }: StoreConfig): DailyStore {
  if (databaseUrl) return new PostgresDailyStore({ url: databaseUrl, logger });
  return openSqliteDailyStore(dataDir);
}
