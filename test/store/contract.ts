import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Claim, ClaimRequest, DailyStore } from "../../src/store/daily-store.js";
import { subscriptionSettings } from "../daily/helpers.js";

/** A store under test: a fresh, empty database, a way to open more connections to it, and cleanup. */
export interface OpenedStore {
  store: DailyStore;
  /** Another connection to the same database, as another process or replica would have. */
  connect(): Promise<DailyStore>;
  cleanup(): Promise<void>;
}

const T = (iso: string) => new Date(iso);
const request = (localDate: string, subscriptionId = "slack:C1"): ClaimRequest => ({
  subscriptionId,
  localDate,
  claimId: randomBytes(12).toString("hex"),
});
const stale = (now: Date) => new Date(now.getTime() - 15 * 60_000);

/** The behaviour every DailyStore must have, run against SQLite and PostgreSQL alike. */
export function dailyStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: the DailyStore contract`, () => {
    let env: OpenedStore | undefined;
    afterEach(async () => {
      await env?.cleanup();
      env = undefined;
    });
    const fresh = async () => (env = await open());
    /** Claims one date at `iso` (stale claims: older than 15 minutes). */
    const claimAt = async (store: DailyStore, iso: string, localDate = "2025-06-01"): Promise<Claim | undefined> =>
      (await store.claim([request(localDate)], T(iso), stale(T(iso))))[0];

    it("saves, reads, disables and re-enables a subscription", async () => {
      const { store } = await fresh();
      const saved = await store.saveSubscription(subscriptionSettings({ topic: "ebpf", zone: "Europe/Paris" }));
      expect(saved).toMatchObject({ id: "slack:C1", topic: "ebpf", zone: "Europe/Paris", spaceId: "T1", enabled: true });
      expect(saved.since).toEqual(T("2025-01-01T00:00:00Z"));
      expect(await store.enabledSubscriptions()).toHaveLength(1);

      expect(await store.disableSubscription("slack:C1", "channel_not_found", T("2025-06-01T10:00:00Z"))).toBe(true);
      expect(await store.disableSubscription("slack:C1", "again", T("2025-06-01T11:00:00Z"))).toBe(false);
      expect(await store.getSubscription("slack:C1")).toMatchObject({
        enabled: false,
        disabledReason: "channel_not_found",
        disabledAt: T("2025-06-01T10:00:00Z"),
      });
      expect(await store.enabledSubscriptions()).toHaveLength(0);
      expect(await store.getSubscription("slack:C404")).toBeUndefined();

      const again = await store.saveSubscription(subscriptionSettings({ postTime: "10:00" }));
      expect(again).toMatchObject({ enabled: true, postTime: "10:00", zone: "UTC" });
      expect(again.topic).toBeUndefined();
      expect(again.disabledReason).toBeUndefined();
    });

    it("turns the news posts of an enabled subscription on and off, and keeps the opt-in across a change of its settings", async () => {
      const { store } = await fresh();
      expect(await store.setNews("slack:C1", T("2025-06-01T09:00:00Z"))).toBe(false);
      await store.saveSubscription(subscriptionSettings());
      expect(await store.setNews("slack:C1", T("2025-06-01T09:00:00Z"))).toBe(true);
      await store.saveSubscription(subscriptionSettings({ postTime: "10:00" }));
      expect((await store.getSubscription("slack:C1"))?.newsSince).toEqual(T("2025-06-01T09:00:00Z"));
      expect(await store.setNews("slack:C1", undefined)).toBe(true);
      expect((await store.getSubscription("slack:C1"))?.newsSince).toBeUndefined();
      await store.disableSubscription("slack:C1", "off", T("2025-06-02T09:00:00Z"));
      expect(await store.setNews("slack:C1", T("2025-06-02T09:00:00Z"))).toBe(false);
    });

    it("lets exactly one claim win a recap's news post, once, with retries of a stale claim and a fence", async () => {
      const { store, connect } = await fresh();
      const news = (claimId: string) => ({ subscriptionId: "slack:C1", recapKey: "42", claimId });
      const now = T("2025-06-01T10:00:00Z");
      await store.saveSubscription(subscriptionSettings());
      expect(await store.claimNews(news("a"), now, stale(now), 3)).toBeUndefined();
      await store.setNews("slack:C1", T("2025-06-01T09:00:00Z"));
      const others = [await connect(), await connect()];
      const won = (await Promise.all([store, ...others].map((s, i) => s.claimNews(news(`c${i}`), now, stale(now), 3)))).filter(Boolean);
      expect(won).toHaveLength(1);
      const first = won[0]!;
      expect(first).toEqual({ subscriptionId: "slack:C1", recapKey: "42", claimId: expect.stringMatching(/^c\d$/), attempt: 1 });
      // Held and fresh: nobody else wins it.
      expect(await store.claimNews(news("d"), T("2025-06-01T10:05:00Z"), stale(T("2025-06-01T10:05:00Z")), 3)).toBeUndefined();
      expect(await store.markNewsSending(first, T("2025-06-01T10:00:01Z"))).toBe(true);
      // Its owner died mid-send: once stale, it is won again, the claim id kept and the send it may have made said.
      const later = T("2025-06-01T10:30:00Z");
      const second = await store.claimNews(news("e"), later, stale(later), 3);
      expect(second).toEqual({ ...first, attempt: 2, sendingSince: T("2025-06-01T10:00:01Z") });
      expect(await store.recordNews(first, { posted: "m-old" })).toBe(false);
      expect(await store.recordNews(second!, { posted: "m1" })).toBe(true);
      const much = T("2025-06-02T10:00:00Z");
      expect(await store.claimNews(news("f"), much, stale(much), 3)).toBeUndefined();
    });

    it("retries a news post that asked for it until its attempts run out", async () => {
      const { store } = await fresh();
      await store.saveSubscription(subscriptionSettings());
      await store.setNews("slack:C1", T("2025-06-01T09:00:00Z"));
      const news = { subscriptionId: "slack:C1", recapKey: "7", claimId: "k" };
      let at = T("2025-06-01T10:00:00Z");
      const one = (await store.claimNews(news, at, stale(at), 2))!;
      expect(await store.recordNews(one, { retry: "rate limited", unsettled: false })).toBe(true);
      at = T("2025-06-01T10:20:00Z");
      const two = await store.claimNews(news, at, stale(at), 2);
      expect(two).toEqual({ subscriptionId: "slack:C1", recapKey: "7", claimId: "k", attempt: 2 });
      await store.recordNews(two!, { retry: "rate limited", unsettled: false });
      at = T("2025-06-01T11:00:00Z");
      expect(await store.claimNews(news, at, stale(at), 2)).toBeUndefined();
    });

    it("lets exactly one claim win a date, across connections claiming at once", async () => {
      const { store, connect } = await fresh();
      const others = [await connect(), await connect()];
      await store.saveSubscription(subscriptionSettings());
      const now = T("2025-06-01T09:00:00Z");
      const won = await Promise.all([store, ...others, store].map((s) => s.claim([request("2025-06-01")], now, stale(now))));
      expect(won.flat()).toHaveLength(1);
      expect(won.flat()[0]).toMatchObject({ subscriptionId: "slack:C1", localDate: "2025-06-01", attempt: 1 });
      expect(won.flat()[0]!.unsettled).toBeUndefined();
      expect(await others[0]!.claim([request("2025-06-02")], now, stale(now))).toHaveLength(1);
    });

    it("claims a batch, leaving out disabled and unknown subscriptions and dates already taken", async () => {
      const { store } = await fresh();
      for (const n of [1, 2, 3]) await store.saveSubscription(subscriptionSettings({ id: `slack:C${n}`, channelId: `C${n}` }));
      await store.disableSubscription("slack:C3", "off", T("2025-05-01T00:00:00Z"));
      const now = T("2025-06-01T09:00:00Z");
      expect(await store.claim([request("2025-06-01", "slack:C2")], now, stale(now))).toHaveLength(1);
      const won = await store.claim(
        ["slack:C1", "slack:C2", "slack:C3", "slack:C404"].map((id) => request("2025-06-01", id)),
        now,
        stale(now),
      );
      expect(won.map((claim) => claim.subscriptionId)).toEqual(["slack:C1"]);
      expect(await store.claim([], now, stale(now))).toEqual([]);
    });

    it("re-opens a date for a due retry or an abandoned claim, and fences the owner that was taken over", async () => {
      const { store } = await fresh();
      await store.saveSubscription(subscriptionSettings());
      const first = (await claimAt(store, "2025-06-01T09:00:00Z"))!;
      expect(await claimAt(store, "2025-06-01T09:10:00Z")).toBeUndefined(); // owner still at work
      const takeover = (await claimAt(store, "2025-06-01T09:15:00Z"))!; // owner died: taken over
      expect(takeover).toMatchObject({ attempt: 2, claimId: first.claimId });
      expect(await store.recordFailed(first, "late")).toBe(false); // the old owner cannot record any more

      expect(await store.scheduleRetry(takeover, T("2025-06-01T09:20:00Z"), "rate limited", false)).toBe(true);
      expect(await store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "retry", attempts: 2, error: "rate limited", claimId: first.claimId });
      expect(await claimAt(store, "2025-06-01T09:19:00Z")).toBeUndefined();
      const retry = (await claimAt(store, "2025-06-01T09:20:00Z"))!;
      expect(retry).toMatchObject({ attempt: 3, claimId: first.claimId });
      expect(retry.unsettled).toBeUndefined();

      expect(await store.recordPosted({ ...posted("2025-06-01", "t1"), attempt: 3, messageId: "1717232400.000100" })).toBe(true);
      expect(await store.getPost("slack:C1", "2025-06-01")).toMatchObject({
        status: "posted",
        attempts: 3,
        takeawayId: "t1",
        messageId: "1717232400.000100",
      });
      expect(await claimAt(store, "2025-06-02T09:00:00Z")).toBeUndefined(); // posted stays posted, however late
    });

    it("hands over a send left unsettled, with what was being sent, under the same claim id", async () => {
      const { store } = await fresh();
      await store.saveSubscription(subscriptionSettings());
      const first = (await claimAt(store, "2025-06-01T09:00:00Z"))!;
      expect(await store.markSending(first, "t7", 2, T("2025-06-01T09:00:01Z"))).toBe(true);
      expect(await store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "sending", takeawayId: "t7" });
      const takeover = (await claimAt(store, "2025-06-01T09:20:00Z"))!;
      expect(takeover).toEqual({
        subscriptionId: "slack:C1",
        localDate: "2025-06-01",
        claimId: first.claimId,
        attempt: 2,
        unsettled: { takeawayId: "t7", cycle: 2, since: T("2025-06-01T09:00:01Z") },
      });
      expect(await store.markSending(first, "t8", 0, T("2025-06-01T09:20:00Z"))).toBe(false);
      expect(await store.recordPosted({ ...posted("2025-06-01", "t7"), attempt: 1 })).toBe(false);

      // A retry after an unknown outcome stays unsettled; after a refusal it starts clean.
      expect(await store.scheduleRetry(takeover, T("2025-06-01T09:21:00Z"), "timeout", true)).toBe(true);
      const third = (await claimAt(store, "2025-06-01T09:21:00Z"))!;
      expect(third.unsettled).toEqual({ takeawayId: "t7", cycle: 2, since: T("2025-06-01T09:00:01Z") });
      expect(await store.scheduleRetry(third, T("2025-06-01T09:22:00Z"), "ratelimited", false)).toBe(true);
      const fourth = (await claimAt(store, "2025-06-01T09:22:00Z"))!;
      expect(fourth.unsettled).toBeUndefined();
      expect(fourth.claimId).toBe(first.claimId);
    });

    it("never re-opens a failed or posted date under the same settings, and does once they change", async () => {
      const { store } = await fresh();
      await store.saveSubscription(subscriptionSettings());
      const first = (await claimAt(store, "2025-06-01T09:00:00Z"))!;
      expect(await store.recordFailed(first, "channel_not_found")).toBe(true);
      expect(await claimAt(store, "2025-06-01T23:00:00Z")).toBeUndefined();
      expect(await store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "failed", error: "channel_not_found" });

      // New settings (a new zone meets the same date again): the date starts over with a new claim id.
      await store.saveSubscription(subscriptionSettings({ zone: "Pacific/Honolulu", since: T("2025-06-01T10:00:00Z") }));
      const again = (await claimAt(store, "2025-06-01T19:00:00Z"))!;
      expect(again.claimId).not.toBe(first.claimId);
      expect(await store.recordPosted({ ...posted("2025-06-01", "t1"), attempt: again.attempt })).toBe(true);
      expect(await claimAt(store, "2025-06-01T23:00:00Z")).toBeUndefined();
    });

    it("keeps the rotation per cycle, starts a cycle with its first post and notes the last post time", async () => {
      const { store, connect } = await fresh();
      await store.saveSubscription(subscriptionSettings());
      const post = async (date: string, takeawayId: string, cycle: number) => {
        const claim = (await claimAt(store, `${date}T09:00:00Z`, date))!;
        expect(await store.recordPosted({ ...posted(date, takeawayId), attempt: claim.attempt, cycle })).toBe(true);
      };
      expect(await store.rotation("slack:C1")).toEqual({ cycle: 0, postedIds: new Set() });
      await post("2025-06-01", "a", 0);
      await post("2025-06-02", "b", 0);
      expect(await store.rotation("slack:C1")).toEqual({ cycle: 0, postedIds: new Set(["a", "b"]) });
      await post("2025-06-03", "b", 1);
      expect(await store.rotation("slack:C1")).toEqual({ cycle: 1, postedIds: new Set(["b"]) });
      expect((await store.getSubscription("slack:C1"))!.lastPostedAt).toEqual(T("2025-06-03T09:00:01Z"));
      // A re-subscription keeps its place in the rotation and its last post.
      const again = await store.saveSubscription(subscriptionSettings({ postTime: "07:00" }));
      expect(again.lastPostedAt).toEqual(T("2025-06-03T09:00:01Z"));
      expect((await (await connect()).rotation("slack:C1")).cycle).toBe(1);
    });

    it("gives every (subscription, date) to exactly one of several connections claiming in batches", async () => {
      const { store, connect } = await fresh();
      const ids = Array.from({ length: 60 }, (_, i) => `slack:C${i}`);
      for (const id of ids) await store.saveSubscription(subscriptionSettings({ id, channelId: id.slice(6) }));
      const replicas = [store, await connect(), await connect()];
      const now = T("2025-06-01T09:00:00Z");
      const won = await Promise.all(
        replicas.map(async (replica) => {
          const mine: string[] = [];
          for (let i = 0; i < ids.length; i += 10) {
            const batch = ids.slice(i, i + 10).map((id) => request("2025-06-01", id));
            mine.push(...(await replica.claim(batch, now, stale(now))).map((claim) => claim.subscriptionId));
          }
          return mine;
        }),
      );
      expect(won.flat().sort()).toEqual([...ids].sort());
    });

    it("gives each position of a space's deal once across connections, then deals anew; spaces apart", async () => {
      const { store, connect } = await fresh();
      const replicas = [store, await connect(), await connect()];
      const at = T("2025-06-01T10:00:00Z");
      const next = (replica: DailyStore, seed: number, space = "slack:T1:C1", size = 12) => replica.nextInDeal(space, size, seed, at);
      const dealt = await Promise.all(replicas.flatMap((replica, r) => [0, 1, 2, 3].map((i) => next(replica, 100 + r * 10 + i))));
      // One deal, one seed (the first caller's), every position once.
      expect(new Set(dealt.map((d) => d.seed)).size).toBe(1);
      expect(dealt.map((d) => d.position).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      // Used up: a new deal with the next caller's seed; a seed as large as a 32-bit one comes back whole.
      expect(await next(store, 2 ** 32 - 1)).toEqual({ seed: 2 ** 32 - 1, position: 0 });
      expect(await next(replicas[1]!, 7)).toEqual({ seed: 2 ** 32 - 1, position: 1 });
      // Another space has a deal of its own; a pool of another size starts the space over.
      expect(await next(store, 5, "discord:G1:C9")).toEqual({ seed: 5, position: 0 });
      expect(await next(store, 6, "slack:T1:C1", 13)).toEqual({ seed: 6, position: 0 });
      expect(await next(store, 8, "slack:T1:C1", 13)).toEqual({ seed: 6, position: 1 });
    });

    it("says it is healthy", async () => {
      const { store } = await fresh();
      expect(await store.health()).toEqual({ ok: true });
    });

    it("takes a platform request id for exactly one of several connections, keeps its answer, and forgets it after its time", async () => {
      const { store, connect } = await fresh();
      const replicas = [store, await connect(), await connect()];
      const now = T("2025-06-01T10:00:00Z");
      const until = T("2025-06-01T10:05:00Z");
      const firsts = await Promise.all(replicas.flatMap((replica) => [replica.firstRequest("slack:trigger-1", now, until), replica.firstRequest("slack:trigger-1", now, until)]));
      expect(firsts.filter(Boolean)).toHaveLength(1);
      // Its replays, on any replica, find the first one's answer once it is saved.
      expect(await replicas[1]!.answerOf("slack:trigger-1")).toBeUndefined();
      await replicas[firsts.indexOf(true) >> 1]!.saveAnswer("slack:trigger-1", '{"text":"Daily takeaways are on"}');
      for (const replica of replicas) expect(await replica.answerOf("slack:trigger-1")).toBe('{"text":"Daily takeaways are on"}');
      expect(await store.firstRequest("discord:trigger-1", now, until)).toBe(true);
      // Past its time the id is forgotten (the signature window refuses such a request anyway).
      const later = T("2025-06-01T10:05:01Z");
      expect(await replicas[2]!.firstRequest("slack:trigger-2", later, T("2025-06-01T10:10:01Z"))).toBe(true);
      expect(await store.answerOf("slack:trigger-1")).toBeUndefined();
      expect(await store.firstRequest("slack:trigger-1", later, T("2025-06-01T10:10:01Z"))).toBe(true);
    });
  });
}

function posted(localDate: string, takeawayId: string) {
  return { subscriptionId: "slack:C1", localDate, takeawayId, messageId: `m-${localDate}`, cycle: 0, at: T(`${localDate}T09:00:01Z`) };
}
