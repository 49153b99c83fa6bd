import Database from "better-sqlite3";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_FILE, openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { StoreError } from "../../src/store/store-error.js";
import { tempStore } from "./helpers.js";

// What every store does is in test/store/contract.ts; this is what only the SQLite file does.
describe("SqliteDailyStore", () => {
  let env: ReturnType<typeof tempStore>;
  afterEach(async () => env.cleanup());

  it("creates kubecon.db in the data dir, in WAL mode, at the latest schema version", async () => {
    env = tempStore();
    expect(env.store.schemaVersion).toBe(5);
    const raw = new Database(join(env.dir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    // Reopening an up-to-date file changes nothing.
    expect(env.reopen().schemaVersion).toBe(5);
  });

  it("refuses a database written by a newer release, naming the file", async () => {
    env = tempStore();
    const raw = new Database(join(env.dir, DATABASE_FILE));
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => env.reopen()).toThrow(StoreError);
    expect(() => env.reopen()).toThrow(/kubecon\.db has schema version 99, newer than this release knows \(5\)/);
  });

  it("brings a version 1 file up to date, keeping its subscriptions, posts and rotation", async () => {
    env = tempStore();
    await env.store.close();
    const file = join(env.dir, "old", DATABASE_FILE);
    mkdirSync(join(env.dir, "old"));
    const raw = new Database(file);
    raw.exec(V1_FILE);
    raw.close();
    const store = openSqliteDailyStore(join(env.dir, "old"));
    expect(store.schemaVersion).toBe(5);
    expect(await store.getSubscription("slack:C1")).toMatchObject({ postTime: "09:00", lastPostedAt: new Date(1748768400000) });
    expect(await store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "posted", takeawayId: "t1", messageId: "m1", claimId: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(await store.rotation("slack:C1")).toEqual({ cycle: 0, postedIds: new Set(["t1"]) });
    await store.close();
  });

  it("names a damaged file and says to restore it from a backup", async () => {
    env = tempStore();
    await env.store.close();
    const dir = join(env.dir, "damaged");
    mkdirSync(dir);
    writeFileSync(join(dir, DATABASE_FILE), "this is not a database, it is a cat photo ".repeat(200));
    expect(() => openSqliteDailyStore(dir)).toThrow(StoreError);
    expect(() => openSqliteDailyStore(dir)).toThrow(
      new RegExp(`^${join(dir, DATABASE_FILE).replace(/[.]/g, "\\.")} is damaged \\(SQLITE_NOTADB: .*\\): stop the bot, move the file away and restore the last copy made with 'kubecon backup <file>'`),
    );
  });

  it("says a data dir that cannot be created cannot be created", async () => {
    env = tempStore();
    writeFileSync(join(env.dir, "a-file"), "");
    expect(() => openSqliteDailyStore(join(env.dir, "a-file", "data"))).toThrow(
      /^DATA_DIR .*a-file\/data cannot be created \(ENOTDIR\): create it, or set DATA_DIR to a writable folder$/,
    );
  });
});

// A file as release 1 wrote it: one subscription with one post.
const V1_FILE = `
  CREATE TABLE subscription (id TEXT PRIMARY KEY, platform TEXT NOT NULL, channel_id TEXT NOT NULL, space_id TEXT,
    post_time TEXT NOT NULL, zone TEXT NOT NULL, topic TEXT, created_by TEXT NOT NULL, since INTEGER NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1, disabled_reason TEXT, disabled_at INTEGER, rotation_cycle INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE daily_post (subscription_id TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE, local_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'retry', 'posted', 'failed')), attempts INTEGER NOT NULL,
    claimed_at INTEGER NOT NULL, next_attempt_at INTEGER, takeaway_id TEXT, message_id TEXT, error TEXT, UNIQUE (subscription_id, local_date));
  CREATE TABLE rotation_posted (subscription_id TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE, cycle INTEGER NOT NULL,
    takeaway_id TEXT NOT NULL, posted_at INTEGER NOT NULL, PRIMARY KEY (subscription_id, cycle, takeaway_id));
  INSERT INTO subscription VALUES ('slack:C1', 'slack', 'C1', 'T1', '09:00', 'UTC', NULL, 'U1', 1735689600000, 1, NULL, NULL, 0);
  INSERT INTO daily_post VALUES ('slack:C1', '2025-06-01', 'posted', 1, 1748768400000, NULL, 't1', 'm1', NULL);
  INSERT INTO rotation_posted VALUES ('slack:C1', 0, 't1', 1748768401000);
  PRAGMA user_version = 1;
`;
