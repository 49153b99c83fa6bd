import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plain, type Reply } from "../../src/cards/card.js";
import { createAppBot } from "../../src/app/app-bot.js";
import type { CommandContext } from "../../src/commands/context.js";
import { DATABASE_FILE, openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { StoreUnavailableError } from "../../src/store/store-error.js";
import { memoryLogger, subscriptionSettings } from "../daily/helpers.js";

/**
 * The data folder taken away while the bot runs, or its disk filled: SQLite keeps writing to a
 * deleted file (a restart finds nothing) or refuses every write. Either way the store says so at
 * each readiness probe, refuses writes with a clear answer, and logs one error.
 */

const root = mkdtempSync(join(tmpdir(), "kubecon-data-dir-"));
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts.reverse()) execFileSync("umount", ["-l", mount]);
  rmSync(root, { recursive: true, force: true });
});

const slack: CommandContext = { platform: "slack", userId: "U1", channelId: "C1", spaceId: "T1", can: { manageChannel: true, channelPosts: true } };
const text = (reply: Reply) => [reply.card.title, reply.card.notice, ...(reply.card.body ?? []).map((p) => plain(p.text))].filter(Boolean).join("\n");
const errors = (lines: Array<Record<string, unknown>>) => lines.filter((line) => (line.level as number) >= 50);

let folders = 0;
const freshDir = () => join(root, `data-${++folders}`);

describe("DATA_DIR removed while the bot runs", () => {
  it("the daily store turns unhealthy, refuses writes with a clear message, and logs one error", async () => {
    const dir = freshDir();
    const log = memoryLogger();
    const store = openSqliteDailyStore(dir, log.logger);
    await store.saveSubscription(subscriptionSettings({ id: "slack:C0" }));
    expect(await store.health()).toEqual({ ok: true });

    rmSync(dir, { recursive: true, force: true });
    const health = await store.health();
    expect(health.ok).toBe(false);
    expect(health.ok || health.reason).toMatch(new RegExp(`${DATABASE_FILE} was removed`));
    for (let i = 0; i < 3; i++) {
      await expect(store.saveSubscription(subscriptionSettings({ id: `slack:C${i + 1}` }))).rejects.toThrow(StoreUnavailableError);
      await expect(store.claim([{ subscriptionId: "slack:C0", localDate: "2025-06-02", claimId: `c${i}` }], new Date(), new Date(0))).rejects.toThrow(StoreUnavailableError);
    }
    expect((await store.health()).ok).toBe(false);
    expect(errors(log.lines())).toHaveLength(1);
    expect(errors(log.lines())[0]!.msg).toMatch(/store cannot be written/);
    await store.close();
  });

  it("`daily on` answers that it could not be saved, not that the posts are on", async () => {
    const dir = freshDir();
    const log = memoryLogger();
    const store = openSqliteDailyStore(dir, log.logger);
    const feedback = openSqliteFeedbackStore(dir, log.logger);
    const bot = await createAppBot({ corpusDir: "data/recaps", logger: log.logger, store, feedback, platforms: ["Slack"] });
    rmSync(dir, { recursive: true, force: true });
    const reply = await bot.run("daily on 09:00 Europe/Paris", slack);
    expect(reply.isError).toBe(true);
    expect(text(reply)).toMatch(/could not be saved/i);
    expect(text(reply)).not.toMatch(/daily takeaways are on/i);
    await bot.run("daily off", slack);
    expect(errors(log.lines())).toHaveLength(1);
    await store.close();
    await feedback.close();
  });

  it("a database file replaced by another one is not the one opened", async () => {
    const dir = freshDir();
    const store = openSqliteDailyStore(dir, memoryLogger().logger);
    renameSync(join(dir, DATABASE_FILE), join(dir, "moved.db"));
    openSqliteDailyStore(dir).close();
    const health = await store.health();
    expect(health.ok || health.reason).toMatch(/was replaced/);
    await expect(store.saveSubscription(subscriptionSettings())).rejects.toThrow(StoreUnavailableError);
    await store.close();
  });
});

describe("a full disk", () => {
  /** A tmpfs of `size`, mounted for this test (CI runs as root, as mounting needs). */
  function tmpfs(size: string): string {
    if (userInfo().uid !== 0) throw new Error("this test mounts a tmpfs to fill a disk, which needs root (CI runs as root)");
    const dir = freshDir();
    mkdirSync(dir);
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
    mounts.push(dir);
    return dir;
  }

  it("the store is unhealthy while writes fail, and healthy again once one can succeed", async () => {
    const dir = tmpfs("1m");
    const log = memoryLogger();
    const store = openSqliteDailyStore(join(dir, "data"), log.logger);
    await store.saveSubscription(subscriptionSettings({ id: "slack:C0" }));
    spawnSync("dd", ["if=/dev/zero", `of=${join(dir, "filler")}`, "bs=4k"], { stdio: "ignore" });
    // Writes fail once the pages SQLite had already are used up.
    let refused: unknown;
    for (let i = 1; i < 2000 && !refused; i++) {
      await store.saveSubscription(subscriptionSettings({ id: `slack:C${i}`, createdBy: "U".repeat(1000) })).catch((error: unknown) => (refused = error));
    }
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    const health = await store.health();
    expect(health.ok || health.reason).toMatch(/full/);
    expect((await store.health()).ok).toBe(false);

    rmSync(join(dir, "filler"));
    expect(await store.health()).toEqual({ ok: true });
    await store.saveSubscription(subscriptionSettings({ id: "slack:after" }));
    expect(await store.getSubscription("slack:after")).toBeDefined();
    expect(errors(log.lines())).toHaveLength(1);
    await store.close();
  });
});
