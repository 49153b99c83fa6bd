import type Database from "better-sqlite3";
import type { InstallationStore, StoredInstallation } from "./installation-store.js";
import type { Logger } from "../log/logger.js";
import { openSqliteFile, type SqliteGuard } from "./sqlite-file.js";

/** Its own file beside the daily store's, so neither's migrations can trip over the other's. */
export const INSTALLATIONS_FILE = "installations.db";

/** No backup covers this file (the tokens in it are sealed anyway): each workspace installs the app again. */
const FILE = {
  name: INSTALLATIONS_FILE,
  ifDamaged: "stop the bot, move the file away and restore the last copy made with 'kubecon backup <file>' (<file>.installations.db) in its place; without one the bot starts with no installations, and each workspace installs the app again through its install page",
};

interface Row {
  platform: string;
  space_id: string;
  sealed: string;
  installed_at: number;
}

/** The installation store in `DATA_DIR/installations.db` (SQLite, WAL). */
export function openSqliteInstallationStore(dataDir: string, logger?: Logger): InstallationStore {
  return openSqliteFile(dataDir, FILE, installationStore, logger);
}

function installationStore(db: Database.Database, _file: string, guard: SqliteGuard): InstallationStore {
  db.exec(`CREATE TABLE IF NOT EXISTS installation (
    platform TEXT NOT NULL,
    space_id TEXT NOT NULL,
    sealed TEXT NOT NULL,
    installed_at INTEGER NOT NULL,
    PRIMARY KEY (platform, space_id)
  )`);
  const save = db.prepare(
    `INSERT INTO installation (platform, space_id, sealed, installed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, space_id) DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`,
  );
  const get = db.prepare("SELECT platform, space_id, sealed, installed_at FROM installation WHERE platform = ? AND space_id = ?");
  const remove = db.prepare("DELETE FROM installation WHERE platform = ? AND space_id = ?");
  return {
    ready: async () => undefined,
    async saveInstallation(installation: StoredInstallation) {
      guard.write(() => save.run(installation.platform, installation.spaceId, installation.sealed, installation.installedAt.getTime()));
    },
    async getInstallation(platform, spaceId) {
      const row = get.get(platform, spaceId) as Row | undefined;
      return row && { platform: row.platform, spaceId: row.space_id, sealed: row.sealed, installedAt: new Date(row.installed_at) };
    },
    async deleteInstallation(platform, spaceId) {
      return guard.write(() => remove.run(platform, spaceId)).changes > 0;
    },
    async close() {
      db.close();
    },
  };
}
