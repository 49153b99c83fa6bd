import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingest } from "../../src/cli/ingest.js";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { htmlToArticle } from "../../src/corpus/html.js";
import { tagsOf } from "../../src/corpus/source-front-matter.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { synonymsFile, topicsFile } from "../../src/paths.js";
import { sectionOf } from "../core/helpers.js";

const POST = `---
title: "KubeCon Europe 2024: two talks"
tags: [WebAssembly, kubecon, Kubecon]
categories: "runtimes, edge"
---

## Smaller Images - Ann Lee, Acme

- Distroless images start faster.

## Edge Clusters - Bob Ray, Initech

- Spin runs wasm modules at the edge with no container at all.
`;

const PAGE = `<!DOCTYPE html><html lang="en"><head><title>KubeCon NA 2023 notes</title>
<meta property="article:tag" content="eBPF"><meta property="article:tag" content="Observability"><meta name="keywords" content="ignored, when, article tags exist">
</head><body><article><h1>KubeCon NA 2023 notes</h1><h2>Tracing Without Agents - Ann Lee, Acme</h2>
<ul><li>Kernel probes collect spans from every process on the node.</li><li>Sampling happens before export.</li></ul></article></body></html>`;

let scratch: string;
let corpusDir: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "kubecon-tags-"));
  corpusDir = join(scratch, "corpus");
  mkdirSync(corpusDir);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const ingestText = async (name: string, text: string) => {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return ingest(file, { corpusDir });
};

describe("a post's own tags", () => {
  it("are kept in the recap file, each once, and shown by the ingest report", async () => {
    const report = await ingestText("post.md", POST);
    expect(report).toContain("· tags WebAssembly, kubecon, runtimes, edge");
    const [recap] = loadCorpus(corpusDir, []).recaps;
    expect(recap!.tags).toEqual(["WebAssembly", "kubecon", "runtimes", "edge"]);
    expect(readFileSync(join(corpusDir, `${recap!.id}.md`), "utf8")).toMatch(/^tags:\n {2}- WebAssembly\n/m);
    expect(recap!.body).not.toContain("WebAssembly");
  });

  it("come from an HTML page's article:tag metadata, else its keywords", async () => {
    const report = await ingestText("page.html", PAGE);
    expect(report).toContain("· tags eBPF, Observability");
    expect(htmlToArticle(PAGE.replace(/<meta property="article:tag"[^>]*>/g, "")).tags).toEqual(["ignored", "when", "article tags exist"]);
    expect(tagsOf([undefined, "a, b ,,A"])).toEqual(["a", "b"]);
  });

  it("make every section of the recap searchable by them, below a section whose notes say the word", async () => {
    await ingestText("post.md", POST);
    const { sections } = loadCorpus(corpusDir, loadTopics(topicsFile()));
    expect(sections.map((s) => s.recapTags)).toEqual([
      ["WebAssembly", "kubecon", "runtimes", "edge"],
      ["WebAssembly", "kubecon", "runtimes", "edge"],
    ]);
    const other = sectionOf({ id: "other--wasm", title: "Plugins for Proxies", text: "Envoy loads WebAssembly filters at run time." });
    const filler = Array.from({ length: 8 }, (_, i) => sectionOf({ id: `f--${i}`, title: `Hallway Track ${i}`, text: `Platform teams run Kubernetes, part ${i}.` }));
    const engine = new SearchEngine([...sections, other, ...filler], loadSynonyms(synonymsFile()));
    const ids = engine.search("webassembly", {}, { offset: 0, limit: 10 }).hits.map((h) => h.section.id);
    const smaller = sections.find((s) => s.talk === "Smaller Images")!.id;
    expect(ids).toContain(smaller);
    expect(ids.indexOf("other--wasm")).toBeLessThan(ids.indexOf(smaller));
  });
});
