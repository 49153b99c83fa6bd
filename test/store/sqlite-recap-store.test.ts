import { mkdtempSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { RECAPS_FILE } from "../../src/store/recaps-file.js";
import { recapInput, recapStoreContract } from "./recap-store-contract.js";

recapStoreContract("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-recaps-"));
  const opened: RecapStore[] = [];
  const connect = async () => {
    const store = openSqliteRecapStore(dir);
    opened.push(store);
    return store;
  };
  return {
    store: await connect(),
    connect,
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe("the SQLite recap store's schema", () => {
  it("moves a file of the first version to the programme's, keeping its sources and recaps", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kubecon-recaps-v1-"));
    try {
      const store = openSqliteRecapStore(dir);
      const { source } = await store.addSource({ url: "https://blog.example/feed.xml", kind: "feed", addedBy: "cli", addedAt: new Date("2026-03-01T10:00:00Z") });
      await store.putRecap(recapInput("Talk one\n- eBPF everywhere", { sourceId: source.id }));
      await store.close();
      // The file as the first version left it: no programme table, sources of four kinds only.
      const db = new Database(join(dir, RECAPS_FILE));
      const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'source'").get() as { sql: string };
      db.exec(`DROP TABLE programme_session;
        ${sql.replace(/CREATE TABLE "?source"?/, "CREATE TABLE source_v1").replace(", 'programme'", "")};
        INSERT INTO source_v1 SELECT * FROM source; DROP TABLE source; ALTER TABLE source_v1 RENAME TO source;`);
      db.pragma("user_version = 1");
      db.close();
      const moved = openSqliteRecapStore(dir);
      try {
        expect(await moved.listSources()).toEqual([source]);
        expect(await moved.listRecaps()).toHaveLength(1);
        expect(await moved.putProgramme("eu-2026", [])).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 0 });
        expect((await moved.addSource({ url: "https://schedule.example/all.ics", kind: "programme", addedBy: "cli", addedAt: new Date() })).added).toBe(true);
      } finally {
        await moved.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
