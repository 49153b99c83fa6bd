import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoredRecaps } from "../../src/app/stored-recaps.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { loadSearchDataInWorker } from "../../src/search/load-in-worker.js";
import { buildSearchData, sourcesKey } from "../../src/search/snapshot.js";
import { importProgramme } from "../../src/sources/programme-import.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { ensureBuilt, memoryLogger } from "../core/helpers.js";
import { ENTRIES, smallProgramme } from "./small-programme.js";

let dir: string;
let store: RecapStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-programme-store-"));
  store = openSqliteRecapStore(dir);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = { corpusDir: defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile() };

describe("a programme imported into the recap store", () => {
  it("is stored once, updated on re-import, and a cancelled session is removed", async () => {
    const first = await importProgramme(smallProgramme(), "all.ics", { store });
    expect(first.change).toEqual({ added: 8, changed: 0, removed: 0, unchanged: 0 });
    expect((await importProgramme(smallProgramme(), "all.ics", { store })).change).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 8 });
    const edited = ENTRIES.map((e) =>
      e.uid === "dash-in-title" ? { ...e, status: "CANCELLED" } : e.uid === "keynote-open" ? { ...e, location: "Hall 11\\, Amsterdam\\, Netherlands" } : e,
    );
    expect((await importProgramme(smallProgramme(edited), "all.ics", { store })).change).toEqual({ added: 0, changed: 1, removed: 1, unchanged: 6 });
    const stored = await store.listProgramme("eu-2026");
    expect(stored.map((s) => s.uid)).not.toContain("dash-in-title");
    expect(stored.find((s) => s.uid === "keynote-open")?.room).toBe("Hall 11");
  });

  it("refuses an export with no talk, leaving the stored programme as it was", async () => {
    const logistics = ENTRIES.filter((e) => e.category === "REGISTRATION");
    await expect(importProgramme(smallProgramme(logistics), "all.ics", { store })).rejects.toThrow(/lists no talk/);
    expect(await store.listProgramme("eu-2026")).toHaveLength(7);
  });

  it("is read with the stored recaps and searchable as sections of kind programme, in the worker too", async () => {
    ensureBuilt();
    const stored = new StoredRecaps(store, memoryLogger().logger);
    const sources = { ...base, stored: await stored.read(), programme: stored.programme };
    expect(sources.programme).toHaveLength(7);
    expect(sourcesKey(sources)).not.toBe(sourcesKey({ ...base, stored: sources.stored }));
    for (const data of [await buildSearchData(sources), await loadSearchDataInWorker(sources, { logger: memoryLogger().logger })]) {
      const hit = data.engine.search("packet tracing").hits[0];
      expect(hit?.section).toMatchObject({ kind: "programme", id: "programme-eu-2026--tut-ebpf-42", session: { room: "Hall 7 | Room A", format: "Tutorial" } });
    }
  });
});
