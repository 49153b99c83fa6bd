import { UserError } from "../commands/user-error.js";
import { loadConfig } from "../config/config.js";
import type { Logger } from "../log/logger.js";
import { openRecapStore } from "../store/open-store.js";
import type { RecapStore } from "../store/recap-store.js";

/** The recap store the configuration names (DATABASE_URL, else DATA_DIR), once it answers: a command-line run waits 5 s for PostgreSQL at most. */
export async function openConfiguredRecapStore(logger: Logger): Promise<RecapStore> {
  const config = loadConfig(process.env);
  if (!config.ok) throw new UserError(config.problems.join("; "));
  const store = openRecapStore({ databaseUrl: config.value.databaseUrl, dataDir: config.value.dataDir, logger, giveUpAfterMs: 5_000 });
  try {
    await store.ready();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
