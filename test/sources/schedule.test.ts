import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { Metrics } from "../../src/metrics/metrics.js";
import { addressPolicy } from "../../src/sources/address-policy.js";
import { RefreshScheduler } from "../../src/sources/refresh-scheduler.js";
import { refreshContext } from "../../src/sources/refresher.js";
import { REFRESH_LEASE } from "../../src/sources/refresh-run.js";
import type { RecapStore, RefreshResult } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { recapPage, rss } from "./fixtures.js";
import { startSite } from "./site.js";

let site: Awaited<ReturnType<typeof startSite>>;
let dir: string;
const stores: RecapStore[] = [];
const results: [string, RefreshResult][] = [];

/** One replica: its own connection to the shared store, its own fetcher and scheduler. */
function replica(intervalMs = 3_600_000): { store: RecapStore; scheduler: RefreshScheduler } {
  const store = openSqliteRecapStore(dir);
  stores.push(store);
  const ctx = refreshContext({
    store,
    logger: createLogger("silent"),
    intervalMs,
    addresses: addressPolicy({ publicAddresses: ["127.0.0.1"] }),
    userAgent: "kubecon-bot/test",
    pace: { now: () => Date.now(), sleep: async () => {} },
    onResult: (source, result) => results.push([source.url, result]),
  });
  return { store, scheduler: new RefreshScheduler(ctx) };
}

beforeEach(async () => {
  site = await startSite();
  dir = mkdtempSync(join(tmpdir(), "kubecon-schedule-"));
  results.length = 0;
  site.pages.set("/feed.xml", { type: "application/rss+xml", etag: '"1"', body: rss([{ title: "KubeCon EU 2026 notes", link: `${site.base}/posts/k` }]) });
  site.pages.set("/posts/k", { body: recapPage({ base: site.base, slug: "k", title: "KubeCon Europe 2026 notes", talk: "Gateway API in Production - Sam Doe, Acme", note: "They moved in a quarter." }) });
});

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the refresh schedule", () => {
  it("refreshes a due source on one replica only, however many look at once, and counts it", async () => {
    const [a, b, c] = [replica(), replica(), replica()];
    await a.store.addSource({ url: `${site.base}/feed.xml`, kind: "feed", addedBy: "test", addedAt: new Date() });
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), c.scheduler.tick()]);
    expect(site.requests.filter((r) => r.path === "/feed.xml")).toHaveLength(1);
    expect(results).toEqual([[`${site.base}/feed.xml`, "ok"]]);
    expect(await b.store.listRecaps()).toHaveLength(1);
    // Refreshed, it is not due again before the interval: the next look fetches nothing.
    await b.scheduler.tick();
    expect(site.requests.filter((r) => r.path === "/feed.xml")).toHaveLength(1);
    // The lease was given back: another replica can take it.
    expect(await c.store.tryLease(REFRESH_LEASE, c.scheduler.holder, new Date(), 1000)).toBe(true);
  });

  it("counts each refresh in /metrics by source and result", async () => {
    const metrics = new Metrics({ subscriptions: async () => ({}), sections: () => 0, recaps: () => ({}), votes: async () => [] }, createLogger("silent"));
    const store = openSqliteRecapStore(dir);
    stores.push(store);
    const ctx = refreshContext({ store, logger: createLogger("silent"), intervalMs: 3_600_000, addresses: addressPolicy({ publicAddresses: ["127.0.0.1"] }), pace: { now: () => Date.now(), sleep: async () => {} } });
    const scheduler = new RefreshScheduler({ ...ctx, onResult: (source, result) => metrics.sourceRefreshes.inc({ source: source.url, result }) });
    await store.addSource({ url: `${site.base}/feed.xml`, kind: "feed", addedBy: "test", addedAt: new Date() });
    await store.addSource({ url: `${site.base}/gone.xml`, kind: "feed", addedBy: "test", addedAt: new Date() });
    await scheduler.tick();
    const { body } = await metrics.expose();
    expect(body).toContain(`kubecon_source_refresh_total{source="${site.base}/feed.xml",result="ok"} 1`);
    expect(body).toContain(`kubecon_source_refresh_total{source="${site.base}/gone.xml",result="failed"} 1`);
  });

  it("leaves the sources alone while another holder has the lease", async () => {
    const [a, b] = [replica(), replica()];
    await a.store.addSource({ url: `${site.base}/feed.xml`, kind: "feed", addedBy: "test", addedAt: new Date() });
    expect(await a.store.tryLease(REFRESH_LEASE, "someone else", new Date(), 60_000)).toBe(true);
    await b.scheduler.tick();
    expect(site.requests).toEqual([]);
  });

  it("does nothing when REFRESH_INTERVAL is 0", async () => {
    const { store, scheduler } = replica(0);
    await store.addSource({ url: `${site.base}/feed.xml`, kind: "feed", addedBy: "test", addedAt: new Date() });
    scheduler.start();
    await scheduler.stop();
    expect(site.requests).toEqual([]);
  });
});
