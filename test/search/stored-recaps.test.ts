import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusError } from "../../src/corpus/corpus-error.js";
import { originOf, recapsByOrigin, storedRecapName, type RecapText } from "../../src/corpus/stored-recaps.js";
import { loadSearchDataInWorker } from "../../src/search/load-in-worker.js";
import { buildSearchData, searchDataOf, snapshotParts, type SearchData, type SearchSources } from "../../src/search/snapshot.js";
import { synonymsFile, topicsFile } from "../../src/paths.js";
import { ensureBuilt, memoryLogger } from "../core/helpers.js";

const recapFile = (id: string, title: string, body: string) =>
  `---\nid: ${id}\ntitle: "${title}"\nevent: "KubeCon Europe 2030"\nevent_id: eu-2030\nyear: 2030\nlanguage: en\n---\n\n${body}\n`;

const SHIPPED = recapFile("eu-2030-notes", "KubeCon Europe 2030 notes", "Quasarmesh in production - Ada Lovelace, Example\n\n- Quasarmesh routes every request through one proxy per node.");
const stored: RecapText[] = [
  // The same id as the shipped recap: served beside it under one of its own.
  { name: storedRecapName(1), text: recapFile("eu-2030-notes", "Another blog's notes", "Zebraflow operators - Grace Hopper, Example\n\n- Zebraflow keeps every operator upgraded on its own.") },
  { name: storedRecapName(2), text: "no front matter at all" },
  { name: storedRecapName(3), text: recapFile("eu-2030-more", "More notes", "Lanternfs at scale - Alan Turing, Example\n\n- Lanternfs stores the cluster's files on object storage.") },
];

let dir: string;
let sources: SearchSources;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-stored-"));
  writeFileSync(join(dir, "eu-2030-notes.md"), SHIPPED);
  sources = { corpusDir: dir, topicsFile: topicsFile(), synonymsFile: synonymsFile(), stored };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const titles = (data: SearchData, query: string) => data.engine.search(query).hits.map((hit) => `${hit.section.recapId}: ${hit.section.title}`);

describe("stored recaps beside the corpus folder's", () => {
  it("are served after the folder's, a taken id made free with a suffix, an unreadable one skipped as a problem", async () => {
    const data = await buildSearchData(sources);
    expect(data.corpus.recaps.map((recap) => [recap.id, originOf(recap)])).toEqual([
      ["eu-2030-notes", "shipped"],
      ["eu-2030-notes-2", "stored"],
      ["eu-2030-more", "stored"],
    ]);
    expect(recapsByOrigin(data.corpus)).toEqual({ shipped: 1, stored: 2 });
    expect(data.corpus.problems).toEqual([`${storedRecapName(2)}: no YAML front matter (the file must start with a --- block)`]);
    expect(titles(data, "zebraflow")).toEqual(["eu-2030-notes-2: Zebraflow operators"]);
    expect(titles(data, "quasarmesh")).toEqual(["eu-2030-notes: Quasarmesh in production"]);
  });

  it("survive the trip through a snapshot in memory: the same sections, the same answers", async () => {
    const data = await buildSearchData(sources);
    const copy = await searchDataOf(snapshotParts("", data));
    expect(copy.corpus).toEqual(data.corpus);
    for (const query of ["lanternfs", "operators upgraded", "proxy node", "zebrafow"]) expect(copy.engine.search(query)).toEqual(data.engine.search(query));
  });
});

describe("loading in a worker thread", () => {
  beforeAll(ensureBuilt);

  it("gives the index built on this thread", async () => {
    const here = await buildSearchData(sources);
    const there = await loadSearchDataInWorker(sources, { logger: memoryLogger().logger });
    expect(there.corpus).toEqual(here.corpus);
    for (const query of ["lanternfs", "zebraflow operators", "quasarmesh"]) expect(there.engine.search(query)).toEqual(here.engine.search(query));
  });

  it("reports a corpus error as one, with its message for the user", async () => {
    const missing = { ...sources, corpusDir: join(dir, "nowhere") };
    const error = await loadSearchDataInWorker(missing, { logger: memoryLogger().logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toContain(`Corpus directory ${missing.corpusDir} does not exist`);
  });
});
