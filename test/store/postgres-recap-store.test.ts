import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { openRecapStore } from "../../src/store/open-store.js";
import { PostgresRecapStore } from "../../src/store/postgres-recap-store.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { postgresServer } from "./postgres-env.js";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import { smallProgramme } from "../programme/small-programme.js";
import { recapInput, recapStoreContract } from "./recap-store-contract.js";

const postgres = postgresServer();
const logger = createLogger("silent");
let databases = 0;

/** A fresh database, and connections to it as replicas would open them. */
async function freshDatabase(): Promise<{ url: string; open: () => Promise<RecapStore>; close: () => Promise<void> }> {
  const url = await postgres.server().createDatabase(`kubecon_recaps_${++databases}`);
  const opened: RecapStore[] = [];
  return {
    url,
    async open() {
      const store = openRecapStore({ databaseUrl: url, dataDir: "/nonexistent/never-created", logger });
      opened.push(store);
      await store.ready();
      return store;
    },
    async close() {
      for (const store of opened) await store.close();
    },
  };
}

recapStoreContract("PostgreSQL", async () => {
  const database = await freshDatabase();
  return { store: await database.open(), connect: database.open, cleanup: database.close };
});

describe("the PostgreSQL recap store's announcements", () => {
  it("tells every watching replica the new revision when one adds, changes or deletes a recap, and nothing for an unchanged one", async () => {
    const database = await freshDatabase();
    try {
      const writer = await database.open();
      const reader = await database.open();
      expect(reader).toBeInstanceOf(PostgresRecapStore);
      const heard: number[] = [];
      let wake: (() => void) | undefined;
      const stop = await reader.watch!((revision) => {
        heard.push(revision);
        wake?.();
      });
      const next = () => new Promise<void>((resolve) => (wake = resolve));

      let told = next();
      const added = await writer.putRecap(recapInput("First"));
      await told;
      expect(heard).toEqual([await writer.revision()]);

      await writer.putRecap(recapInput("First"));
      told = next();
      await writer.putRecap(recapInput("First, edited"));
      await told;
      told = next();
      await writer.deleteRecap(added.recap.id);
      await told;
      // The unchanged put in between announced nothing: two more announcements, each a revision further.
      expect(heard).toEqual([heard[0]!, heard[0]! + 1, heard[0]! + 2]);
      // A programme imported is announced alike; the same programme again is not.
      const sessions = readProgramme(smallProgramme(), "all.ics", { catalog: shippedCatalog() }).sessions;
      told = next();
      await writer.putProgramme("eu-2026", sessions);
      await told;
      await writer.putProgramme("eu-2026", sessions);
      told = next();
      await writer.putProgramme("eu-2026", sessions.slice(1));
      await told;
      expect(heard.slice(3)).toEqual([heard[0]! + 3, heard[0]! + 4]);
      await stop();
    } finally {
      await database.close();
    }
  });

  it("tells the current revision again after the server came back, since announcements meanwhile were lost", async () => {
    const database = await freshDatabase();
    const server = postgres.server();
    try {
      const store = await database.open();
      let wake: ((revision: number) => void) | undefined;
      const stop = await store.watch!((revision) => wake?.(revision));
      const told = new Promise<number>((resolve) => (wake = resolve));
      await store.putRecap(recapInput("Before"));
      expect(await told).toBe(1);
      const back = new Promise<number>((resolve) => (wake = resolve));
      await server.halt();
      await server.resume();
      expect(await back).toBe(1);
      await stop();
    } finally {
      await database.close();
    }
  });
});
