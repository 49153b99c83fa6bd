import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingest } from "../../src/cli/ingest.js";
import { fetchSource } from "../../src/corpus/fetch-source.js";
import { htmlToArticle } from "../../src/corpus/html.js";
import { parseRecapFile } from "../../src/corpus/recap-file.js";
import { BLOG_PAGE, HUGO_POST, loopbackServer, JEKYLL_POST, NEWSLETTER_PAGE, PLATFORM_PAGE, WIKI_PAGE } from "./fixtures.js";

let scratch: string;
let corpusDir: string;
const write = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const written = () => readdirSync(corpusDir).map((f) => parseRecapFile(f, readFileSync(join(corpusDir, f), "utf8")));

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "kubecon-ingest-"));
  corpusDir = join(scratch, "corpus");
  mkdirSync(corpusDir);
});

describe("ingest of an HTML page", () => {
  it("keeps the article alone, as Markdown, with the facts of the page", async () => {
    const report = await ingest(write("page.html", BLOG_PAGE), { corpusDir });
    const [recap] = written();
    expect(recap).toMatchObject({
      title: "KubeCon + CloudNativeCon Europe 2024 Paris: my notes",
      event: "KubeCon + CloudNativeCon Europe 2024",
      eventId: "eu-2024",
      year: 2024,
      location: "Paris",
      author: "Jane Writer",
      language: "en",
    });
    for (const gone of ["Home", "Archive", "Share on", "Related posts", "Great post", "©", "analytics", "font-family", "<"]) expect(recap!.body).not.toContain(gone);
    expect(report).toContain("2 talks found");
    expect(report).toContain("  - Cilium Mesh Without Sidecars (Ann Lee, Isovalent) · 2 lines · Watch: https://www.youtube.com/watch?v=cilium1");
    expect(report).toContain("  - Scaling Prometheus to a Billion Series (Bob Ray, Grafana Labs) · 3 lines");
  });
});

describe("ingest of a publishing platform's page", () => {
  it("takes the page's own heading as the title, and drops image captions and embedded posts", async () => {
    const report = await ingest(write("post.html", PLATFORM_PAGE), { corpusDir });
    const [recap] = written();
    expect(recap).toMatchObject({ title: "What I Learned at KubeCon + CloudNativeCon North America 2023 Chicago", eventId: "na-2023", location: "Chicago", author: "Priya Raman" });
    for (const gone of ["day one", "as shown in the talk", "Kelsey Fan", "Best line", "👏"]) expect(recap!.body).not.toContain(gone);
    expect(report).toContain("  - Platform Engineering Is Not a Rebrand of DevOps (Abby Bangser, Syntasso; Whitney Lee, VMware) · 1 lines");
    expect(report).toContain("  - Scaling Kubernetes Jobs to a Million Pods (Aldo Culquicondor, Google; Michał Woźniak, Google) · 1 lines · Watch: https://videos.example.org/kubecon-na-2023/kueue.mp4");
  });
});

describe("ingest of a newsletter platform's post", () => {
  it("drops its subscribe buttons, the emoji before its headings, and what the title adds to the page's heading", async () => {
    const report = await ingest(write("post.html", NEWSLETTER_PAGE), { corpusDir, dryRun: true });
    expect(report).toContain("KubeCon India 2024 Delhi: five talks worth your evening · KubeCon + CloudNativeCon India 2024 · 2024 · language en · event id in-2024 · New Delhi");
    expect(report).toContain("  - Kubernetes at Flipkart Scale (Rahul Sharma, Flipkart) · 1 lines");
    expect(report).toContain("  - eBPF for Indian Telcos (Priya Nair, Jio; Karan Singh, Isovalent) · 1 lines");
  });
});

describe("ingest of a wiki page export", () => {
  it("keeps a table as a table (its rows notes, never talks) and drops the collapsed block's control", async () => {
    const report = await ingest(write("wiki.html", WIKI_PAGE), { corpusDir, dryRun: true });
    expect(report).toContain("2 talks found");
    expect(report).toContain("  - Service Mesh Interface: A Standard for Meshes (Gabe Monroy, Microsoft; William Morgan, Buoyant) · 3 lines");
    expect(report).toContain("  - OpenTelemetry: OpenTracing and OpenCensus Merge (Morgan McLean, Google; Ben Sigelman, LightStep) · 3 lines");
    expect(htmlToArticle(WIKI_PAGE).markdown).toContain("| Action | Owner |\n| --- | --- |\n| Evaluate OpenTelemetry SDK | Tom |");
  });
});

describe("ingest of a static site's page", () => {
  it("keeps a heading whose anchor id holds a word page layouts use (community, social, menu)", () => {
    const page = `<html><head><title>My KubeCon notes</title></head><body><main><article>
<p>I went to three talks on the last day and wrote down what stuck with me from each of them.</p>
<h2 id="growing-the-docs-community">Growing the Docs Community<a href="#growing-the-docs-community">#</a></h2>
<p>The docs team translates the reference into nine languages, with a reviewer for each of them.</p>
<h2 id="social-coding-at-scale">Social Coding at Scale<a href="#social-coding-at-scale">#</a></h2>
<p>Pairing across time zones works when the hand-off notes live in the pull request itself.</p>
</article></main></body></html>`;
    const headings = htmlToArticle(page).markdown.split("\n").filter((line) => line.startsWith("## "));
    expect(headings.map((h) => h.replace(/\[#\].*$/, ""))).toEqual(["## Growing the Docs Community", "## Social Coding at Scale"]);
  });
});

describe("ingest of a plain-text newsletter", () => {
  it("reads the event from its first heading when its first line names only the newsletter", async () => {
    const text = "CLOUD NATIVE WEEKLY - Issue #142\nKubeCon + CloudNativeCon Europe 2022 Valencia special\n=====\n\nHello everyone.\n\nGateway API Beta\n----------------\n\nRob Scott (Google) presented the beta.\n";
    await ingest(write("weekly.txt", text), { corpusDir });
    expect(written()[0]).toMatchObject({ title: "CLOUD NATIVE WEEKLY - Issue #142", event: "KubeCon + CloudNativeCon Europe 2022", eventId: "eu-2022", location: "Valencia" });
  });
});

describe("ingest of Markdown with its blog's front matter", () => {
  it("reads title, date, author from TOML front matter, and keeps it out of the body", async () => {
    await ingest(write("hugo.md", HUGO_POST), { corpusDir });
    const [recap] = written();
    expect(recap).toMatchObject({ title: "KubeCon Europe 2024 recap", year: 2024, eventId: "eu-2024", author: "Ann Writer" });
    expect(recap!.body).not.toContain("+++");
    expect(recap!.body).not.toContain("tags =");
  });

  it("reads YAML front matter (an author given as an object too), and the event's city as the location", async () => {
    const report = await ingest(write("jekyll.md", JEKYLL_POST), { corpusDir });
    const [recap] = written();
    expect(recap).toMatchObject({ title: "My KubeCon NA 2023 Chicago notes", year: 2023, eventId: "na-2023", location: "Chicago", author: "Sam Writer" });
    expect(recap!.body.startsWith("\nChicago was cold.")).toBe(true);
    expect(report).toContain("  - Platform Engineering Maturity (Ann Lee, Acme) · 1 lines");
  });
});

describe("ingest as a tool", () => {
  const TEXT = "KubeCon Europe 2024 notes\n\nSession: Fast Builds - Ann Lee, Acme\n- Buildpacks detect the language.\n- Caches are layers.\n";

  it("--dry-run prints the sections and writes nothing", async () => {
    const report = await ingest(write("notes.txt", TEXT), { corpusDir, dryRun: true });
    expect(report).toMatch(/^Would write .*kubecon-europe-2024-notes\.md \(dry run: nothing written\)/);
    expect(report).toContain("  - Fast Builds (Ann Lee, Acme) · 2 lines");
    expect(readdirSync(corpusDir)).toEqual([]);
  });

  it("--force replaces the recap of the same source, edited since; without it the answer names the recap there", async () => {
    const file = write("notes.txt", TEXT);
    await ingest(file, { corpusDir });
    await expect(ingest(file, { corpusDir })).rejects.toThrow(/notes\.txt is already in the corpus as kubecon-europe-2024-notes\.md \(“KubeCon Europe 2024 notes”\): pass --force/);
    writeFileSync(file, TEXT.replace("Caches are layers.", "Caches are layers, and layers are cached."));
    expect(await ingest(file, { corpusDir, force: true })).toMatch(/^Replaced .*kubecon-europe-2024-notes\.md/);
    expect(written()).toHaveLength(1);
    expect(written()[0]!.body).toContain("layers are cached");
  });

  it("two recaps of one event share its id, however their authors spell it, and show the catalog's name", async () => {
    await ingest(write("a.txt", TEXT), { corpusDir });
    await ingest(write("b.txt", TEXT.replace("KubeCon Europe 2024 notes", "KubeCon EU 2024 (Paris) day two")), { corpusDir });
    await ingest(write("c.txt", TEXT.replace("KubeCon Europe 2024 notes", "Notes de la KubeCon + CloudNativeCon Europe 2024")), { corpusDir });
    expect(written().map((r) => [r.eventId, r.event])).toEqual(Array(3).fill(["eu-2024", "KubeCon + CloudNativeCon Europe 2024"]));
  });

  it("refuses what contradicts itself: a catalog id with another year or another event, an id of its own for an event the catalog lists", async () => {
    const file = write("c.txt", "Other notes 2023\n\nSession: X Y - Ann Lee, Acme\n- z.\n");
    await expect(ingest(file, { corpusDir, eventId: "eu-2024", year: "2023" })).rejects.toThrow(
      "Event id eu-2024 is KubeCon + CloudNativeCon Europe 2024, in 2024, not 2023: pass the right --year or --event-id.",
    );
    await expect(ingest(file, { corpusDir, eventId: "eu-2024", event: "KubeCon India 2024" })).rejects.toThrow(
      "--event “KubeCon India 2024” is KubeCon + CloudNativeCon India 2024 (in-2024), not eu-2024: pass one of them.",
    );
    await expect(ingest(file, { corpusDir, eventId: "my-eu-2024", event: "KubeCon EU 2024" })).rejects.toThrow(
      "--event “KubeCon EU 2024” is KubeCon + CloudNativeCon Europe 2024, whose id is eu-2024: pass --event-id eu-2024, or leave it out.",
    );
    await expect(ingest(file, { corpusDir, year: "next" })).rejects.toThrow("--year must be a year such as 2024");
  });

  it("two events the catalog does not list never share an id", async () => {
    await ingest(write("a.txt", "KubeCon Korea 2027 notes\n\nSession: Fast Builds - Ann Lee, Acme\n- a.\n"), { corpusDir });
    await ingest(write("b.txt", "KubeCon Seoul 2027 notes\n\nSession: Slow Builds - Bob Ray, Acme\n- b.\n"), { corpusDir });
    expect(written().map((r) => [r.eventId, r.event])).toEqual([
      ["kubecon-korea-2027", "KubeCon Korea 2027"],
      ["kubecon-seoul-2027", "KubeCon Seoul 2027"],
    ]);
    await expect(ingest(write("c.txt", "Meetup notes 2027\n\nSession: X Y - Ann Lee, Acme\n- z.\n"), { corpusDir, eventId: "kubecon-korea-2027", event: "Korean meetup" })).rejects.toThrow(
      /Event id kubecon-korea-2027 is already used by .* for "KubeCon Korea 2027" \(2027\), not "Korean meetup" \(2027\)/,
    );
  });

  it("refuses an input it cannot read, with a short message", async () => {
    await expect(ingest(write("notes.pdf", "x"), { corpusDir })).rejects.toThrow("reads .html, .htm, .md, .txt files, folders of them, or an http(s):// URL.");
    await expect(ingest("ftp://example.org/x.md", { corpusDir })).rejects.toThrow("only http:// and https://");
  });

  it("flags what looks wrong: a long or sentence title, a one-line section, a section over 200 lines, no speaker", async () => {
    const long = Array.from({ length: 201 }, (_, i) => `- Note ${i + 1} on storage.`).join("\n");
    const text = `KubeCon EU 2024\n\n## Storage Deep Dive\n${long}\n\n## This title is a sentence that someone wrote.\n- One line.\n`;
    const report = await ingest(write("odd.md", text), { corpusDir, dryRun: true });
    expect(report).toContain("“Storage Deep Dive” has 201 lines: it may hold talks the segmenter missed.");
    expect(report).toContain("“This title is a sentence that someone wrote.” reads as a sentence, not a title.");
    expect(report).toContain("has one line");
    expect(report).toContain("No speaker was found in any section.");
  });
});

describe("ingest of a URL (a local server)", () => {
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    ({ base, close } = await loopbackServer((req, res) => {
      if (req.url === "/post") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(BLOG_PAGE);
      else if (req.url === "/notes.md") res.writeHead(200, { "content-type": "text/plain" }).end(HUGO_POST);
      else if (req.url === "/image") res.writeHead(200, { "content-type": "image/png" }).end("png");
      else if (req.url === "/huge") res.writeHead(200, { "content-type": "text/html" }).end("x".repeat(2048));
      else if (req.url === "/slow") res.writeHead(200, { "content-type": "text/html" }).write("<html>"); // never ends
      else res.writeHead(404).end();
    }));
  });
  afterAll(() => close());

  it("fetches a page, reads it like a saved one, and keeps its address as the source", async () => {
    await ingest(`${base}/post`, { corpusDir });
    expect(written()[0]).toMatchObject({ eventId: "eu-2024", source: `${base}/post` });
    expect((await fetchSource(`${base}/notes.md`)).kind).toBe("markdown");
  });

  it("refuses another content type, a page over the size limit, a server too slow, an error status", async () => {
    await expect(fetchSource(`${base}/image`)).rejects.toThrow("is image/png, not a web page, Markdown or text.");
    await expect(fetchSource(`${base}/huge`, { timeoutMs: 5000, maxBytes: 1024 })).rejects.toThrow(/is larger than/);
    await expect(fetchSource(`${base}/slow`, { timeoutMs: 200, maxBytes: 1024 })).rejects.toThrow(/did not (answer|finish sending) within 0.2 s/);
    await expect(fetchSource(`${base}/missing`)).rejects.toThrow("answered 404");
  });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
