import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { plain, type Reply } from "../../src/cards/card.js";
import { loadBot } from "../../src/app/load-bot.js";
import type { CommandContext } from "../../src/commands/context.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { formatRecapFile } from "../../src/corpus/recap-file.js";
import { dailyCommands } from "../../src/daily/commands.js";
import { NewsPoster } from "../../src/daily/news.js";
import { createLogger } from "../../src/log/logger.js";
import { contentHash } from "../../src/store/content-hash.js";
import type { RecapStore } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { FakeClock, RecordingPoster, permanent, subscriptionSettings, tempStore, transient } from "./helpers.js";

const slack: CommandContext = { platform: "slack", userId: "U1", channelId: "C1", spaceId: "T1", can: { manageChannel: true, channelPosts: true } };
const text = (reply: Reply) => [reply.card.title, reply.card.notice, ...(reply.card.body ?? []).map((p) => plain(p.text))].filter(Boolean).join("\n");

const BODY = "## Gateway API in Production - Sam Doe, Acme\n\n- They moved in a quarter.\n\n## Cost Dashboards Nobody Reads - Lee Park, Example Corp\n\n- A weekly digest works.\n";

let env: ReturnType<typeof tempStore>;
let recaps: RecapStore;
let clock: FakeClock;
let poster: RecordingPoster;
let news: NewsPoster;

/** Stores a recap the way a refresh does, at the clock's time. */
async function store(title: string, url: string) {
  const document = formatRecapFile({ id: "notes", title, event: "KubeCon + CloudNativeCon Europe 2026", event_id: "eu-2026", year: 2026, language: "en", author: "Ada Fixture", source: url, tags: [] }, BODY + title);
  return (await recaps.putRecap({ url, document, title, eventId: "eu-2026", language: "en", contentType: "text/markdown", contentHash: contentHash(BODY + title), fetchedAt: clock.now() })).recap;
}

beforeEach(() => {
  env = tempStore();
  recaps = openSqliteRecapStore(env.dir);
  clock = new FakeClock("2026-04-06T10:00:00Z");
  poster = new RecordingPoster(clock, { findable: true });
  news = new NewsPoster({ store: env.store, recaps, posters: { slack: poster }, topics: [], clock, logger: createLogger("silent") });
});

afterEach(async () => {
  await recaps.close();
  await env.cleanup();
});

describe("daily news on|off", () => {
  let bot: LoadedBot;
  beforeEach(async () => {
    bot = await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent"), commands: (data) => dailyCommands({ store: () => env.store, clock, takeaways: () => data.takeaways(), topics: data.topics }) });
  });

  it("needs daily posts first, then turns the news on and off, publicly, and daily status says so", async () => {
    expect(text(await bot.run("daily news on", slack))).toContain("turn those on first with daily on, then daily news on");
    await bot.run("daily on", slack);
    const on = await bot.run("daily news on", slack);
    expect(on).toMatchObject({ visibility: "public", card: { title: "New recaps are on" } });
    expect((await env.store.getSubscription("slack:C1"))?.newsSince).toEqual(clock.now());
    expect((await bot.run("daily status", slack)).card.fields).toContainEqual({ label: "New recaps", value: "posted here (daily news off stops them)", inline: true });
    expect((await bot.run("daily news off", slack)).card.title).toBe("New recaps are off");
    expect((await env.store.getSubscription("slack:C1"))?.newsSince).toBeUndefined();
    expect(text(await bot.run("daily news maybe", slack))).toContain("daily news on posts each new recap here");
    expect((await bot.run("daily news on", { ...slack, can: { manageChannel: false, channelPosts: true } })).isError).toBe(true);
  });
});

describe("new recap posts", () => {
  it("posts each recap stored since the channel opted in, once, with its event, author and talks", async () => {
    await store("An older recap", "https://blog.example/old");
    await env.store.saveSubscription(subscriptionSettings());
    clock.set("2026-04-06T11:00:00Z");
    await env.store.setNews("slack:C1", clock.now());
    await env.store.saveSubscription(subscriptionSettings({ id: "slack:C2", channelId: "C2" }));
    clock.set("2026-04-06T12:00:00Z");
    await store("KubeCon EU 2026: my notes", "https://blog.example/new");

    expect(await news.tick()).toBe(1);
    expect(await news.tick()).toBe(0);
    // Another replica, with a memory of its own, posts nothing again.
    expect(await new NewsPoster({ store: env.store, recaps, posters: { slack: poster }, topics: [], clock, logger: createLogger("silent") }).tick()).toBe(0);
    expect(poster.deliveries).toHaveLength(1);
    const [{ channelId, card }] = poster.deliveries as [(typeof poster.deliveries)[0]];
    expect(channelId).toBe("C1");
    expect(card).toMatchObject({ title: "New recap: KubeCon EU 2026: my notes", subtitle: "KubeCon + CloudNativeCon Europe 2026 · by Ada Fixture", link: { label: "Read the recap", url: "https://blog.example/new" } });
    expect(card.body!.map((p) => plain(p.text))).toEqual(["Gateway API in Production — Sam Doe, Acme", "Cost Dashboards Nobody Reads — Lee Park, Example Corp"]);
  });

  it("retries a failed post with the same claim id, finds one that arrived before re-sending, and gives up on a channel gone", async () => {
    await env.store.saveSubscription(subscriptionSettings());
    await env.store.setNews("slack:C1", clock.now());
    await store("KubeCon EU 2026: my notes", "https://blog.example/new");
    // Delivered, but the answer was lost: the retry finds it instead of posting twice.
    poster.delivered = true;
    poster.failWith = (attempt) => (attempt === 1 ? new Error("socket hang up") : undefined);
    expect(await news.tick()).toBe(0);
    clock.set("2026-04-06T10:05:00Z");
    expect(await news.tick()).toBe(0);
    expect(poster.attempts).toHaveLength(1);
    clock.set("2026-04-06T10:11:00Z");
    await news.tick();
    expect(poster.lookups).toHaveLength(1);
    expect(poster.attempts).toHaveLength(1);
    expect(poster.deliveries).toHaveLength(1);

    poster.delivered = false;
    poster.failWith = () => permanent();
    await store("KubeCon EU 2026: more notes", "https://blog.example/more");
    await news.tick();
    clock.set("2026-04-06T11:00:00Z");
    await news.tick();
    expect(poster.attempts).toHaveLength(2);

    poster.failWith = () => transient();
    await store("KubeCon EU 2026: even more", "https://blog.example/even");
    for (let minutes = 0; minutes < 120; minutes += 11) {
      clock.set(new Date(Date.parse("2026-04-06T11:00:00Z") + minutes * 60_000));
      await news.tick();
    }
    expect(poster.attempts).toHaveLength(2 + 5);
  });
});
