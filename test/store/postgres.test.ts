import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDailyStore } from "../../src/store/open-store.js";
import { PostgresDailyStore } from "../../src/store/postgres-daily-store.js";
import { SqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { memoryLogger } from "../daily/helpers.js";
import { freePort } from "../support/free-port.js";
import { dailyStoreContract } from "./contract.js";
import { postgresServer } from "./postgres-env.js";

const postgres = postgresServer();
dailyStoreContract("PostgreSQL", () => postgres.freshStore());

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe("PostgresDailyStore", () => {
  it("migrates once when several replicas start together, under the advisory lock", async () => {
    const url = await postgres.server().createDatabase("kubecon_migrate");
    const { logger } = memoryLogger();
    const replicas = Array.from({ length: 4 }, () => new PostgresDailyStore({ url, logger, poolSize: 2 }));
    await Promise.all(replicas.map((replica) => replica.ready()));
    expect(await Promise.all(replicas.map((replica) => replica.schemaVersion()))).toEqual([4, 4, 4, 4]);
    expect((await sql(url, "SELECT version FROM schema_migration ORDER BY version")).rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    for (const replica of replicas) await replica.close();
  });

  it("refuses a database migrated by a newer release, saying so", async () => {
    const url = await postgres.server().createDatabase("kubecon_newer");
    const { logger } = memoryLogger();
    const first = new PostgresDailyStore({ url, logger });
    await first.ready();
    await first.close();
    await sql(url, "INSERT INTO schema_migration (version) VALUES (7)");
    const second = new PostgresDailyStore({ url, logger });
    await expect(second.ready()).rejects.toThrow(/schema version 7, newer than this release knows \(4\)/);
    expect(await second.health()).toMatchObject({ ok: false, reason: expect.stringContaining("schema version 7") });
    await second.close();
  });

  it("keeps retrying a server that is down at start, saying why, and answers calls meanwhile with that reason", async () => {
    const port = await freePort();
    const { logger, lines } = memoryLogger();
    const store = new PostgresDailyStore({ url: `postgres://kubecon:secret-pw@127.0.0.1:${port}/kubecon`, logger, retry: { firstDelayMs: 5, maxDelayMs: 20 } });
    let settled = false;
    void store.ready().then(
      () => (settled = true),
      () => undefined,
    );
    const health = await waitFor(async () => {
      const current = await store.health();
      return !current.ok && lines().length >= 2 ? current : undefined;
    });
    expect(health).toEqual({ ok: false, reason: expect.stringMatching(/^PostgreSQL at 127\.0\.0\.1:\d+\/kubecon unreachable: .*ECONNREFUSED/) });
    expect(settled).toBe(false);
    const warning = lines()[0]!;
    expect(warning).toMatchObject({ level: 40, attempt: 1, database: `127.0.0.1:${port}/kubecon` });
    expect(lines()[1]).toMatchObject({ attempt: 2 });
    expect(JSON.stringify(lines())).not.toContain("secret-pw");
    await expect(store.enabledSubscriptions()).rejects.toThrow(/unreachable: .*ECONNREFUSED/);
    await store.close();
    await expect(store.ready()).rejects.toThrow(/closed/);
  });

  it("becomes ready when the server comes up after a failed start, and answers when it is back from a stop", async () => {
    const server = postgres.server();
    const url = await server.createDatabase("kubecon_outage");
    await server.halt();
    const { logger, lines } = memoryLogger();
    const store = new PostgresDailyStore({ url, logger, retry: { firstDelayMs: 5, maxDelayMs: 50 } });
    await waitFor(async () => (lines().some((line) => line.attempt === 2) ? true : undefined));
    expect((await store.health()).ok).toBe(false);
    await server.resume();
    await store.ready();
    expect(await store.health()).toEqual({ ok: true });
    expect(lines().at(-1)).toMatchObject({ level: 30, msg: "PostgreSQL store ready" });

    await server.halt();
    expect(await store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/^PostgreSQL: /) });
    await expect(store.enabledSubscriptions()).rejects.toThrow();
    await server.resume();
    expect(await store.enabledSubscriptions()).toEqual([]);
    expect(await store.health()).toEqual({ ok: true });
    await store.close();
  });
});

/** Polls until `probe` gives a value (no fixed sleeps: each round waits for the event loop only). */
async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("openDailyStore", () => {
  it("opens PostgreSQL with a DATABASE_URL and SQLite in DATA_DIR without one", async () => {
    const { logger } = memoryLogger();
    const url = await postgres.server().createDatabase("kubecon_open");
    const server = openDailyStore({ databaseUrl: url, dataDir: "/nonexistent/never-created", logger });
    expect(server).toBeInstanceOf(PostgresDailyStore);
    await server.ready();
    expect(await server.health()).toEqual({ ok: true });
    await server.close();

    const dir = mkdtempSync(join(tmpdir(), "kubecon-open-"));
    const embedded = openDailyStore({ dataDir: dir, logger });
    expect(embedded).toBeInstanceOf(SqliteDailyStore);
    expect((embedded as SqliteDailyStore).file).toBe(join(dir, "kubecon.db"));
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
