import type { InstallationStore, StoredInstallation } from "./installation-store.js";
import { PostgresDatabase, type PostgresSchema, type PostgresStoreOptions } from "./postgres-database.js";

/** Its own version table, so the daily store's steps and these never count each other. */
const SCHEMA: PostgresSchema = {
  versionTable: "installation_schema_migration",
  migrations: [
    `CREATE TABLE installation (
       platform text NOT NULL,
       space_id text NOT NULL,
       sealed text NOT NULL,
       installed_at timestamptz NOT NULL,
       PRIMARY KEY (platform, space_id)
     );`,
  ],
};

interface Row {
  platform: string;
  space_id: string;
  sealed: string;
  installed_at: Date;
}

/** The installations of several replicas, in the DATABASE_URL database beside the daily store's tables. */
export class PostgresInstallationStore implements InstallationStore {
  private readonly db: PostgresDatabase;

  constructor(options: PostgresStoreOptions) {
    this.db = new PostgresDatabase(SCHEMA, { poolSize: 2, ...options });
  }

  ready(): Promise<void> {
    return this.db.ready();
  }

  async saveInstallation(installation: StoredInstallation): Promise<void> {
    await this.db.query(
      `INSERT INTO installation (platform, space_id, sealed, installed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, space_id) DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`,
      [installation.platform, installation.spaceId, installation.sealed, installation.installedAt],
    );
  }

  async getInstallation(platform: string, spaceId: string): Promise<StoredInstallation | undefined> {
    const rows = await this.db.query<Row>(`SELECT platform, space_id, sealed, installed_at FROM installation WHERE platform = $1 AND space_id = $2`, [platform, spaceId]);
    const row = rows[0];
    return row && { platform: row.platform, spaceId: row.space_id, sealed: row.sealed, installedAt: row.installed_at };
  }

  deleteInstallation(platform: string, spaceId: string): Promise<boolean> {
    return this.db.changed(`DELETE FROM installation WHERE platform = $1 AND space_id = $2`, [platform, spaceId]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
