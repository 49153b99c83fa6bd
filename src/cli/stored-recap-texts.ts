import { storedRecapName } from "../corpus/stored-recap-name.js";
import type { RecapText } from "../corpus/stored-recaps.js";
import type { Logger } from "../log/logger.js";
import type { ProgrammeSession } from "../programme/session.js";
import type { RecapStore } from "../store/recap-store.js";

/**
 * The recap store's recaps and programme sessions for a one-off command (search, talk, now …), so
 * that it answers from the shipped and the stored recaps and programmes as the service does. Only the store asked for is loaded (SQLite
 * or PostgreSQL, which a command-line run waits 5 s for), and no corpus code: the index snapshot
 * of the shipped and stored recaps is read when it is there.
 */
export async function readStoredRecaps(where: { databaseUrl?: string; dataDir: string }, logger: Logger): Promise<{ recaps: RecapText[]; programme: ProgrammeSession[] }> {
  const store: RecapStore = where.databaseUrl
    ? new (await import("../store/postgres-recap-store.js")).PostgresRecapStore({ url: where.databaseUrl, logger, giveUpAfterMs: 5_000 })
    : (await import("../store/sqlite-recap-store.js")).openSqliteRecapStore(where.dataDir, logger);
  try {
    await store.ready();
    const recaps = await store.listRecaps();
    const programme = await store.listProgramme();
    return { recaps: recaps.map((recap) => ({ name: storedRecapName(recap.id), text: recap.document })), programme };
  } finally {
    await store.close();
  }
}
