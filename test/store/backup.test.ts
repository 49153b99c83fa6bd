import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { KUBECON_CLI } from "../core/helpers.js";
import { subscriptionSettings, tempStore } from "../daily/helpers.js";

/** `kubecon backup ...` as a user runs it (the built CLI). */
function kubecon(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [KUBECON_CLI, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", ...env } });
}

describe("kubecon backup <file>", () => {
  let env: ReturnType<typeof tempStore>;
  afterEach(async () => env.cleanup());

  it("copies the live SQLite database into a file that restores every subscription and post", async () => {
    env = tempStore();
    for (const n of [1, 2, 3]) await env.store.saveSubscription(subscriptionSettings({ id: `slack:C${n}`, channelId: `C${n}` }));
    const [claim] = await env.store.claim([{ subscriptionId: "slack:C2", localDate: "2025-06-01", claimId: "c".repeat(24) }], new Date("2025-06-01T09:00:00Z"), new Date(0));
    await env.store.recordPosted({ subscriptionId: "slack:C2", localDate: "2025-06-01", attempt: claim!.attempt, takeawayId: "t1", messageId: "m1", cycle: 0, at: new Date("2025-06-01T09:00:01Z") });

    // The bot keeps its connection open (and its WAL unmerged) while the backup runs.
    const target = join(env.dir, "kubecon-backup.db");
    const run = kubecon(["backup", target], { DATA_DIR: env.dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Backed up 3 daily subscriptions to ${target} \\(\\d+ KB\\)\\. To restore: stop the bot, copy it to .*kubecon\\.db`));

    const restoredDir = join(env.dir, "restored");
    mkdirSync(restoredDir);
    spawnSync("cp", [target, join(restoredDir, "kubecon.db")]);
    const restored = openSqliteDailyStore(restoredDir);
    expect((await restored.enabledSubscriptions()).map((s) => s.id)).toEqual(["slack:C1", "slack:C2", "slack:C3"]);
    expect(await restored.getPost("slack:C2", "2025-06-01")).toMatchObject({ status: "posted", messageId: "m1" });
    await restored.close();
  });

  it("never overwrites a file, and says there is nothing to back up in an empty data dir", async () => {
    env = tempStore();
    const existing = join(env.dir, "taken.db");
    writeFileSync(existing, "keep me");
    const refused = kubecon(["backup", existing], { DATA_DIR: env.dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe(`kubecon: ${existing} already exists: give a new file name, a backup never overwrites`);

    const empty = join(env.dir, "empty");
    const nothing = kubecon(["backup", join(env.dir, "new.db")], { DATA_DIR: empty });
    expect(nothing.stderr.trim()).toBe(`kubecon: there is no database at ${join(empty, "kubecon.db")} to back up (set DATA_DIR to the bot's data folder)`);
    expect(existsSync(join(env.dir, "new.db"))).toBe(false);
  });

  it("points at pg_dump when the subscriptions are in PostgreSQL", async () => {
    env = tempStore();
    const run = kubecon(["backup", join(env.dir, "b.db")], { DATA_DIR: env.dir, DATABASE_URL: "postgres://kubecon@db:5432/kubecon" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('use pg_dump, e.g. pg_dump --format=custom --file=kubecon.dump "$DATABASE_URL"');
    expect(existsSync(join(env.dir, "b.db"))).toBe(false);
  });
});
