import type { Logger } from "../log/logger.js";
import type { DailyStore } from "./daily-store.js";
import type { FeedbackStore } from "./feedback-store.js";
import type { InstallationStore } from "./installation-store.js";
import { PostgresDailyStore } from "./postgres-daily-store.js";
import { PostgresFeedbackStore } from "./postgres-feedback-store.js";
import { PostgresInstallationStore } from "./postgres-installation-store.js";
import { PostgresRecapStore } from "./postgres-recap-store.js";
import type { RecapStore } from "./recap-store.js";
import { openSqliteDailyStore } from "./sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "./sqlite-feedback-store.js";
import { openSqliteInstallationStore } from "./sqlite-installation-store.js";
import { openSqliteRecapStore } from "./sqlite-recap-store.js";

export interface StoreConfig {
  /** DATABASE_URL: a PostgreSQL server shared by replicas. Without it, SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  logger: Logger;
  /** PostgreSQL only: how long to try reaching the server before giving up (a command-line run); a server tries until it answers. */
  giveUpAfterMs?: number;
}

/**
 * The daily store the configuration asks for. SQLite opens (or throws a StoreError saying what to
 * fix) at once; PostgreSQL connects in the background, retrying until the server answers: await
 * `ready()` to know, `health()` for why not yet.
 */
export function openDailyStore({ databaseUrl, dataDir, logger }: StoreConfig): DailyStore {
  if (databaseUrl) return new PostgresDailyStore({ url: databaseUrl, logger });
  return openSqliteDailyStore(dataDir, logger);
}

/** The votes, where the daily store is: the DATABASE_URL database, or `feedback.db` in `dataDir`. */
export function openFeedbackStore({ databaseUrl, dataDir, logger, giveUpAfterMs }: StoreConfig): FeedbackStore {
  if (databaseUrl) return new PostgresFeedbackStore({ url: databaseUrl, logger, giveUpAfterMs });
  return openSqliteFeedbackStore(dataDir, logger);
}

/** The Slack installations, where the daily store is: the DATABASE_URL database, or `installations.db` in `dataDir`. */
export function openInstallationStore({ databaseUrl, dataDir, logger }: StoreConfig): InstallationStore {
  if (databaseUrl) return new PostgresInstallationStore({ url: databaseUrl, logger });
  return openSqliteInstallationStore(dataDir, logger);
}

/** The stored recaps, sources and refresh lease, where the daily store is: the DATABASE_URL database, or `recaps.db` in `dataDir`. */
export function openRecapStore({ databaseUrl, dataDir, logger, giveUpAfterMs }: StoreConfig): RecapStore {
  if (databaseUrl) return new PostgresRecapStore({ url: databaseUrl, logger, giveUpAfterMs });
  return openSqliteRecapStore(dataDir, logger);
}
