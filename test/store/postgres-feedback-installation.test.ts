import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { openDailyStore, openFeedbackStore, openInstallationStore } from "../../src/store/open-store.js";
import { PostgresFeedbackStore } from "../../src/store/postgres-feedback-store.js";
import { PostgresInstallationStore } from "../../src/store/postgres-installation-store.js";
import { feedbackStoreContract } from "../feedback/feedback-store-contract.js";
import { installationStoreContract } from "./installation-store-contract.js";
import { postgresServer } from "./postgres-env.js";

const postgres = postgresServer();
const logger = createLogger("silent");

/** One database per suite, made when the suite first opens a store; each open is a new connection to it. */
function opener<Store extends { ready(): Promise<void> }>(name: string, make: (url: string) => Store): () => Promise<Store> {
  let url: Promise<string> | undefined;
  return async () => {
    url ??= postgres.server().createDatabase(name);
    const store = make(await url);
    await store.ready();
    return store;
  };
}

feedbackStoreContract("PostgreSQL", opener("kubecon_feedback", (url) => new PostgresFeedbackStore({ url, logger })));
installationStoreContract("PostgreSQL", opener("kubecon_installations", (url) => new PostgresInstallationStore({ url, logger })));

describe("the feedback and installation stores on PostgreSQL", () => {
  it("share the daily store's database, each counting its own schema versions, and replicas agree on one hash key", async () => {
    const url = await postgres.server().createDatabase("kubecon_shared");
    const config = { databaseUrl: url, dataDir: "/nonexistent/never-created", logger };
    const daily = openDailyStore(config);
    const feedback = [openFeedbackStore(config), openFeedbackStore(config)];
    const installations = openInstallationStore(config);
    try {
      expect(feedback[0]).toBeInstanceOf(PostgresFeedbackStore);
      expect(installations).toBeInstanceOf(PostgresInstallationStore);
      await Promise.all([daily.ready(), installations.ready(), ...feedback.map((store) => store.ready())]);
      const [first, second] = await Promise.all(feedback.map((store) => store.hashKey()));
      expect(first!.equals(second!)).toBe(true);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      // One query at a time: a pg Client runs one, and queueing a second is deprecated (pg 9 drops it).
      const versions = [];
      for (const table of ["schema_migration", "feedback_schema_migration", "installation_schema_migration"]) {
        versions.push((await client.query(`SELECT version FROM ${table} ORDER BY version`)).rows);
      }
      await client.end();
      expect(versions).toEqual([[{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }], [{ version: 1 }], [{ version: 1 }]]);
    } finally {
      for (const store of [daily, installations, ...feedback]) await store.close();
    }
  });

  it("stay in DATA_DIR on SQLite without a DATABASE_URL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kubecon-open-"));
    const feedback = openFeedbackStore({ dataDir: dir, logger });
    const installations = openInstallationStore({ dataDir: dir, logger });
    try {
      expect(feedback).not.toBeInstanceOf(PostgresFeedbackStore);
      expect(installations).not.toBeInstanceOf(PostgresInstallationStore);
      expect(await feedback.recordVote({ answerId: "a", voterHash: "v", command: "search ebpf", sectionIds: [], vote: "up", platform: "slack", spaceHash: "", at: new Date(0) })).toBe("recorded");
      expect(await feedback.counts()).toEqual([{ platform: "slack", vote: "up", count: 1 }]);
    } finally {
      await feedback.close();
      await installations.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
