import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingest, ingestMany } from "../../src/cli/ingest.js";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { decodeText } from "../../src/corpus/decode-text.js";
import { ingestRecap } from "../../src/corpus/ingest.js";
import { parseRecapFile } from "../../src/corpus/recap-file.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { topicsFile } from "../../src/paths.js";
import { loopbackServer } from "./fixtures.js";

let scratch: string;
let corpusDir: string;
const write = (name: string, content: string | Buffer) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};
const written = () => readdirSync(corpusDir).sort().map((f) => parseRecapFile(f, readFileSync(join(corpusDir, f), "utf8")));
const topics = loadTopics(topicsFile());

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "kubecon-inputs-"));
  corpusDir = join(scratch, "corpus");
  mkdirSync(corpusDir);
});

/** Notes with talks under `###` and their parts under `####`, below a `#` title of the file's own. */
const NOTES = [
  "# my-conf-notes",
  "",
  "## Day 1",
  "### Gateway API in practice",
  "#### Summary",
  "Routes are portable between implementations.",
  "- Policy attachment comes next.",
  "",
  "### Scaling etcd",
  "#### Summary",
  "Compaction keeps the database small.",
  "- Defragment one member at a time.",
  "",
].join("\n");

describe("ingest never collides or changes its mind", () => {
  it("--title names the recap and changes nothing else: the same sections, with the title's id", async () => {
    const file = write("notes.md", NOTES);
    const plain = await ingestRecap(file, { corpusDir, dryRun: true, year: "2024", eventId: "eu-2024" }, topics);
    const titled = await ingestRecap(file, { corpusDir, dryRun: true, year: "2024", eventId: "eu-2024", title: "Ann's notes from Paris" }, topics);
    expect(plain.sections.length).toBeGreaterThan(0);
    expect(titled.sections.map((s) => [s.title, s.text])).toEqual(plain.sections.map((s) => [s.title, s.text]));
    expect(titled.recap).toMatchObject({ id: "ann-s-notes-from-paris", title: "Ann's notes from Paris", sourceTitle: "my-conf-notes" });
    // And so after it is written and loaded again.
    await ingestRecap(file, { corpusDir, year: "2024", eventId: "eu-2024", title: "Ann's notes from Paris" }, topics);
    expect(loadCorpus(corpusDir, topics).sections.map((s) => s.title)).toEqual(plain.sections.map((s) => s.title));
  });

  it("gives two different recaps of the same title ids of their own, and knows the same text again", async () => {
    const first = write("day-1.md", "# Day 1\n\nKubeCon Europe 2024.\n\n## Talk One - Ann Lee\n- a.\n");
    const second = write("other-day-1.md", "# Day 1\n\nKubeCon Europe 2024.\n\n## Talk Two - Bob Ray\n- b.\n");
    await ingest(first, { corpusDir });
    await ingest(second, { corpusDir });
    expect(written().map((r) => [r.file, r.id, r.title])).toEqual([
      ["day-1-2.md", "day-1-2", "Day 1"],
      ["day-1.md", "day-1", "Day 1"],
    ]);
    // The same text under another name is the same recap.
    const copy = write("copy.md", readFileSync(second, "utf8"));
    await expect(ingest(copy, { corpusDir })).rejects.toThrow(`${copy} is already in the corpus as day-1-2.md (“Day 1”): pass --force to replace it.`);
    expect(await ingest(copy, { corpusDir, force: true })).toMatch(/^Replaced .*day-1-2\.md/);
    expect(readdirSync(corpusDir)).toHaveLength(2);
  });
});

describe("the event read from the text", () => {
  it("takes a year with the city of one of that year's events, and no event cited further down", async () => {
    const paris = await ingestRecap(write("tuesday.md", "# KubeCon 2024 Tuesday\n\nRainy morning in Paris, long queues.\n\n## Fast Builds - Ann Lee, Acme\n- Buildpacks.\n"), { corpusDir, dryRun: true }, topics);
    expect(paris.recap).toMatchObject({ eventId: "eu-2024", event: "KubeCon + CloudNativeCon Europe 2024" });
    const talks = Array.from({ length: 14 }, (_, i) => `## Talk ${i + 1} - Ann Lee\n- Note ${i + 1}.\n`).join("\n");
    const citing = `# My notes from KubeCon 2022\n\n${talks}\n## Testing - Bob Ray\n- KubeCon EU 2020: testing with automation.\n`;
    const read = await ingestRecap(write("notes.md", citing), { corpusDir, dryRun: true }, topics);
    expect(read.recap.eventId).toBe("kubecon-2022");
    expect(read.guesses).toContain("event id kubecon-2022 (pass --event-id, e.g. eu-2022 or na-2022)");
    // No event named: the year named most often, and the city of that year's event.
    const notes = "# Session notes\n\n## Testing - Bob Ray\n- Shown first in 2020.\n\n## Gateway API - Ann Lee\n- GA in 2023, in Amsterdam.\n- Next steps for 2023.\n";
    expect((await ingestRecap(write("session.md", notes), { corpusDir, dryRun: true }, topics)).recap.eventId).toBe("eu-2023");
  });
});

describe("every input gets the same limits and is read in its own charset", () => {
  let base: string;
  let close: () => void;
  const pages = new Map<string, { type: string; body: Buffer }>();
  beforeAll(async () => {
    ({ base, close } = await loopbackServer((req, res) => {
      const page = pages.get(req.url ?? "");
      if (page) res.writeHead(200, { "content-type": page.type }).end(page.body);
      else res.writeHead(404).end();
    }));
  });
  afterAll(() => close());

  const LATIN = "KubeCon Europe 2022 à Valence : résumé\n\nSession: Sécurité des clusters - Zoé Lefèvre, Société Générale\n- Les politiques réseau sont décisives.\n";

  it("reads a Latin-1 text file as Windows-1252, as a browser does, never with U+FFFD", async () => {
    await ingest(write("notes.txt", Buffer.from(LATIN, "latin1")), { corpusDir });
    const [recap] = written();
    expect(recap!.body).toBe(LATIN);
    expect(recap).toMatchObject({ title: "KubeCon Europe 2022 à Valence : résumé", eventId: "eu-2022" });
  });

  it("reads a page by the charset it declares: its <meta>, its server's Content-Type, a byte-order mark", async () => {
    const html = (charset: string) => `<html><head><meta charset="${charset}"><title>KubeCon Japan 2025</title></head><body><article><h1>KubeCon Japan 2025</h1><p>東京で二日間、セキュリティとネットワークの発表をたくさん聞きました。</p><h2>Gateway API の現在 - 山田 太郎, Acme</h2><p>ルートは実装の間で移植できる。</p></article></body></html>`;
    const sjisBytes = Buffer.from([0x93, 0x8c, 0x8b, 0x9e]); // 東京
    expect(decodeText({ bytes: Buffer.concat([Buffer.from('<meta charset="shift_jis">'), sjisBytes]), name: "p.html", html: true })).toBe('<meta charset="shift_jis">東京');
    expect(decodeText({ bytes: sjisBytes, name: "p.html", html: true, declared: "Shift_JIS" })).toBe("東京");
    expect(decodeText({ bytes: Buffer.from([0xff, 0xfe, 0x71, 0x67, 0xac, 0x4e]), name: "p.txt", html: false })).toBe("東京");
    expect(decodeText({ bytes: Buffer.from("café", "latin1"), name: "p.html", html: true })).toBe("café");
    expect(decodeText({ bytes: Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), Buffer.from("é", "latin1")]), name: "p.html", html: true })).toMatch(/é$/);

    pages.set("/latin", { type: "text/plain; charset=iso-8859-1", body: Buffer.from(LATIN, "latin1") });
    pages.set("/utf8", { type: "text/html; charset=utf-8", body: Buffer.from(html("utf-8")) });
    await ingest(`${base}/latin`, { corpusDir });
    await ingest(`${base}/utf8`, { corpusDir });
    expect(written().map((r) => r.title).sort()).toEqual(["KubeCon Europe 2022 à Valence : résumé", "KubeCon Japan 2025"]);
  });

  it("refuses, in one line, bytes in no charset it can tell, a charset it cannot read, and a file that is not text", async () => {
    // Shift_JIS without a declaration: not UTF-8, and bytes Windows-1252 leaves undefined.
    await expect(ingest(write("notes.md", Buffer.from([0x83, 0x81, 0x83, 0x82, 0x0a, 0x81, 0x42])), { corpusDir })).rejects.toThrow(
      /notes\.md is not UTF-8 and does not say which charset it is in: save it as UTF-8 and ingest it again\.$/,
    );
    await expect(ingest(write("page.html", '<meta charset="x-klingon"><p>Qapla</p>'), { corpusDir })).rejects.toThrow(/page\.html is written in the charset “x-klingon”, which cannot be read/);
    await expect(ingest(write("notes.txt", Buffer.from([0x4b, 0x00, 0x75, 0x00, 0x01, 0x02])), { corpusDir })).rejects.toThrow(/notes\.txt is not a text file\.$/);
  });

  it("refuses an empty page, or one without text, in one line", async () => {
    for (const [name, content] of [["empty.html", ""], ["blank.html", " \n\t\n"], ["bare.html", "<html><body></body></html>"], ["comment.html", "<!-- nothing -->"], ["empty.md", ""]]) {
      await expect(ingest(write(name!, content!), { corpusDir }), name).rejects.toThrow(`${join(scratch, name!)} has no text.`);
    }
  });

  it("reads a page fragment without <html> (an exported post body) like a whole page", async () => {
    const fragment = "<h1>KubeCon Europe 2024 notes</h1><p>Three days in Paris with many talks on security, networking and the platform teams that run them.</p><h2>Fast Builds - Ann Lee, Acme</h2><p>Buildpacks detect the language of the project and cache its layers.</p>";
    const report = await ingest(write("post.html", fragment), { corpusDir, dryRun: true });
    expect(report).toContain("  - Fast Builds (Ann Lee, Acme) · 1 lines");
  });

  it("gives a file and a URL the same byte limit, with the same message, and limits the text of each", async () => {
    const limits = { maxBytes: 4096, maxTextChars: 2048 };
    const big = `KubeCon Europe 2024 notes\n\n${"## A talk - Ann Lee\n- A note about clusters.\n".repeat(120)}`;
    pages.set("/big.md", { type: "text/markdown", body: Buffer.from(big) });
    const file = write("big.md", big);
    await expect(ingest(file, { corpusDir, limits })).rejects.toThrow(`${file} is larger than 4 KB: that is not a recap`);
    await expect(ingest(`${base}/big.md`, { corpusDir, limits })).rejects.toThrow(`${base}/big.md is larger than 4 KB: that is not a recap`);
    const long = big.slice(0, 3000);
    await expect(ingest(write("long.md", long), { corpusDir, limits })).rejects.toThrow(/long\.md holds .* of text, more than the .* of a recap: split it/);
    pages.set("/long.md", { type: "text/markdown", body: Buffer.from(long) });
    await expect(ingest(`${base}/long.md`, { corpusDir, limits })).rejects.toThrow(/long\.md holds .* of text, more than the .* of a recap: split it/);
  });
});

describe("ingest of several inputs", () => {
  it("reads files and folders in turn, tells its progress, and ends with one table; a failure is a row of its own", async () => {
    const folder = join(scratch, "notes");
    mkdirSync(join(folder, "day-2"), { recursive: true });
    writeFileSync(join(folder, "day-1.md"), "# KubeCon Europe 2024 day 1\n\n## Fast Builds - Ann Lee, Acme\n- Buildpacks.\n\n## Slow Tests - Bob Ray, Acme\n- Retries.\n");
    writeFileSync(join(folder, "day-2", "notes.txt"), "KubeCon NA 2019 notes\n\nSession: Audit Logs - Cy Doe, Acme\n- Log everything.\n");
    writeFileSync(join(folder, "picture.png"), "not read");
    const empty = write("empty.html", "");
    const seen: string[] = [];
    const { output, failed } = await ingestMany([folder, empty], { corpusDir }, (done, total, input) => seen.push(`${done}/${total} ${input}`));
    expect(seen).toEqual([`0/3 ${join(folder, "day-1.md")}`, `1/3 ${join(folder, "day-2", "notes.txt")}`, `2/3 ${empty}`, "3/3 "]);
    expect(failed).toBe(1);
    const lines = output.split("\n");
    expect(lines[0]).toMatch(/^recap\s+event\s+talks\s+warnings$/);
    expect(lines[1]).toMatch(/^kubecon-europe-2024-day-1\.md\s+eu-2024\s+2\s+/);
    expect(lines[2]).toMatch(/^kubecon-na-2019-notes\.md\s+na-2019\s+1\s+/);
    expect(lines[3]).toMatch(new RegExp(`^${empty.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+-\\s+-\\s+failed: .* has no text\\.$`));
    expect(lines[4]).toBe("2 of 3 recaps written, 1 failed. `kubecon ingest <file> --dry-run` lists one recap's sections.");
    expect(written().map((r) => r.eventId)).toEqual(["eu-2024", "na-2019"]);
  });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
