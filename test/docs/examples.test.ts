import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { KUBECON_CLI, ensureBuilt } from "../core/helpers.js";
import { BLOG_PAGE, JEKYLL_POST } from "../ingest/fixtures.js";
import { smallProgramme } from "../programme/small-programme.js";
import { rss } from "../sources/fixtures.js";

/**
 * Every `npm run kubecon -- …` line of a code block in the README and in docs/ runs as written:
 * pasted into a shell, with npm's script runner replaced by the built bundle it starts.
 */

const DOCUMENTS = ["README.md", ...readdirSync(join(projectRoot(), "docs")).filter((name) => name.endsWith(".md")).sort().map((name) => `docs/${name}`)];
const NPM_KUBECON = /npm run (?:--silent )?kubecon --/;

interface Example {
  document: string;
  line: string;
}

/** The lines of fenced code blocks that run the kubecon command through npm, in document order. */
function examples(): Example[] {
  const found: Example[] = [];
  for (const document of DOCUMENTS) {
    const text = readFileSync(join(projectRoot(), document), "utf8");
    for (const block of text.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)) {
      for (const line of block[1]!.split("\n")) if (NPM_KUBECON.test(line)) found.push({ document, line });
    }
  }
  return found;
}

const isIngest = (example: Example) => / kubecon -- ingest /.test(example.line);
const isSources = (example: Example) => / kubecon -- (sources|refresh)\b/.test(example.line);
const isProgramme = (example: Example) => / kubecon -- programme\b/.test(example.line);
const asBundle = (line: string) => line.replace(NPM_KUBECON, `"${process.execPath}" "${KUBECON_CLI}"`);

let scratch: string;
beforeAll(() => {
  ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), "kubecon-docs-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the documentation's command examples", () => {
  it("are found in the README and in docs/", () => {
    const all = examples();
    expect(all.filter((example) => example.document === "README.md").length).toBeGreaterThanOrEqual(4);
    expect(all.filter((example) => example.document !== "README.md").length).toBeGreaterThanOrEqual(8);
    expect(all.filter(isIngest).length).toBeGreaterThanOrEqual(5);
  });

  it("each runs on the shipped corpus and answers without a mistake", async () => {
    const dataDir = mkdtempSync(join(scratch, "data-"));
    for (const example of examples().filter((e) => !isIngest(e) && !isSources(e) && !isProgramme(e))) {
      const run = await shell(asBundle(example.line), { cwd: projectRoot(), env: { ...process.env, LOG_LEVEL: "warn", CORPUS_DIR: "", DATA_DIR: dataDir } });
      expect({ ...example, code: run.code, stderr: run.stderr }).toEqual({ ...example, code: 0, stderr: "" });
      expect(run.stdout.trim(), example.line).not.toBe("");
    }
  });

  it("programme import: each runs on a programme of ours in place of the export it names", async () => {
    const file = join(scratch, "all.ics");
    writeFileSync(file, smallProgramme());
    const dataDir = mkdtempSync(join(scratch, "programme-"));
    const runs = examples().filter(isProgramme);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const example of runs) {
      const run = await shell(asBundle(example.line).replace(/\S+\.ics\b/, `"${file}"`), { cwd: projectRoot(), env: { ...process.env, LOG_LEVEL: "warn", CORPUS_DIR: "", DATA_DIR: dataDir } });
      expect({ ...example, code: run.code, stderr: run.stderr }).toEqual({ ...example, code: 0, stderr: "" });
      expect(run.stdout, example.line).toContain("The programme of KubeCon + CloudNativeCon Europe 2026");
    }
  });

  it("ingest: each runs on a file of its name, or its URL served from loopback, into a corpus of its document's own", async () => {
    const folder = mkdtempSync(join(scratch, "ingest-"));
    writeFileSync(join(folder, "saved-page.html"), BLOG_PAGE);
    writeFileSync(join(folder, "notes.md"), JEKYLL_POST);
    writeFileSync(join(folder, "notes.txt"), "Keynote: The Future of Platforms - Jane Doe\n\nPlatform teams ship golden paths; eBPF sees every packet.\n");
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(BLOG_PAGE));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      // A document's examples are one sequence (a dry run, then the real one, then --force), run in order.
      for (const document of DOCUMENTS) {
        const ingests = examples().filter((example) => example.document === document && isIngest(example));
        const corpus = join(folder, document.replace(/\W/g, "-"));
        mkdirSync(corpus);
        for (const example of ingests) {
          const line = asBundle(example.line).replace(/https?:\/\/\S+?\//, local);
          const run = await shell(line, { cwd: folder, env: { ...process.env, LOG_LEVEL: "warn", CORPUS_DIR: corpus, DATA_DIR: join(folder, "var") } });
          expect({ ...example, code: run.code, stderr: run.stderr }).toEqual({ ...example, code: 0, stderr: "" });
          expect(run.stdout.trim(), example.line).not.toBe("");
        }
        // Every example but the dry runs wrote its file's recap.
        const written = new Set(ingests.filter((example) => !example.line.includes("--dry-run")).map((example) => /ingest (\S+)/.exec(example.line)![1]));
        expect(readdirSync(corpus).filter((name) => name.endsWith(".md")), document).toHaveLength(written.size);
      }
    } finally {
      server.close();
    }
  });
});

describe("the documentation's source examples", () => {
  it("run in order, each document against a store of its own, its addresses served from loopback", async () => {
    const examplesOf = (document: string) => examples().filter((example) => example.document === document && isSources(example));
    expect(examples().filter(isSources).length).toBeGreaterThanOrEqual(5);
    const server = createServer((req, res) => {
      if (req.url === "/feed.xml") {
        const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([{ title: "KubeCon + CloudNativeCon Europe 2024 Paris: my notes", link: `${local}/kubecon-notes` }]));
      } else if (req.url === "/robots.txt") res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(BLOG_PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      for (const document of DOCUMENTS) {
        const dataDir = mkdtempSync(join(scratch, "sources-"));
        for (const example of examplesOf(document)) {
          const run = await shell(asBundle(example.line).replace(/https?:\/\/\S+?\//, local), { cwd: projectRoot(), env: { ...process.env, LOG_LEVEL: "warn", DATA_DIR: dataDir, DATABASE_URL: "", SOURCE_PRIVATE_HOSTS: "127.0.0.1" } });
          expect({ ...example, code: run.code, stderr: run.stderr }).toEqual({ ...example, code: 0, stderr: "" });
          expect(run.stdout.trim(), example.line).not.toBe("");
        }
      }
    } finally {
      server.close();
    }
  });
});

/** A shell line run to its end: its exit code and what it printed (asynchronously: the URL's page is served by this process). */
function shell(line: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", line], options);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
