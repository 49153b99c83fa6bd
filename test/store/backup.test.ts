import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { openSqliteInstallationStore } from "../../src/store/sqlite-installation-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { KUBECON_CLI } from "../core/helpers.js";
import { subscriptionSettings, tempStore } from "../daily/helpers.js";
import { recapInput } from "./recap-store-contract.js";

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
    expect(run.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^Backed up 3 daily subscriptions to ${target} \\(\\d+ KB\\)\\.$`)),
      `To restore: stop the bot, copy ${target} to ${join(env.dir, "kubecon.db")}, and delete their -wal and -shm files beside them if present.`,
    ]);
    expect(existsSync(join(env.dir, "kubecon-backup.recaps.db")), "no recap store, no copy of it").toBe(false);

    const restoredDir = join(env.dir, "restored");
    mkdirSync(restoredDir);
    spawnSync("cp", [target, join(restoredDir, "kubecon.db")]);
    const restored = openSqliteDailyStore(restoredDir);
    expect((await restored.enabledSubscriptions()).map((s) => s.id)).toEqual(["slack:C1", "slack:C2", "slack:C3"]);
    expect(await restored.getPost("slack:C2", "2025-06-01")).toMatchObject({ status: "posted", messageId: "m1" });
    await restored.close();
  });

  it("copies every other store too, beside it, while they are open: recaps and sources, votes, installations come back", async () => {
    env = tempStore();
    await env.store.saveSubscription(subscriptionSettings({ id: "slack:C1", channelId: "C1" }));
    const recaps = openSqliteRecapStore(env.dir);
    const feedback = openSqliteFeedbackStore(env.dir);
    const installations = openSqliteInstallationStore(env.dir);
    try {
      await feedback.recordVote({ answerId: "a1", voterHash: "v1", command: "search ebpf", sectionIds: ["s1"], vote: "up", platform: "slack", spaceHash: "h", at: new Date(0) });
      await installations.saveInstallation({ platform: "slack", spaceId: "T0001", sealed: "sealed-installation", installedAt: new Date(0) });
      await recaps.putRecap(recapInput("Gateway API replaced their ingress controllers."));
      await recaps.putRecap(recapInput("eBPF took over their network policies.", { url: "https://blog.example/ebpf", canonicalUrl: "https://blog.example/ebpf" }));
      await recaps.addSource({ url: "https://blog.example/feed.xml", kind: "feed", addedBy: "test", addedAt: new Date(0) });
      const target = join(env.dir, "backup.db");
      const run = kubecon(["backup", target], { DATA_DIR: env.dir });
      expect(run.stderr).toBe("");
      const recapsCopy = join(env.dir, "backup.recaps.db");
      const [votesCopy, installationsCopy] = [join(env.dir, "backup.feedback.db"), join(env.dir, "backup.installations.db")];
      expect(run.stdout.trim().split("\n")).toEqual([
        expect.stringMatching(/^Backed up 1 daily subscription to .*backup\.db \(\d+ KB\)\.$/),
        expect.stringMatching(new RegExp(`^Backed up 2 stored recaps and 1 source to ${recapsCopy} \\(\\d+ KB\\)\\.$`)),
        expect.stringMatching(new RegExp(`^Backed up 1 vote to ${votesCopy} \\(\\d+ KB\\)\\.$`)),
        expect.stringMatching(new RegExp(`^Backed up 1 Slack installation to ${installationsCopy} \\(\\d+ KB\\)\\.$`)),
        `To restore: stop the bot, copy ${target} to ${join(env.dir, "kubecon.db")}, ${recapsCopy} to ${join(env.dir, "recaps.db")}, ${votesCopy} to ${join(env.dir, "feedback.db")}, ${installationsCopy} to ${join(env.dir, "installations.db")}, and delete their -wal and -shm files beside them if present.`,
      ]);

      const restoredDir = join(env.dir, "restored");
      mkdirSync(restoredDir);
      spawnSync("cp", [recapsCopy, join(restoredDir, "recaps.db")]);
      spawnSync("cp", [installationsCopy, join(restoredDir, "installations.db")]);
      const restoredInstallations = openSqliteInstallationStore(restoredDir);
      expect(await restoredInstallations.getInstallation("slack", "T0001")).toMatchObject({ sealed: "sealed-installation" });
      await restoredInstallations.close();
      const restored = openSqliteRecapStore(restoredDir);
      expect((await restored.listRecaps()).map((r) => r.document)).toEqual((await recaps.listRecaps()).map((r) => r.document));
      expect((await restored.listSources()).map((s) => s.url)).toEqual(["https://blog.example/feed.xml"]);
      expect(await restored.revision()).toBe(await recaps.revision());
      await restored.close();

      // Never over an existing copy: neither file is written then.
      writeFileSync(join(env.dir, "third.recaps.db"), "keep me");
      const refused = kubecon(["backup", join(env.dir, "third.db")], { DATA_DIR: env.dir });
      expect(refused.stderr.trim()).toBe(`kubecon: ${join(env.dir, "third.recaps.db")} already exists: give a new file name, a backup never overwrites`);
      expect(existsSync(join(env.dir, "third.db"))).toBe(false);
    } finally {
      for (const store of [recaps, feedback, installations]) await store.close();
    }
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
