import { SourceError } from "./source-error.js";
import { attributeOf, childOf, listOf, parseXml, textOf, type XmlNode } from "./xml.js";

/** One entry of a feed, whatever the feed's format. */
export interface FeedItem {
  /** The feed's own id of the item (RSS guid, Atom id, JSON Feed id), else its link. */
  id: string;
  /** Where the article is. */
  url: string;
  title: string;
  categories: string[];
  /** The article as the feed carries it (HTML), when it does: its full text or its summary. */
  html?: string;
  author?: string;
  published?: string;
}

const resolve = (href: string | undefined, base: string) => {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
};

function rssItems(channel: XmlNode | undefined, base: string, rdfItems?: XmlNode): FeedItem[] {
  return listOf(rdfItems ?? childOf(channel, "item")).flatMap((item) => {
    const url = resolve(textOf(childOf(item, "link")) ?? attributeOf(item, "about"), base);
    const guid = textOf(childOf(item, "guid"));
    if (!url) return [];
    const html = textOf(childOf(item, "encoded")) ?? textOf(childOf(item, "description"));
    const author = textOf(childOf(item, "creator")) ?? textOf(childOf(item, "author"));
    const published = textOf(childOf(item, "pubDate")) ?? textOf(childOf(item, "date"));
    return [{
      id: guid ?? url,
      url,
      title: textOf(childOf(item, "title")) ?? "",
      categories: listOf(childOf(item, "category")).map((c) => textOf(c)).filter((c): c is string => !!c),
      ...(html && { html }),
      ...(author && { author }),
      ...(published && { published }),
    }];
  });
}

function atomItems(feed: XmlNode | undefined, base: string): FeedItem[] {
  return listOf(childOf(feed, "entry")).flatMap((entry) => {
    const links = listOf(childOf(entry, "link"));
    const alternate = links.find((l) => (attributeOf(l, "rel") ?? "alternate") === "alternate") ?? links[0];
    const url = resolve(attributeOf(alternate, "href"), base);
    if (!url) return [];
    const html = textOf(childOf(entry, "content")) ?? textOf(childOf(entry, "summary"));
    const author = textOf(childOf(childOf(entry, "author"), "name"));
    const published = textOf(childOf(entry, "published")) ?? textOf(childOf(entry, "updated"));
    return [{
      id: textOf(childOf(entry, "id")) ?? url,
      url,
      title: textOf(childOf(entry, "title")) ?? "",
      categories: listOf(childOf(entry, "category")).map((c) => attributeOf(c, "term") ?? attributeOf(c, "label") ?? "").filter(Boolean),
      ...(html && { html }),
      ...(author && { author }),
      ...(published && { published }),
    }];
  });
}

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  tags?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  summary?: unknown;
  date_published?: unknown;
  authors?: unknown;
  author?: unknown;
}

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function jsonFeedItems(feed: { items?: unknown }, base: string): FeedItem[] {
  if (!Array.isArray(feed.items)) return [];
  return (feed.items as JsonFeedItem[]).flatMap((item) => {
    if (!item || typeof item !== "object") return [];
    const url = resolve(str(item.url) ?? str(item.external_url), base);
    if (!url) return [];
    const text = str(item.content_text);
    const html = str(item.content_html) ?? (text && `<pre>${escapeHtml(text)}</pre>`) ?? str(item.summary);
    const people = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
    const author = people.map((p) => str((p as { name?: unknown })?.name)).find(Boolean);
    const published = str(item.date_published);
    return [{
      id: str(item.id) ?? (typeof item.id === "number" ? String(item.id) : url),
      url,
      title: str(item.title) ?? "",
      categories: Array.isArray(item.tags) ? item.tags.map(str).filter((t): t is string => !!t) : [],
      ...(html && { html }),
      ...(author && { author }),
      ...(published && { published }),
    }];
  });
}

/** Whether a text is a JSON Feed (its version names the format). */
export function looksLikeJsonFeed(text: string): boolean {
  return /^\s*\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 2000));
}

/** The items of an RSS 2.0 (or 1.0), Atom or JSON Feed document; `address` resolves relative links and names it in errors. */
export function parseFeed(text: string, address: string): FeedItem[] {
  if (/^\s*\{/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SourceError(`${address} is not valid JSON.`);
    }
    if (!json || typeof json !== "object" || typeof (json as { version?: unknown }).version !== "string") {
      throw new SourceError(`${address} is JSON but not a JSON Feed (it names no version).`);
    }
    return jsonFeedItems(json as { items?: unknown }, address);
  }
  const xml = parseXml(text, address);
  if (xml.rss) return rssItems(childOf(xml.rss, "channel"), address);
  if (xml.RDF) return rssItems(undefined, address, childOf(xml.RDF, "item"));
  if (xml.feed) return atomItems(xml.feed, address);
  throw new SourceError(`${address} is XML but neither an RSS nor an Atom feed.`);
}
