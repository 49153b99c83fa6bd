import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { SearchEngine } from "../../src/search/engine.js";
import { SNAPSHOT_FILE, buildSearchData, loadSearchData, readSnapshot, sourcesKey, writeSnapshot, type SearchData, type SearchSources } from "../../src/search/snapshot.js";
import { syntheticSections } from "../bench/synthetic.js";
import { memoryLogger } from "../core/helpers.js";

/** Queries of every kind the engine plans differently: words, phrases, synonyms, typos, prefixes, French, filters. */
const QUERIES: [string, object?][] = [
  ["ebpf"], ["service mesh"], ["k8s operators"], ["gitpos"], ["promethues adapter"], ["observ"], ["sécurité des conteneurs"],
  ["rootless containers"], ["pod security policy"], ["should I write an operator"], ["opentele"], ["wasm"],
  ["security", { year: 2018 }], ["monitoring", { language: "fr" }], ["cilium", { speaker: "rice" }], ["zzzqqq"], ["the of and"],
];

/** Everything a search answers, as plain data, so two engines can be compared. */
function answers(engine: SearchEngine): unknown[] {
  return QUERIES.map(([query, filters]) => {
    const answer = engine.search(query, filters, { offset: 0, limit: 20 });
    return { ...answer, hits: answer.hits.map((h) => ({ id: h.section.id, score: h.score, snippet: h.snippet })) };
  });
}

let dir: string;
let sources: SearchSources;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-snapshot-"));
  // A copy of the shipped data, so files can be changed.
  cpSync(defaultCorpusDir(), join(dir, "recaps"), { recursive: true });
  cpSync(topicsFile(), join(dir, "topics.yaml"));
  cpSync(synonymsFile(), join(dir, "synonyms.yaml"));
  sources = { corpusDir: join(dir, "recaps"), topicsFile: join(dir, "topics.yaml"), synonymsFile: join(dir, "synonyms.yaml") };
  cacheDir = join(dir, "cache");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const snapshot = () => join(cacheDir, SNAPSHOT_FILE);

async function load(): Promise<{ data: SearchData; lines: string[] }> {
  const log = memoryLogger();
  const data = await loadSearchData(sources, { cacheDir, logger: log.logger });
  return { data, lines: log.lines() };
}

describe("the index snapshot", () => {
  it("is written on the first start and gives the same corpus and answers as a fresh build on the next", async () => {
    const fresh = await buildSearchData(sources);
    const first = await load();
    expect(first.lines.join("\n")).toContain("index snapshot written");
    const second = await load();
    expect(second.lines.join("\n")).toContain("index snapshot loaded");
    expect(second.data.corpus).toEqual(fresh.corpus);
    // Keys in the same order, so JSON output (`--json`) is the same byte for byte; bullets read twice are one array.
    expect(JSON.stringify(second.data.corpus.sections)).toBe(JSON.stringify(fresh.corpus.sections));
    expect(second.data.corpus.sections[0]!.bullets).toBe(second.data.corpus.sections[0]!.bullets);
    expect(second.data.topics).toEqual(fresh.topics);
    expect(second.data.synonyms).toEqual(fresh.synonyms);
    expect(answers(second.data.engine)).toEqual(answers(fresh.engine));
    expect(second.data.engine.knows("kubernetes")).toBe(true);
    expect(second.data.engine.knows("zzzqqq")).toBe(false);
  });

  it("gives the same sections and answers as a fresh build on a synthetic corpus, odd sections included", async () => {
    const shipped = await buildSearchData(sources);
    const sections = syntheticSections(shipped.corpus.sections, shipped.topics, 1_500, 7);
    // A text that is not its bullets joined, bullets with line breaks, characters outside Latin-1 and the BMP, no optional fields.
    const [first, second, third] = sections;
    sections[0] = { ...first!, text: `${first!.text}\nmore text 😀 Ωmega`, speakers: [{ name: "Zoë" }, { name: "Li Wei", company: "字节跳动" }], recapTags: ["gitops", "Flux CD"] };
    sections[1] = { ...second!, bullets: [{ text: "two\nlines", depth: 0 }, { text: "", depth: 2 }], text: "two\nlines\n" };
    const { parent: _parent, day: _day, url: _url, urlKind: _urlKind, ...bare } = third!;
    sections[2] = { ...bare, tags: [], speakers: [] };
    // A recap with its own tags and with none of the optional facts.
    const { location: _location, author: _author, source: _source, startDate: _start, endDate: _end, ...plain } = shipped.corpus.recaps[0]!;
    const recaps = [{ ...shipped.corpus.recaps[0]!, tags: ["gitops", "Flux CD"] }, { ...plain, id: "plain" }];
    const fresh: SearchData = { ...shipped, corpus: { recaps, sections, problems: ["one.md: skipped"] }, engine: new SearchEngine(sections, shipped.synonyms) };
    writeSnapshot(snapshot(), "key", fresh);
    const loaded = readSnapshot(snapshot(), "key")!;
    expect(loaded.corpus.sections).toStrictEqual(sections);
    expect(loaded.corpus.recaps).toEqual(recaps);
    expect(loaded.corpus.problems).toEqual(["one.md: skipped"]);
    expect(answers(loaded.engine)).toEqual(answers(fresh.engine));
  });

  it.each([
    ["a recap", () => appendFileSync(join(sources.corpusDir, "eu-2018-memo-and-takeaways.md"), "\nZorblax is the new thing.\n")],
    ["a new recap file", () => cpSync(join(sources.corpusDir, "eu-2018-memo-and-takeaways.md"), join(sources.corpusDir, "zz-copy.md"))],
    ["the topics", () => appendFileSync(sources.topicsFile, "\n- id: zorblax\n  label: Zorblax\n  terms: [zorblax]\n")],
    ["the synonyms", () => appendFileSync(sources.synonymsFile, "\n- [zorblax, kubernetes]\n")],
  ])("is built again when %s changes", async (_, change) => {
    await load();
    const before = sourcesKey(sources);
    change();
    expect(sourcesKey(sources)).not.toBe(before);
    // The old snapshot is out of date: it is not used, and a new one replaces it.
    expect(readSnapshot(snapshot(), sourcesKey(sources))).toBeUndefined();
    const { data, lines } = await load();
    expect(lines.join("\n")).toContain("index snapshot written");
    expect(answers(data.engine)).toEqual(answers((await buildSearchData(sources)).engine));
    expect(readSnapshot(snapshot(), sourcesKey(sources))).toBeDefined();
  });

  it("makes a changed recap searchable at once", async () => {
    await load();
    const recap = join(sources.corpusDir, "eu-2018-memo-and-takeaways.md");
    writeFileSync(recap, readFileSync(recap, "utf8").replace(/seccomp/gi, "Zorblax"));
    const { data } = await load();
    expect(data.engine.search("zorblax").total).toBeGreaterThan(0);
    expect(data.engine.search("seccomp").total).toBe(0);
  });

  it.each([
    ["garbage", () => writeFileSync(snapshot(), "not a snapshot at all")],
    ["a truncated file", () => writeFileSync(snapshot(), readFileSync(snapshot()).subarray(0, statSync(snapshot()).size - 100))],
    ["a damaged byte", () => {
      const bytes = readFileSync(snapshot());
      bytes[bytes.length - 5]! ^= 0xff;
      writeFileSync(snapshot(), bytes);
    }],
    ["a broken header", () => {
      const bytes = readFileSync(snapshot());
      bytes[16] = 0x78; // the header's opening brace
      writeFileSync(snapshot(), bytes);
    }],
  ])("falls back to building, with a log line, on %s", async (_, damage) => {
    const fresh = await buildSearchData(sources);
    await load();
    damage();
    const { data, lines } = await load();
    expect(lines.find((l) => l.includes("index snapshot unreadable"))).toMatch(/"level":40/);
    expect(answers(data.engine)).toEqual(answers(fresh.engine));
    // And a good snapshot is written again.
    expect((await load()).lines.join("\n")).toContain("index snapshot loaded");
  });

  it("still answers, with a log line, when the cache folder cannot be written", async () => {
    writeFileSync(cacheDir, "a file where the folder should be");
    const { data, lines } = await load();
    expect(lines.find((l) => l.includes("index snapshot not written"))).toMatch(/"level":40/);
    expect(data.engine.search("ebpf").total).toBeGreaterThan(0);
  });

  it("leaves a missing corpus folder to the corpus loader's own error", async () => {
    await expect(loadSearchData({ ...sources, corpusDir: join(dir, "nowhere") }, { cacheDir, logger: memoryLogger().logger })).rejects.toThrow(/does not exist/);
  });
});
