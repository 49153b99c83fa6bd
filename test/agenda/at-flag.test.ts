import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { ensureBuilt, KUBECON_CLI } from "../core/helpers.js";
import { smallProgramme } from "../programme/small-programme.js";
import { AGENDA_ENTRIES } from "./programme-bot.js";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "kubecon-at-"));
  writeFileSync(join(dir, "all.ics"), smallProgramme(AGENDA_ENTRIES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `kubecon …` with the recap store in the test's DATA_DIR. */
const kubecon = (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, "data"), LOG_LEVEL: "warn", CORPUS_DIR: "" };
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, [KUBECON_CLI, ...args], { cwd: projectRoot(), encoding: "utf8", timeout: 60_000, env });
  return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
};

describe("kubecon now|next|today --at", () => {
  it("answers from the imported programme at the moment given", () => {
    expect(kubecon("now", "--at", "2026-03-24T10:20+01:00")).toMatchObject({ status: 2, err: expect.stringContaining("No event programme is imported") });
    expect(kubecon("programme", "import", join(dir, "all.ics")).status).toBe(0);
    const now = kubecon("now", "ebpf", "--at", "2026-03-24T10:20+01:00");
    expect(now.status).toBe(0);
    expect(now.out.split("\n").slice(0, 4)).toEqual([
      "On now at KubeCon + CloudNativeCon Europe 2026 on “ebpf”",
      "As of Tue 24 Mar 10:20 CET",
      "",
      "1. Tracing Packets With eBPF From Scratch",
    ]);
    // The same moment written in UTC.
    expect(kubecon("now", "ebpf", "--at", "2026-03-24T09:20:00Z").out).toBe(now.out);
    expect(kubecon("today", "--at", "2026-04-10T12:00Z").out).toContain("KubeCon + CloudNativeCon Europe 2026 ran Tue 24 Mar – Sun 29 Mar 2026");
  });

  it("refuses a time without its offset, and --at with another command", () => {
    expect(kubecon("now", "--at", "2026-03-24T10:20")).toMatchObject({ status: 2, err: expect.stringContaining("--at takes a time with its offset") });
    expect(kubecon("now", "--at", "tomorrow")).toMatchObject({ status: 2, err: expect.stringContaining("--at takes a time with its offset") });
    expect(kubecon("search", "ebpf", "--at", "2026-03-24T10:20Z")).toMatchObject({ status: 2, err: expect.stringContaining("--at goes with now, next and today") });
  });
});
