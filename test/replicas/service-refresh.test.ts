import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { BotProcess, gauge, search } from "../support/bot-process.js";
import { closedPort } from "../support/closed-port.js";
import { recapPage, rss } from "../sources/fixtures.js";
import { startSite } from "../sources/site.js";

let site: Awaited<ReturnType<typeof startSite>>;
let bot: BotProcess | undefined;
beforeAll(async () => {
  site = await startSite();
  site.pages.set("/feed.xml", { type: "application/rss+xml", etag: '"1"', body: rss([{ title: "KubeCon EU 2026: Vorplex notes", link: `${site.base}/posts/vorplex` }]) });
  site.pages.set("/posts/vorplex", {
    body: recapPage({ base: site.base, slug: "vorplex", title: "KubeCon Europe 2026: Vorplex notes", talk: "Vorplex at Scale - Sam Doe, Acme", note: "Vorplex schedules every batch job through one queue a cluster." }),
  });
});
afterAll(async () => {
  await bot?.stop();
  await site.close();
});

describe("the service refreshes its sources on schedule", () => {
  it("stores a source's recap and serves it, counts a failing source in /metrics, and stays ready", { timeout: 180_000 }, async () => {
    const dead = `http://127.0.0.1:${await closedPort()}/feed.xml`;
    // The service's own DATA_DIR, seeded with the two sources before it starts.
    bot = new BotProcess({ REFRESH_INTERVAL: "6h", RECAP_CHECK_INTERVAL: "1s", SOURCE_PRIVATE_HOSTS: "127.0.0.1", SOURCE_CONTACT: "ops@example.org" });
    const store = openSqliteRecapStore(join(bot.folder, "data"));
    for (const url of [`${site.base}/feed.xml`, dead]) await store.addSource({ url, kind: "feed", addedBy: "test", addedAt: new Date() });
    await store.close();

    await bot.start();
    await bot.logged("due sources refreshed");
    await bot.logged("corpus reloaded", { why: "periodic check" });
    expect(await search(bot, "vorplex")).toContain("Vorplex at Scale");
    expect(await gauge(bot, `kubecon_source_refresh_total{source="${site.base}/feed.xml",result="ok"}`)).toBe(1);
    expect(await gauge(bot, `kubecon_source_refresh_total{source="${dead}",result="failed"}`)).toBe(1);
    expect(await gauge(bot, 'kubecon_recaps{origin="stored"}')).toBe(1);
    // A failing source is the source's problem, never the service's.
    expect((await fetch(bot.url("/readyz"))).status).toBe(200);
    expect(new Set(site.requests.map((r) => r.headers["user-agent"]))).toEqual(new Set([expect.stringMatching(/^kubecon-bot\/\S+ \(\+mailto:ops@example\.org\)$/)]));
  });
});
