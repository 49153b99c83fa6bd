import { describe, expect, it } from "vitest";
import { detectKind } from "../../src/sources/detect-kind.js";
import { parseFeed } from "../../src/sources/feed.js";
import { recapMatcher } from "../../src/sources/recap-match.js";
import { SourceError } from "../../src/sources/source-error.js";
import { spanOf } from "../../src/sources/status.js";
import { ATOM, BILLION_LAUGHS, JSON_FEED, rss } from "./fixtures.js";

const base = "https://blog.example";

describe("feeds", () => {
  it("reads RSS 2.0: link, guid, categories, author and the HTML of each item", () => {
    const items = parseFeed(rss([{ title: "Tom &amp; Jerry at KubeCon", link: "/posts/1", guid: "g-1", category: "kubernetes", description: "<p>Hello</p>" }]), base);
    expect(items).toEqual([{ id: "g-1", url: "https://blog.example/posts/1", title: "Tom & Jerry at KubeCon", categories: ["kubernetes"], html: "<p>Hello</p>", author: "Ada Fixture" }]);
  });

  it("reads Atom: the alternate link, the entry id, category terms, the author's name", () => {
    const [first, second] = parseFeed(ATOM(base), base);
    expect(first).toEqual({ id: "urn:uuid:1", url: "https://blog.example/posts/retour", title: "Retour de la KubeCon Europe 2026 & ses ateliers", categories: ["cloud"], html: "Mes notes.", author: "Zoé Exemple", published: "2026-04-05T10:00:00Z" });
    expect(second).toMatchObject({ html: "<p>Bug fixes.</p>" });
  });

  it("reads JSON Feed: tags, content_html or content_text, the first author", () => {
    const [first, second] = parseFeed(JSON_FEED(base), base);
    expect(first).toEqual({ id: "7", url: "https://blog.example/posts/json-one", title: "Week notes", categories: ["KubeCon"], html: "<p>Short.</p>", author: "Ida Json" });
    expect(second).toMatchObject({ html: "<pre>Tomatoes.</pre>" });
  });

  it("refuses XML that declares entities, before parsing it", () => {
    expect(() => parseFeed(BILLION_LAUGHS, base)).toThrow(SourceError);
    expect(() => parseFeed(BILLION_LAUGHS, base)).toThrow(/declares XML entities/);
  });

  it("says what is wrong with a document that is not a feed", () => {
    expect(() => parseFeed("<html><body>hi</body></html>", base)).toThrow(/neither an RSS nor an Atom feed/);
    expect(() => parseFeed('{"items": []}', base)).toThrow(/not a JSON Feed/);
    expect(() => parseFeed("<rss><channel>", base)).toThrow(/not well-formed XML/);
  });
});

describe("the kind of a source", () => {
  it("is read from its media type and its first bytes", () => {
    expect(detectKind("application/rss+xml", rss([]), base)).toBe("feed");
    expect(detectKind("text/xml", ATOM(base), base)).toBe("feed");
    expect(detectKind("application/json", JSON_FEED(base), base)).toBe("feed");
    expect(detectKind("application/xml", '<?xml version="1.0"?><sitemapindex><sitemap><loc>x</loc></sitemap></sitemapindex>', base)).toBe("sitemap");
    expect(detectKind("text/html; charset=utf-8", "<!doctype html><html></html>", base)).toBe("page");
    expect(detectKind("text/markdown", "# Notes", base)).toBe("page");
    expect(detectKind("text/plain", "# mine\nhttps://a.example/1\n\nhttps://b.example/2\n", base)).toBe("list");
    expect(detectKind("text/plain", "Notes from KubeCon\nhttps://a.example/1\n", base)).toBe("page");
    expect(() => detectKind("application/pdf", "%PDF", base)).toThrow(/application\/pdf, not a feed/);
  });
});

describe("whether an item is a recap", () => {
  const isRecap = recapMatcher();

  it("names the event in its title, a category or its opening, in any language", () => {
    expect(isRecap({ title: "KubeCon + CloudNativeCon Japan 2025 参加レポート" })).toBe(true);
    expect(isRecap({ title: "Retour sur la #KubeCon" })).toBe(true);
    expect(isRecap({ title: "Week notes", categories: ["Cloud Native Con"] })).toBe(true);
    expect(isRecap({ title: "Week notes", text: "<p>I spent the week at <b>KubeCon</b> in Paris.</p>" })).toBe(true);
  });

  it("does not take a word that only contains it, or a mention far down the text", () => {
    expect(isRecap({ title: "Sharing a kubeconfig safely" })).toBe(false);
    expect(isRecap({ title: "Gardening", text: `<p>${"Tomatoes. ".repeat(400)}</p><p>See you at KubeCon!</p>` })).toBe(false);
  });

  it("reads a keyword list of its own", () => {
    const custom = recapMatcher(["OSS Summit"]);
    expect(custom({ title: "Notes from OSS Summit 2026" })).toBe(true);
    expect(custom({ title: "Notes from KubeCon 2026" })).toBe(false);
  });
});

describe("a span of time in sources list", () => {
  it("is said in the largest unit it rounds to", () => {
    expect([59_000, 61_000, 59 * 60_000 + 50_000, 90 * 60_000, 47 * 3_600_000, 49 * 3_600_000].map(spanOf)).toEqual(["59 s", "1 min", "1 h", "2 h", "47 h", "2 days"]);
  });
});
