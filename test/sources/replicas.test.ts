import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBotData } from "../../src/app/load-bot.js";
import { StoredRecaps } from "../../src/app/stored-recaps.js";
import type { CommandContext } from "../../src/commands/context.js";
import { createBot, type LoadedBot } from "../../src/commands/create-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { addressPolicy } from "../../src/sources/address-policy.js";
import { refreshUnderLease } from "../../src/sources/refresh-run.js";
import { RefreshScheduler } from "../../src/sources/refresh-scheduler.js";
import { refreshContext } from "../../src/sources/refresher.js";
import { openRecapStore } from "../../src/store/open-store.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { postgresServer } from "../store/postgres-env.js";
import { recapPage, rss } from "./fixtures.js";
import { startSite } from "./site.js";

const postgres = postgresServer();
const logger = createLogger("silent");
const CLI: CommandContext = { platform: "cli", userId: "u", channelId: "c", can: { manageChannel: true, channelPosts: false } };
let site: Awaited<ReturnType<typeof startSite>>;
const stores: RecapStore[] = [];

beforeAll(async () => {
  site = await startSite();
  site.pages.set("/feed.xml", { type: "application/rss+xml", etag: '"1"', body: rss([{ title: "KubeCon EU 2026: Zephyrmesh notes", link: `${site.base}/posts/zephyrmesh` }]) });
  site.pages.set("/posts/zephyrmesh", {
    body: recapPage({ base: site.base, slug: "zephyrmesh", title: "KubeCon Europe 2026: Zephyrmesh notes", talk: "Zephyrmesh in Production - Sam Doe, Acme", note: "Zephyrmesh routes every request through one proxy a node." }),
  });
});
afterAll(async () => {
  for (const store of stores) await store.close();
  await site?.close();
});

async function open(url: string): Promise<RecapStore> {
  const store = openRecapStore({ databaseUrl: url, dataDir: "/nonexistent/never-created", logger });
  stores.push(store);
  await store.ready();
  return store;
}

describe("two replicas on one PostgreSQL", () => {
  it("one refreshes the sources, the other answers a search for the new recap without being asked to reload; a second refresh is conditional, an edit upstream replaces the recap", async () => {
    const url = await postgres.server().createDatabase("kubecon_sources_replicas");
    const [refreshing, serving] = [await open(url), await open(url)];

    // The serving replica: the shipped recaps plus the stored ones, rebuilt whenever the store says they moved.
    const stored = new StoredRecaps(serving, logger);
    const build = async () => createBot(await loadBotData({ corpusDir: "data/recaps", logger, stored: await stored.read() }), { logger });
    let bot: LoadedBot = await build();
    const found = (query: string) => bot.run(query, CLI).then((reply) => reply.card.items?.[0]?.title);
    expect(await found("zephyrmesh")).toBeUndefined();
    let learned!: (why: string) => void;
    const rebuilt = new Promise<string>((resolve) => (learned = resolve));
    const stop = stored.follow(async (why) => {
      bot = await build();
      learned(why);
    }, 60_000);

    // The refreshing replica: the schedule's look for due sources, under the lease.
    await refreshing.addSource({ url: `${site.base}/feed.xml`, kind: "feed", addedBy: "test", addedAt: new Date() });
    const ctx = refreshContext({ store: refreshing, logger, intervalMs: 3_600_000, addresses: addressPolicy({ publicAddresses: ["127.0.0.1"] }), pace: { now: () => Date.now(), sleep: async () => {} } });
    await new RefreshScheduler(ctx).tick();

    // Told by NOTIFY, long before the 60 s periodic check.
    expect(await rebuilt).not.toBe("periodic check");
    expect(await found("zephyrmesh")).toBe("Zephyrmesh in Production");
    const [first] = await serving.listRecaps();

    // A second refresh: one conditional request for the feed, answered 304; nothing stored, nothing announced.
    const revision = await serving.revision();
    const asked = site.requests.length;
    await refreshUnderLease(ctx, "test", { all: true });
    expect(site.requests.slice(asked).map((r) => [r.path, r.headers["if-none-match"]])).toEqual([["/feed.xml", '"1"']]);
    expect(await serving.revision()).toBe(revision);

    // The item edited upstream: the stored version is replaced (same id), and the serving replica answers from the new text.
    const edited = new Promise<string>((resolve) => (learned = resolve));
    site.pages.set("/feed.xml", { type: "application/rss+xml", etag: '"2"', body: rss([{ title: "KubeCon EU 2026: Zephyrmesh notes", link: `${site.base}/posts/zephyrmesh` }], "Tue, 07 Apr 2026 10:00:00 GMT") });
    site.pages.set("/posts/zephyrmesh", {
      body: recapPage({ base: site.base, slug: "zephyrmesh", title: "KubeCon Europe 2026: Zephyrmesh notes", talk: "Zephyrmesh in Production - Sam Doe, Acme", note: "Zephyrmesh now shards its control plane by quillet." }),
    });
    const [report] = (await refreshUnderLease(ctx, "test", { all: true }))!;
    expect(report!.items.map((item) => item.outcome)).toEqual(["changed"]);
    await edited;
    await stop();
    expect((await serving.listRecaps()).map((recap) => recap.id)).toEqual([first!.id]);
    expect(await found("quillet")).toBe("Zephyrmesh in Production");
  });
});
