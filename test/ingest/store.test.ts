import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingest, ingestMany } from "../../src/cli/ingest.js";
import { defaultCorpusDir, projectRoot } from "../../src/paths.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { KUBECON_CLI, ensureBuilt } from "../core/helpers.js";
import { JEKYLL_POST } from "./fixtures.js";

let scratch: string;
let store: RecapStore;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "kubecon-ingest-store-"));
  store = openSqliteRecapStore(join(scratch, "data"));
});
afterEach(async () => {
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
});
const write = (name: string, content: string) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

describe("kubecon ingest into the recap store", () => {
  it("keeps the recap file in the store, once: the same text again is unchanged, an edited one replaces it", async () => {
    const file = write("notes.md", JEKYLL_POST);
    const shipped = readdirSync(defaultCorpusDir()).sort();
    const first = await ingest(file, { store });
    expect(first.split("\n")[0]).toBe("Stored My KubeCon NA 2023 Chicago notes in the recap store: every replica serves it within a minute");
    expect(first).toContain("Platform Engineering Maturity (Ann Lee, Acme)");
    const [recap] = await store.listRecaps();
    expect(recap).toMatchObject({ url: pathToFileURL(file).href, canonicalUrl: pathToFileURL(file).href, contentType: "text/markdown", title: "My KubeCon NA 2023 Chicago notes", language: "en" });
    expect(recap!.document).toMatch(/^---\nid: my-kubecon-na-2023-chicago-notes\n/);
    expect(readdirSync(defaultCorpusDir()).sort()).toEqual(shipped);

    expect((await ingest(file, { store })).split("\n")[0]).toBe("My KubeCon NA 2023 Chicago notes is in the recap store already, unchanged");
    write("notes.md", `${JEKYLL_POST}\n## Another talk - Bo Chen, Example\n\n- Something new was said.\n`);
    expect((await ingest(file, { store })).split("\n")[0]).toBe("Replaced the stored version of My KubeCon NA 2023 Chicago notes: every replica serves it within a minute");
    const after = await store.listRecaps();
    expect(after.map((r) => r.id)).toEqual([recap!.id]);
    expect(after[0]!.document).toContain("Something new was said.");
  });

  it("stores nothing on a dry run, and says so for several inputs too", async () => {
    const file = write("notes.md", JEKYLL_POST);
    expect((await ingest(file, { store, dryRun: true })).split("\n")[0]).toBe("Would store My KubeCon NA 2023 Chicago notes in the recap store (dry run: nothing stored)");
    const many = await ingestMany([file, write("other.txt", "Keynote: The Future of Platforms - Jane Doe\n\nKubeCon EU 2024: platform teams ship golden paths.\n")], { store, dryRun: true });
    expect(many.output).toContain("2 of 2 recaps would be stored (dry run)");
    expect(await store.listRecaps()).toEqual([]);
  });

  it("is where the command goes when DATA_DIR names the bot's data and no corpus folder is named", async () => {
    ensureBuilt();
    const file = write("notes.md", JEKYLL_POST);
    const run = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(process.execPath, [KUBECON_CLI, "ingest", file, ...args], { cwd: projectRoot(), encoding: "utf8", env: { PATH: process.env.PATH, LOG_LEVEL: "warn", ...env } });
    const stored = run({ DATA_DIR: join(scratch, "data") });
    expect(stored.stderr).toBe("");
    expect(stored.stdout).toMatch(/^Stored My KubeCon NA 2023 Chicago notes in the recap store/);
    expect(await store.listRecaps()).toHaveLength(1);

    const corpus = mkdtempSync(join(scratch, "corpus-"));
    expect(run({ DATA_DIR: join(scratch, "data"), CORPUS_DIR: corpus }).stdout).toMatch(/^Wrote /);
    expect(readdirSync(corpus)).toEqual(["my-kubecon-na-2023-chicago-notes.md"]);
  });
});
