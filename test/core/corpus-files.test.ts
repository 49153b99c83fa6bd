import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusError, loadCorpus } from "../../src/corpus/corpus.js";
import { formatRecapFile, parseRecapFile, RecapFileError } from "../../src/corpus/recap-file.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { topicsFile } from "../../src/paths.js";

const topics = loadTopics(topicsFile());

const GOOD = `---
id: test-good
title: "A good recap"
event: "KubeCon Test 2024"
event_id: test-2024
year: 2024
language: en
---
Intro.

Session: Service Mesh Without Sidecars - Ann Lee, Acme
- Ambient mode moves the proxy to the node.
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-corpus-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("loadCorpus with malformed files", () => {
  it.each([
    ["front matter that is not YAML", "---\nid: [unclosed\ntitle: x\n---\nText.\n", /bad\.md: front matter is not valid YAML/],
    ["no front matter at all", "Just a text.\n", /bad\.md: no YAML front matter/],
    ["a year that is not a year", GOOD.replace("test-good", "test-bad").replace("year: 2024", "year: next"), /bad\.md: year:/],
    ["a missing event id", GOOD.replace("test-good", "test-bad").replace("event_id: test-2024\n", ""), /bad\.md: event_id/],
  ])("skips a file with %s, names it, and still loads the good one", (_case, bad, message) => {
    writeFileSync(join(dir, "good.md"), GOOD);
    writeFileSync(join(dir, "bad.md"), bad);
    const corpus = loadCorpus(dir, topics);
    expect(corpus.recaps.map((r) => r.id)).toEqual(["test-good"]);
    expect(corpus.sections.map((s) => s.title)).toEqual(["Service Mesh Without Sidecars"]);
    expect(corpus.problems).toHaveLength(1);
    expect(corpus.problems[0]).toMatch(message);
    expect(corpus.problems[0]!.split("\n")).toHaveLength(1);
  });

  it("refuses a second recap with an id already used, naming both files; the first by name keeps it", () => {
    writeFileSync(join(dir, "a.md"), GOOD);
    writeFileSync(join(dir, "b.md"), GOOD);
    const corpus = loadCorpus(dir, topics);
    expect(corpus.recaps.map((r) => r.file)).toEqual(["a.md"]);
    expect(corpus.problems).toEqual([expect.stringMatching(/^b\.md: id test-good is already the id of a\.md, which keeps it .*; b\.md is skipped$/)]);
  });

  it("keeps an id with the file named after it, whatever file comes first by name", () => {
    const real = GOOD.replace("Intro.", "Intro.\n\nSession: Second Talk - Bob Ray, Acme\n- Notes of the second talk.\n");
    writeFileSync(join(dir, "test-good.md"), real);
    writeFileSync(join(dir, "a-dup.md"), GOOD.replace("Service Mesh Without Sidecars", "A Copy"));
    const corpus = loadCorpus(dir, topics);
    expect(corpus.recaps.map((r) => r.file)).toEqual(["test-good.md"]);
    expect(corpus.sections.map((s) => s.title)).toEqual(["Second Talk", "Service Mesh Without Sidecars"]);
    expect(corpus.problems).toEqual([expect.stringMatching(/^a-dup\.md: id test-good is already the id of test-good\.md, which keeps it .*; a-dup\.md is skipped$/)]);
  });

  it("reads only .md files", () => {
    writeFileSync(join(dir, "good.md"), GOOD);
    writeFileSync(join(dir, "notes.txt"), "not a recap");
    expect(loadCorpus(dir, topics)).toMatchObject({ problems: [], recaps: [{ id: "test-good" }] });
  });

  it("throws a CorpusError naming a directory that does not exist", () => {
    const missing = join(dir, "nope");
    expect(() => loadCorpus(missing, topics)).toThrow(CorpusError);
    expect(() => loadCorpus(missing, topics)).toThrow(missing);
  });

  it("throws a CorpusError for a file given as the directory", () => {
    writeFileSync(join(dir, "good.md"), GOOD);
    expect(() => loadCorpus(join(dir, "good.md"), topics)).toThrow(CorpusError);
  });
});

describe("recap files", () => {
  it("keep the body verbatim through format and parse, whatever it holds", () => {
    const body = "Line one\r\n---\nnot: front matter\n\u00e9t\u00e9 🚀\n\n";
    const written = formatRecapFile({ id: "x-1", title: "T: with colon", event: "E", event_id: "e-1", year: 2023, language: "fr" }, body);
    const recap = parseRecapFile("x.md", written);
    expect(recap).toMatchObject({ id: "x-1", title: "T: with colon", eventId: "e-1", year: 2023, language: "fr", body });
  });

  it("reject an id that is not a slug with a one-line message naming the file", () => {
    expect(() => parseRecapFile("odd.md", GOOD.replace("id: test-good", "id: Not A Slug"))).toThrow(RecapFileError);
    expect(() => parseRecapFile("odd.md", GOOD.replace("id: test-good", "id: Not A Slug"))).toThrow(/^odd\.md: id: /);
  });
});
