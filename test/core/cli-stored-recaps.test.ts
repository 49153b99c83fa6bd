import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { postgresServer } from "../store/postgres-env.js";
import { KUBECON_CLI, ensureBuilt } from "./helpers.js";

/** A recap of our own, with a word no shipped recap has. */
const RECAP = `# KubeCon + CloudNativeCon Europe 2026 Amsterdam: my notes

## Zorblax Gateway in Production - Sam Doe, Acme

- Zorblax replaced their ingress controllers in a quarter.
- Rolling it out one namespace at a time kept every incident small.
`;

let scratch: string;
let recapFile: string;
beforeAll(() => {
  ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), "kubecon-cli-stored-"));
  recapFile = join(scratch, "notes.md");
  writeFileSync(recapFile, RECAP);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function kubecon(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, [KUBECON_CLI, ...args], { cwd: projectRoot(), encoding: "utf8", timeout: 60_000, env: { ...process.env, LOG_LEVEL: "warn", CORPUS_DIR: "", DATABASE_URL: "", DATA_DIR: "", ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the one-off commands serve the stored recaps too, as the service does", () => {
  it("from DATA_DIR/recaps.db: a recap ingested into the store is found by search, talk and events; a corpus folder named leaves the store out", () => {
    const env = { DATA_DIR: join(scratch, "data") };
    expect(kubecon(env, "search", "zorblax").stdout).toContain("No talk matched");
    expect(existsSync(join(scratch, "data", "recaps.db")), "a search creates no store").toBe(false);
    expect(kubecon(env, "ingest", recapFile)).toMatchObject({ status: 0, stdout: expect.stringContaining("in the recap store") });

    const found = kubecon(env, "search", "zorblax", "--json");
    expect(found.status, found.stderr).toBe(0);
    const [first] = (JSON.parse(found.stdout) as { results: { id: string; title: string }[] }).results;
    expect(first).toMatchObject({ title: "Zorblax Gateway in Production" });
    expect(kubecon(env, "talk", first!.id).stdout).toContain("Zorblax replaced their ingress controllers in a quarter.");
    expect(kubecon(env, "events").stdout).toContain("Europe 2026");
    // The second search reads the index snapshot made with the stored recap, and answers the same.
    expect(kubecon(env, "search", "zorblax", "--json").stdout).toBe(found.stdout);
    expect(kubecon(env, "search", "zorblax", "--corpus", join(projectRoot(), "data", "recaps")).stdout).toContain("No talk matched");
  });

  describe("from PostgreSQL (DATABASE_URL)", () => {
    const postgres = postgresServer();
    it("a recap ingested into the database is found by a search", async () => {
      const env = { DATABASE_URL: await postgres.server().createDatabase("kubecon_cli_stored"), DATA_DIR: join(scratch, "pg-data") };
      expect(kubecon(env, "ingest", recapFile)).toMatchObject({ status: 0, stdout: expect.stringContaining("in the recap store") });
      const found = kubecon(env, "search", "zorblax");
      expect(found.status, found.stderr).toBe(0);
      expect(found.stdout).toContain("Zorblax Gateway in Production");
    });
  });
});
