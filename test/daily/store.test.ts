import Database from "better-sqlite3";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/store/sqlite-daily-store.js";
import { subscriptionSettings, tempStore } from "./helpers.js";

const T = (iso: string) => new Date(iso);

describe("SqliteDailyStore", () => {
  let env: ReturnType<typeof tempStore>;
  afterEach(async () => env.cleanup());

  it("creates kubecon.db in the data dir, in WAL mode, at the latest schema version", async () => {
    env = tempStore();
    expect(env.store.schemaVersion).toBe(1);
    const raw = new Database(join(env.dir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    // Reopening an up-to-date file changes nothing.
    expect(env.reopen().schemaVersion).toBe(1);
  });

  it("refuses a database written by a newer release", async () => {
    env = tempStore();
    const raw = new Database(join(env.dir, DATABASE_FILE));
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => env.reopen()).toThrow(/schema version 99 is newer/);
  });

  it("saves, reads, disables and re-enables a subscription", async () => {
    env = tempStore();
    const saved = await env.store.saveSubscription(subscriptionSettings({ topic: "ebpf", zone: "Europe/Paris" }));
    expect(saved).toMatchObject({ id: "slack:C1", topic: "ebpf", zone: "Europe/Paris", spaceId: "T1", enabled: true });
    expect(await env.store.enabledSubscriptions()).toHaveLength(1);

    expect(await env.store.disableSubscription("slack:C1", "channel_not_found", T("2025-06-01T10:00:00Z"))).toBe(true);
    expect(await env.store.disableSubscription("slack:C1", "again", T("2025-06-01T11:00:00Z"))).toBe(false);
    expect(await env.store.getSubscription("slack:C1")).toMatchObject({
      enabled: false,
      disabledReason: "channel_not_found",
      disabledAt: T("2025-06-01T10:00:00Z"),
    });
    expect(await env.store.enabledSubscriptions()).toHaveLength(0);

    const again = await env.store.saveSubscription(subscriptionSettings({ postTime: "10:00" }));
    expect(again).toMatchObject({ enabled: true, postTime: "10:00", zone: "UTC" });
    expect(again.topic).toBeUndefined();
    expect(again.disabledReason).toBeUndefined();
  });

  it("lets exactly one claim win a date, across two connections to the same file", async () => {
    env = tempStore();
    const other = env.reopen();
    await env.store.saveSubscription(subscriptionSettings());
    const now = T("2025-06-01T09:00:00Z");
    const stale = T("2025-06-01T08:45:00Z");
    const results = await Promise.all([
      env.store.claim("slack:C1", "2025-06-01", now, stale),
      other.claim("slack:C1", "2025-06-01", now, stale),
      env.store.claim("slack:C1", "2025-06-01", now, stale),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await other.claim("slack:C1", "2025-06-02", now, stale)).toBe(true);
  });

  it("re-opens a date only for a due retry or an abandoned claim", async () => {
    env = tempStore();
    await env.store.saveSubscription(subscriptionSettings());
    const staleBefore = (now: Date) => new Date(now.getTime() - 15 * 60_000);
    const claimAt = (iso: string) => env.store.claim("slack:C1", "2025-06-01", T(iso), staleBefore(T(iso)));

    expect(await claimAt("2025-06-01T09:00:00Z")).toBe(true);
    expect(await claimAt("2025-06-01T09:10:00Z")).toBe(false); // owner still at work
    expect(await claimAt("2025-06-01T09:15:00Z")).toBe(true); // owner died: taken over
    await env.store.scheduleRetry("slack:C1", "2025-06-01", T("2025-06-01T09:20:00Z"), "rate limited");
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "retry", attempts: 2, error: "rate limited" });
    expect(await claimAt("2025-06-01T09:19:00Z")).toBe(false);
    expect(await claimAt("2025-06-01T09:20:00Z")).toBe(true);

    await env.store.recordPosted({
      subscriptionId: "slack:C1",
      localDate: "2025-06-01",
      takeawayId: "t1",
      messageId: "1717232400.000100",
      cycle: 0,
      at: T("2025-06-01T09:20:01Z"),
    });
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({
      status: "posted",
      attempts: 3,
      takeawayId: "t1",
      messageId: "1717232400.000100",
    });
    expect(await claimAt("2025-06-02T09:00:00Z")).toBe(false); // posted stays posted, however late
  });

  it("never re-opens a failed date", async () => {
    env = tempStore();
    await env.store.saveSubscription(subscriptionSettings());
    await env.store.claim("slack:C1", "2025-06-01", T("2025-06-01T09:00:00Z"), T("2025-06-01T08:45:00Z"));
    await env.store.recordFailed("slack:C1", "2025-06-01", "channel_not_found");
    expect(await env.store.claim("slack:C1", "2025-06-01", T("2025-06-01T23:00:00Z"), T("2025-06-01T22:45:00Z"))).toBe(false);
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "failed", error: "channel_not_found" });
  });

  it("keeps the rotation's posted ids per cycle and forgets them when a new cycle starts", async () => {
    env = tempStore();
    await env.store.saveSubscription(subscriptionSettings());
    const post = async (date: string, takeawayId: string, cycle: number) => {
      await env.store.claim("slack:C1", date, T(`${date}T09:00:00Z`), T(`${date}T08:45:00Z`));
      await env.store.recordPosted({ subscriptionId: "slack:C1", localDate: date, takeawayId, messageId: date, cycle, at: T(`${date}T09:00:00Z`) });
    };
    await post("2025-06-01", "a", 0);
    await post("2025-06-02", "b", 0);
    expect(await env.store.rotation("slack:C1")).toEqual({ cycle: 0, postedIds: new Set(["a", "b"]) });
    await env.store.startCycle("slack:C1", 1);
    await post("2025-06-03", "b", 1);
    expect(await env.store.rotation("slack:C1")).toEqual({ cycle: 1, postedIds: new Set(["b"]) });
    // A re-subscription keeps its place in the rotation.
    await env.store.saveSubscription(subscriptionSettings({ postTime: "07:00" }));
    expect((await env.reopen().rotation("slack:C1")).cycle).toBe(1);
  });
});
