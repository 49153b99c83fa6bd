import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { ensureBuilt, KUBECON_CLI } from "../core/helpers.js";
import { smallProgramme } from "./small-programme.js";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "kubecon-programme-cli-"));
  writeFileSync(join(dir, "all.ics"), smallProgramme());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `kubecon programme …` with the store in the test's DATA_DIR. */
const kubecon = (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, "data"), LOG_LEVEL: "warn", CORPUS_DIR: "" };
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, [KUBECON_CLI, "programme", ...args], { cwd: projectRoot(), encoding: "utf8", timeout: 60_000, env });
  return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
};

describe("kubecon programme import", () => {
  it("imports a programme into the store once; again, it is unchanged; a dry run stores nothing", async () => {
    const file = join(dir, "all.ics");
    expect(kubecon("import", file, "--dry-run")).toMatchObject({ status: 0, out: expect.stringContaining("(dry run: nothing stored)") });
    const first = kubecon("import", file);
    expect(first).toMatchObject({ status: 0, out: expect.stringContaining("Stored: 8 added, 0 changed, 0 removed, 0 unchanged") });
    expect(first.out).toContain("The programme of KubeCon + CloudNativeCon Europe 2026 (kccnceu2026): 8 talks in 6 tracks, times in Europe/Amsterdam");
    expect(kubecon("import", file)).toMatchObject({ status: 0, out: expect.stringContaining("Already stored, unchanged: 0 added, 0 changed, 0 removed, 8 unchanged") });
    const store = openSqliteRecapStore(join(dir, "data"));
    try {
      expect(await store.listProgramme("eu-2026")).toHaveLength(8);
    } finally {
      await store.close();
    }
  });

  it("answers a missing file, a file that is no calendar and a wrong usage in one line", () => {
    expect(kubecon("import", join(dir, "missing.ics"))).toMatchObject({ status: 2, err: expect.stringMatching(/^kubecon: No file .*missing\.ics/) });
    writeFileSync(join(dir, "notes.md"), "# Notes\n\nNot a calendar.\n");
    expect(kubecon("import", join(dir, "notes.md"))).toMatchObject({ status: 2, err: expect.stringContaining("is not an iCalendar file") });
    expect(kubecon("export")).toMatchObject({ status: 2, err: expect.stringContaining("usage: kubecon programme import") });
  });
});
