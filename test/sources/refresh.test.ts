import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseRecapFile } from "../../src/corpus/recap-file.js";
import { createLogger } from "../../src/log/logger.js";
import { addressPolicy } from "../../src/sources/address-policy.js";
import { PoliteFetcher, type Pace } from "../../src/sources/polite-fetch.js";
import { recapMatcher } from "../../src/sources/recap-match.js";
import { refreshSource, type RefreshContext } from "../../src/sources/refresh.js";
import type { RecapStore, Source, SourceKind } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { detectKind } from "../../src/sources/detect-kind.js";
import { sourceYields } from "../../src/sources/status.js";
import { ENTRIES, smallProgramme } from "../programme/small-programme.js";
import { BILLION_LAUGHS, OTHER_PAGE, recapPage, rss } from "./fixtures.js";
import { startSite } from "./site.js";

let site: Awaited<ReturnType<typeof startSite>>;
let dir: string;
let store: RecapStore;
let ctx: RefreshContext;
/** A clock that moves only when the fetcher waits: the test sees the waits without waiting. */
let pace: Pace & { slept: number[] };

beforeEach(async () => {
  site = await startSite();
  dir = mkdtempSync(join(tmpdir(), "kubecon-sources-"));
  store = openSqliteRecapStore(dir);
  let now = Date.parse("2026-04-06T12:00:00Z");
  pace = { slept: [], now: () => now, sleep: async (ms) => void (pace.slept.push(ms), (now += ms)) };
  // The site on 127.0.0.1 stands for a public one; every other loopback or private address stays private.
  const addresses = addressPolicy({ publicAddresses: ["127.0.0.1"] });
  ctx = {
    store,
    fetcher: new PoliteFetcher({ userAgent: "kubecon-bot/test (+https://example.org/kubecon-bot)", addresses, pace }),
    isRecap: recapMatcher(),
    now: () => new Date(pace.now()),
    logger: createLogger("silent"),
    intervalMs: 6 * 3_600_000,
  };
});

afterEach(async () => {
  await store.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

async function follow(path: string, kind: SourceKind, eventHint?: string): Promise<Source> {
  const { source } = await store.addSource({ url: `${site.base}${path}`, kind, addedBy: "test", addedAt: new Date(pace.now()), ...(eventHint && { eventHint }) });
  return source;
}
const reread = async (source: Source) => (await store.getSource(source.id))!;

const kubeconPage = (slug: string, note = "Gateway API replaced their ingress controllers in a quarter.") =>
  recapPage({ base: site.base, slug, title: "KubeCon + CloudNativeCon Europe 2026 Amsterdam: my notes", talk: "Gateway API in Production - Sam Doe, Acme", note });

function serveBlog(note?: string, updated?: string) {
  site.pages.set("/feed.xml", {
    type: "application/rss+xml",
    etag: `"feed-${updated ?? 1}"`,
    body: rss(
      [
        { title: "My KubeCon Europe 2026 notes", link: `${site.base}/posts/kubecon`, guid: "post-17" },
        { title: "Our new office", link: `${site.base}/posts/office`, guid: "post-18", category: "news" },
      ],
      updated,
    ),
  });
  site.pages.set("/posts/kubecon", { body: kubeconPage("kubecon", note), etag: `"page-${note ? note.length : 0}"` });
  site.pages.set("/posts/office", { body: OTHER_PAGE, etag: '"office"' });
}

describe("refreshing a feed", () => {
  it("stores the items that name the event, read as ingest reads them, and leaves the others", async () => {
    serveBlog();
    const report = await refreshSource(await follow("/feed.xml", "feed"), ctx);
    expect(report.result).toBe("ok");
    expect(report.items.map((i) => [i.url, i.outcome])).toEqual([[`${site.base}/posts/kubecon`, "added"]]);
    const [stored] = await store.listRecaps();
    expect(stored).toMatchObject({ url: `${site.base}/posts/kubecon`, canonicalUrl: `${site.base}/posts/kubecon`, title: "My KubeCon Europe 2026 notes", eventId: "eu-2026", etag: '"page-0"' });
    const recap = parseRecapFile("x.md", stored!.document);
    expect(recap).toMatchObject({ event: "KubeCon + CloudNativeCon Europe 2026", year: 2026, author: "Ada Fixture", source: `${site.base}/posts/kubecon` });
    expect(recap.body).toContain("Gateway API in Production - Sam Doe, Acme");
    expect(site.requests.some((r) => r.path === "/posts/office")).toBe(false);
  });

  it("asks again with conditional requests only, and stores nothing new", async () => {
    serveBlog();
    const source = await follow("/feed.xml", "feed");
    await refreshSource(source, ctx);
    const first = site.requests.length;
    const second = await refreshSource(await reread(source), ctx);
    expect(second).toMatchObject({ result: "not-modified", items: [] });
    const again = site.requests.slice(first);
    expect(again.map((r) => r.path)).toEqual(["/feed.xml"]);
    expect(again.every((r) => r.headers["if-none-match"] === '"feed-1"')).toBe(true);
    expect(await store.listRecaps()).toHaveLength(1);
    expect(await reread(source)).toMatchObject({ lastResult: "not-modified", failures: 0 });
  });

  it("asks for an unchanged item conditionally when the feed changed, and stores nothing new", async () => {
    serveBlog();
    const source = await follow("/feed.xml", "feed");
    await refreshSource(source, ctx);
    serveBlog(undefined, "Tue, 07 Apr 2026 10:00:00 GMT");
    const first = site.requests.length;
    const report = await refreshSource(await reread(source), ctx);
    expect(report.items.map((i) => i.outcome)).toEqual(["not-modified"]);
    const itemRequest = site.requests.slice(first).find((r) => r.path === "/posts/kubecon");
    expect(itemRequest?.headers["if-none-match"]).toBe('"page-0"');
    expect(await store.listRecaps()).toHaveLength(1);
  });

  it("replaces the stored version of an item edited upstream", async () => {
    serveBlog();
    const source = await follow("/feed.xml", "feed");
    await refreshSource(source, ctx);
    const [before] = await store.listRecaps();
    serveBlog("Edited: they moved to Gateway API over two quarters, not one.", "Wed, 08 Apr 2026 10:00:00 GMT");
    const report = await refreshSource(await reread(source), ctx);
    expect(report.items.map((i) => i.outcome)).toEqual(["changed"]);
    const after = await store.listRecaps();
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before!.id);
    expect(after[0]!.document).toContain("over two quarters");
    expect(after[0]!.document).not.toContain("in a quarter.");
  });

  it("keeps a recap whose item has left the feed", async () => {
    serveBlog();
    const source = await follow("/feed.xml", "feed");
    await refreshSource(source, ctx);
    site.pages.set("/feed.xml", { type: "application/rss+xml", etag: '"empty"', body: rss([]) });
    expect((await refreshSource(await reread(source), ctx)).result).toBe("ok");
    expect(await store.listRecaps()).toHaveLength(1);
  });

  it("waits a second between two requests to one host, and sends its User-Agent", async () => {
    serveBlog();
    await refreshSource(await follow("/feed.xml", "feed"), ctx);
    // robots.txt, the feed, the item: three requests, each a second after the one before.
    expect(pace.slept).toEqual([1000, 1000]);
    expect(site.requests.map((r) => r.path)).toEqual(["/robots.txt", "/feed.xml", "/posts/kubecon"]);
    expect(new Set(site.requests.map((r) => r.headers["user-agent"]))).toEqual(new Set(["kubecon-bot/test (+https://example.org/kubecon-bot)"]));
  });
});

describe("other kinds of source", () => {
  it("reads a sitemap index, and takes the pages whose address and text name the event", async () => {
    site.pages.set("/sitemap.xml", {
      type: "application/xml",
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.base}/sitemap-posts.xml</loc></sitemap></sitemapindex>`,
    });
    site.pages.set("/sitemap-posts.xml", {
      type: "application/xml",
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site.base}/2026/kubecon-eu-recap</loc></url><url><loc>${site.base}/2026/kubecon-eu-travel</loc></url><url><loc>${site.base}/2026/office</loc></url></urlset>`,
    });
    site.pages.set("/2026/kubecon-eu-recap", { body: kubeconPage("2026/kubecon-eu-recap") });
    site.pages.set("/2026/kubecon-eu-travel", { body: OTHER_PAGE });
    const report = await refreshSource(await follow("/sitemap.xml", "sitemap"), ctx);
    expect(report.items.map((i) => [new URL(i.url).pathname, i.outcome])).toEqual([
      ["/2026/kubecon-eu-recap", "added"],
      ["/2026/kubecon-eu-travel", "skipped"],
    ]);
    expect(site.requests.some((r) => r.path === "/2026/office")).toBe(false);
  });

  it("takes every page of a list, and stores a recap reached under two addresses once (its canonical link)", async () => {
    site.pages.set("/list.txt", { type: "text/plain", body: `# recaps\n${site.base}/posts/a\n${site.base}/posts/a?utm_source=list\n` });
    site.pages.set("/posts/a", { body: kubeconPage("a") });
    site.pages.set("/posts/a?utm_source=list", { body: kubeconPage("a") });
    const report = await refreshSource(await follow("/list.txt", "list"), ctx);
    expect(report.items.map((i) => i.outcome)).toEqual(["added", "unchanged"]);
    expect(await store.listRecaps()).toHaveLength(1);
  });

  it("stores a single page, its event from the source's hint when the page names none", async () => {
    site.pages.set("/notes", {
      type: "text/markdown",
      body: "# Notes from the conference\n\n## Gateway API in Production - Sam Doe, Acme\n\n- They moved in a quarter.\n\n## Cost Dashboards Nobody Reads - Lee Park, Example Corp\n\n- A weekly digest works.\n",
    });
    const report = await refreshSource(await follow("/notes", "page", "KubeCon EU 2026"), ctx);
    expect(report.items.map((i) => i.outcome)).toEqual(["added"]);
    const [stored] = await store.listRecaps();
    expect(parseRecapFile("x.md", stored!.document)).toMatchObject({ event: "KubeCon + CloudNativeCon Europe 2026", eventId: "eu-2026", year: 2026 });
  });
});

describe("hostile sources are refused, and nothing is stored", () => {
  async function refused(path: string, kind: SourceKind = "feed") {
    const source = await follow(path, kind);
    const report = await refreshSource(source, ctx);
    expect(await store.listRecaps()).toEqual([]);
    expect(await reread(source)).toMatchObject({ lastResult: report.result, failures: 1 });
    return report;
  }

  it("a feed declaring XML entities (billion laughs)", async () => {
    site.pages.set("/bomb.xml", { type: "application/rss+xml", body: BILLION_LAUGHS });
    expect(await refused("/bomb.xml")).toMatchObject({ result: "refused", error: expect.stringContaining("declares XML entities") });
  });

  it("a 100 MB feed, sent without a length", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "a");
    site.pages.set("/huge.xml", {
      stream: (response) => {
        response.writeHead(200, { "content-type": "application/rss+xml" });
        let sent = 0;
        const more = () => {
          while (sent < 100 && response.write(chunk)) sent++;
          if (sent >= 100) response.end();
          else response.once("drain", more);
        };
        response.on("close", () => (sent = 100));
        more();
      },
    });
    expect(await refused("/huge.xml")).toMatchObject({ result: "refused", error: expect.stringContaining("larger than 5 MB") });
  });

  it("a redirect loop", async () => {
    site.pages.set("/a", { location: "/b" });
    site.pages.set("/b", { location: "/a" });
    expect(await refused("/a")).toMatchObject({ result: "refused", error: expect.stringContaining("redirects in a loop") });
  });

  it("a redirect from a public source to a loopback address", async () => {
    const port = new URL(site.base).port;
    site.pages.set("/moved.xml", { location: `http://127.0.0.2:${port}/feed.xml` });
    expect(await refused("/moved.xml")).toMatchObject({ result: "refused", error: expect.stringContaining("127.0.0.2:" + port + ", a private or loopback address") });
    expect(site.requests.map((r) => r.path)).toEqual(["/robots.txt", "/moved.xml"]);
  });

  it("an item that is not HTML, Markdown or text", async () => {
    site.pages.set("/feed.xml", { type: "application/rss+xml", body: rss([{ title: "KubeCon EU 2026 slides", link: `${site.base}/slides.pdf` }]) });
    site.pages.set("/slides.pdf", { type: "application/pdf", body: Buffer.from("%PDF-1.7") });
    const report = await refreshSource(await follow("/feed.xml", "feed"), ctx);
    expect(report.items).toEqual([{ url: `${site.base}/slides.pdf`, outcome: "skipped", reason: expect.stringContaining("application/pdf, not a web page, Markdown or text") }]);
    expect(await store.listRecaps()).toEqual([]);
  });

  it("a page whose bytes are not in the charset it declares, or in a charset no one reads", async () => {
    site.pages.set("/latin.html", { type: "text/html; charset=utf-8", body: Buffer.from(kubeconPage("latin").replace("Amsterdam", "Amsterdam café"), "latin1") });
    expect(await refused("/latin.html", "page")).toMatchObject({ result: "refused", error: expect.stringContaining("not valid utf-8 text (a wrong charset)") });
    site.pages.set("/klingon.html", { type: "text/html; charset=x-klingon", body: kubeconPage("k") });
    expect(await refused("/klingon.html", "page")).toMatchObject({ result: "refused", error: expect.stringContaining("charset “x-klingon”, which cannot be read") });
  });

  it("a page robots.txt disallows", async () => {
    site.pages.set("/robots.txt", { type: "text/plain", body: "User-agent: kubecon-bot\nDisallow: /private/\n" });
    site.pages.set("/private/notes", { body: kubeconPage("private/notes") });
    expect(await refused("/private/notes", "page")).toMatchObject({ error: expect.stringContaining("disallowed by its site's robots.txt") });
    expect(site.requests.map((r) => r.path)).toEqual(["/robots.txt"]);
  });
});

describe("a source that fails", () => {
  it("is tried again after a backoff that doubles, and its error is kept", async () => {
    const source = await follow("/gone.xml", "feed");
    site.pages.set("/gone.xml", { status: 503, body: "busy", type: "text/plain" });
    await refreshSource(source, ctx);
    const once = await reread(source);
    expect(once).toMatchObject({ lastResult: "failed", failures: 1, lastError: expect.stringContaining("answered 503") });
    expect(once.nextAttemptAt!.getTime() - once.lastRefreshAt!.getTime()).toBe(5 * 60_000);
    await refreshSource(once, ctx);
    const twice = await reread(source);
    expect(twice.nextAttemptAt!.getTime() - twice.lastRefreshAt!.getTime()).toBe(10 * 60_000);
  });
});

describe("a source of kind programme (a schedule site's iCalendar export)", () => {
  it("stores the event's programme, asks again conditionally, and a re-export's cancelled session is removed", async () => {
    site.pages.set("/all.ics", { type: "text/calendar; charset=utf-8", etag: '"v1"', body: smallProgramme() });
    const source = await follow("/all.ics", "programme", "KubeCon EU 2026");
    expect(await refreshSource(source, ctx)).toMatchObject({ result: "ok", items: [{ outcome: "added", title: "KubeCon + CloudNativeCon Europe 2026: 8 talks" }] });
    expect(await store.listProgramme("eu-2026")).toHaveLength(8);
    expect(await refreshSource(await reread(source), ctx)).toMatchObject({ result: "not-modified" });
    expect(site.requests.at(-1)?.headers["if-none-match"]).toBe('"v1"');
    const cancelled = ENTRIES.map((e) => (e.uid === "midnight-hack" ? { ...e, status: "CANCELLED" } : e));
    site.pages.set("/all.ics", { type: "text/calendar; charset=utf-8", etag: '"v2"', body: smallProgramme(cancelled) });
    expect(await refreshSource(await reread(source), ctx)).toMatchObject({ result: "ok", items: [{ outcome: "changed" }] });
    expect((await store.listProgramme("eu-2026")).map((s) => s.uid)).not.toContain("midnight-hack");
    // "sources list" counts what a programme gave in sessions, what a feed gave in recaps.
    const yields = await sourceYields(store, [await reread(source)]);
    expect(yields(await reread(source))).toBe("7 sessions");
  });

  it("is refused when what it serves is no programme, and detected as one from its first line", async () => {
    site.pages.set("/notes.ics", { type: "text/calendar", body: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" });
    expect(await refreshSource(await follow("/notes.ics", "programme"), ctx)).toMatchObject({ result: "refused", error: expect.stringContaining("does not say which KubeCon") });
    expect(detectKind("text/plain", smallProgramme(), "x")).toBe("programme");
    expect(detectKind("text/calendar", "", "x")).toBe("programme");
  });
});
