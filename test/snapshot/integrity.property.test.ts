import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import type { SearchEngine } from "../../src/search/engine.js";
import { SNAPSHOT_FILE, buildSearchData, loadSearchData, readSnapshot, sourcesKey, type SearchData, type SearchSources } from "../../src/search/snapshot.js";
import { memoryLogger } from "../core/helpers.js";

/**
 * A damaged snapshot is never read as an index: whatever bits are flipped, header included, a load
 * either gives the fresh build's answers or is refused (and the loader then builds the index again).
 */

const QUERIES = ["ebpf", "service mesh", "k8s operators", "gitpos", "sécurité", "observability", "security", "cilium"];

function answers(engine: SearchEngine): unknown[] {
  return QUERIES.map((query) => {
    const answer = engine.search(query, {}, { offset: 0, limit: 10 });
    return { total: answer.total, hits: answer.hits.map((h) => [h.section.id, h.score, h.snippet]) };
  });
}

let dir: string;
let sources: SearchSources;
let key: string;
let fresh: SearchData;
let good: Buffer;
const file = () => join(dir, "cache", SNAPSHOT_FILE);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-snapshot-bits-"));
  // Two recaps: a snapshot of a few hundred KB, so hundreds of damaged copies are read quickly.
  mkdirSync(join(dir, "recaps"));
  for (const name of ["eu-2016-day-2.md", "eu-2018-memo-and-takeaways.md"]) copyFileSync(join(defaultCorpusDir(), name), join(dir, "recaps", name));
  sources = { corpusDir: join(dir, "recaps"), topicsFile: topicsFile(), synonymsFile: synonymsFile() };
  key = sourcesKey(sources);
  fresh = await buildSearchData(sources);
  await loadSearchData(sources, { cacheDir: join(dir, "cache"), logger: memoryLogger().logger });
  good = readFileSync(file());
  expect(answers(readSnapshot(file(), key)!.engine)).toEqual(answers(fresh.engine));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The snapshot's answers, or "refused" when it is not read (damaged, or not recognised as current). */
function loadOf(bytes: Buffer): unknown[] | "refused" {
  writeFileSync(file(), bytes);
  try {
    const data = readSnapshot(file(), key);
    return data ? answers(data.engine) : "refused";
  } catch {
    return "refused";
  }
}

/** `bytes` with the bits at `positions` (bit indexes into the file) flipped. */
function flipped(bytes: Buffer, positions: readonly number[]): Buffer {
  const copy = Buffer.from(bytes);
  for (const bit of positions) copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

/** Where the header's JSON is: after the magic and the length fields, up to the first part. */
const headerEnd = () => good.indexOf('"pieces"') + 40;

describe("a damaged index snapshot", () => {
  it("is refused when one digit of a part's offset in its header changes", () => {
    const text = good.toString("latin1");
    const at = text.indexOf('"postings.doc":[') + '"postings.doc":['.length;
    expect(at).toBeGreaterThan(16);
    const damaged = Buffer.from(good);
    damaged[at] = damaged[at] === 0x39 ? 0x38 : damaged[at]! + 1;
    expect(loadOf(damaged)).toBe("refused");
  });

  it("is refused when any byte of its preamble or header has a bit flipped (every bit of the preamble, one a byte after)", () => {
    const bits = [...Array.from({ length: 16 * 8 }, (_, bit) => bit), ...Array.from({ length: headerEnd() - 16 }, (_, i) => (16 + i) * 8 + (i % 8))];
    expect(bits.filter((bit) => loadOf(flipped(good, [bit])) !== "refused")).toEqual([]);
  });

  it("answers as the fresh build or is refused, whatever bits are flipped anywhere", () => {
    const expected = answers(fresh.engine);
    const bits = good.length * 8;
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.nat(headerEnd() * 8 - 1), fc.nat(bits - 1)), { minLength: 1, maxLength: 8 }), (positions) => {
        const loaded = loadOf(flipped(good, positions));
        if (loaded !== "refused") expect(loaded).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("is logged once at warn, not used, and replaced by a rebuilt one", async () => {
    writeFileSync(file(), flipped(good, [8 * 40 + 3]));
    const log = memoryLogger();
    const data = await loadSearchData(sources, { cacheDir: join(dir, "cache"), logger: log.logger });
    const warnings = log.lines().filter((line) => /"level":40/.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/index snapshot (unreadable|damaged)/);
    expect(answers(data.engine)).toEqual(answers(fresh.engine));
    expect(loadOf(readFileSync(file()))).toEqual(answers(fresh.engine));
  });
});
