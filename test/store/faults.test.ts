import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DailyScheduler } from "../../src/daily/scheduler.js";
import { DATABASE_FILE, openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { FEEDBACK_FILE, openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { INSTALLATIONS_FILE, openSqliteInstallationStore } from "../../src/store/sqlite-installation-store.js";
import { RECAPS_FILE } from "../../src/store/recaps-file.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { StoreError } from "../../src/store/store-error.js";
import { FakeClock, RecordingPoster, memoryLogger, subscriptionSettings, takeaway } from "../daily/helpers.js";

const root = mkdtempSync(join(tmpdir(), "kubecon-faults-"));
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts.reverse()) execFileSync("umount", [mount]);
  rmSync(root, { recursive: true, force: true });
});

/** A small tmpfs of our own: read-only, or a few KB big so it fills up. Mounting needs root (as CI runs). */
function tmpfs(name: string, options: string): string {
  if (userInfo().uid !== 0) throw new Error("this test mounts a tmpfs to make a read-only or full disk, which needs root (CI runs as root)");
  const dir = join(root, name);
  mkdirSync(dir);
  execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir]);
  mounts.push(dir);
  return dir;
}

/** Fills a file system to the last byte. */
function fill(dir: string): void {
  spawnSync("dd", ["if=/dev/zero", `of=${join(dir, "filler")}`, "bs=4k"], { stdio: "ignore" });
}

/** `npm start` with no platform configured (the console, stdin closed) and this DATA_DIR. */
function start(dataDir: string) {
  const blank = { SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "", SLACK_SIGNING_SECRET: "", DISCORD_TOKEN: "", DISCORD_PUBLIC_KEY: "", DATABASE_URL: "" };
  return spawnSync(process.execPath, ["dist/src/main.js"], { encoding: "utf8", input: "", timeout: 60_000, env: { ...process.env, ...blank, DATA_DIR: dataDir } });
}

/** Exit 78 and one line naming the problem: no stack trace, nothing else. */
function expectOneLine(run: ReturnType<typeof start>, pattern: RegExp): void {
  expect(run.status).toBe(78);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("storage faults at start: one line, exit 78", () => {
  it("a DATA_DIR that cannot be created", () => {
    writeFileSync(join(root, "a-file"), "");
    expectOneLine(start(join(root, "a-file", "data")), /^kubecon-bot: DATA_DIR .*a-file\/data cannot be created \(ENOTDIR\): create it, or set DATA_DIR to a writable folder$/);
  });

  it("a read-only DATA_DIR", () => {
    const dir = tmpfs("read-only", "ro,size=1m");
    expectOneLine(start(dir), new RegExp(`^kubecon-bot: ${dir}/kubecon\\.db cannot be written \\(SQLITE_CANTOPEN: .*\\): make DATA_DIR a writable folder with free space$`));
  });

  it("a DATA_DIR on a full disk", () => {
    const dir = tmpfs("full", "size=64k");
    fill(dir);
    expectOneLine(start(dir), new RegExp(`^kubecon-bot: (the disk holding ${dir}/kubecon\\.db is full|${dir}/kubecon\\.db cannot be written) \\(SQLITE_\\w+: .*\\)`));
  });

  it("a damaged database file, named, with what to do", () => {
    const dir = join(root, "damaged");
    mkdirSync(dir);
    writeFileSync(join(dir, "kubecon.db"), Buffer.alloc(8192, 7));
    expectOneLine(start(dir), new RegExp(`^kubecon-bot: ${dir}/kubecon\\.db is damaged \\(SQLITE_NOTADB: .*\\): stop the bot, move the file away and restore the last copy made with 'kubecon backup <file>'`));
  });

  it("a damaged votes file beside a sound daily one", () => {
    const dir = join(root, "damaged-votes");
    mkdirSync(dir);
    writeFileSync(join(dir, "feedback.db"), Buffer.alloc(8192, 7));
    expectOneLine(start(dir), new RegExp(`^kubecon-bot: ${dir}/feedback\\.db is damaged \\(SQLITE_NOTADB: .*\\): stop the bot, move the file away and restore the last copy made with .kubecon backup <file>. \\(<file>\\.feedback\\.db\\)`));
  });
});

describe.each([
  { file: DATABASE_FILE, open: openSqliteDailyStore, restore: /restore the last copy made with 'kubecon backup <file>'/ },
  { file: FEEDBACK_FILE, open: openSqliteFeedbackStore, restore: /restore the last copy made with 'kubecon backup <file>' \(<file>\.feedback\.db\) in its place; without one the bot starts again with no votes/ },
  { file: INSTALLATIONS_FILE, open: openSqliteInstallationStore, restore: /restore the last copy made with 'kubecon backup <file>' \(<file>\.installations\.db\) in its place; without one .* each workspace installs the app again/ },
  { file: RECAPS_FILE, open: (dir: string) => openSqliteRecapStore(dir), restore: /restore the last copy made with 'kubecon backup <file>' \(<file>\.recaps\.db\) in its place; without one the bot starts with the shipped recaps only/ },
])("$file: the same storage faults explained the same way", ({ file, open, restore }) => {
  /** The StoreError opening the store in `dir` throws. */
  function refusal(dir: string): string {
    try {
      void open(dir).close();
    } catch (error) {
      expect(error).toBeInstanceOf(StoreError);
      return (error as Error).message;
    }
    throw new Error(`${file} opened in ${dir}`);
  }
  const path = (dir: string) => join(dir, file).replace(/[.]/g, "\\.");

  it("a DATA_DIR that cannot be created", () => {
    writeFileSync(join(root, `not-a-folder-${file}`), "");
    expect(refusal(join(root, `not-a-folder-${file}`, "data"))).toMatch(/^DATA_DIR .*\/data cannot be created \(ENOTDIR\): create it, or set DATA_DIR to a writable folder$/);
  });

  it("a read-only DATA_DIR", () => {
    const dir = tmpfs(`read-only-${file}`, "ro,size=1m");
    expect(refusal(dir)).toMatch(new RegExp(`^${path(dir)} cannot be written \\(SQLITE_CANTOPEN: .*\\): make DATA_DIR a writable folder with free space$`));
  });

  it("a DATA_DIR on a full disk", () => {
    const dir = tmpfs(`full-${file}`, "size=64k");
    fill(dir);
    expect(refusal(dir)).toMatch(new RegExp(`^(the disk holding ${path(dir)} is full|${path(dir)} cannot be written) \\(SQLITE_\\w+: .*\\)`));
  });

  it("a damaged file, named, with what to do about it", () => {
    const dir = join(root, `damaged-${file}`);
    mkdirSync(dir);
    writeFileSync(join(dir, file), Buffer.alloc(8192, 7));
    const message = refusal(dir);
    expect(message).toMatch(new RegExp(`^${path(dir)} is damaged \\(SQLITE_NOTADB: .*\\): stop the bot`));
    expect(message).toMatch(restore);
  });
});

describe("a disk that fills up mid-run", () => {
  it("logs the error once, keeps ticking, and posts once when there is room again", async () => {
    const dir = tmpfs("fills-up", "size=2m");
    const log = memoryLogger();
    const store = openSqliteDailyStore(dir, log.logger);
    const clock = new FakeClock("2025-06-01T08:00:00Z");
    const poster = new RecordingPoster(clock);
    await store.saveSubscription(subscriptionSettings());
    const scheduler = new DailyScheduler({ store, takeaways: async () => [takeaway("t#1"), takeaway("t#2")], posters: { slack: poster }, clock, logger: log.logger });
    const loop = scheduler.start();
    fill(dir);
    await clock.runUntil("2025-06-01T09:10:00Z");
    expect(poster.attempts).toHaveLength(0);
    // Every tick's claim was refused; the store said why once.
    expect(log.lines().filter((line) => (line.level as number) >= 50)).toEqual([
      expect.objectContaining({ msg: "store cannot be written; writes are refused until it can", problem: expect.stringMatching(/is full \(SQLITE_FULL\)/) }),
    ]);
    expect((await store.health()).ok).toBe(false);

    rmSync(join(dir, "filler"));
    await clock.runUntil("2025-06-02T09:10:00Z");
    expect(log.lines().some((line) => line.msg === "store can be written again")).toBe(true);
    await loop.stop();
    expect(poster.deliveries.map((d) => d.at.toISOString())).toEqual(["2025-06-01T09:11:00.000Z", "2025-06-02T09:00:00.000Z"]);
    expect(await store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "posted" });
    await store.close();
  });
});
