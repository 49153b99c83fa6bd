import { looksLikeJsonFeed } from "./feed.js";
import { SOURCE_KINDS, type SourceKind } from "../store/recap-store.js";
import { SourceError } from "./source-error.js";

export { SOURCE_KINDS };

const mediaType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();

/** Whether every line with text is an address: a plain list of URLs. */
const isUrlList = (text: string) => {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  return lines.length > 0 && lines.every((l) => /^https?:\/\/\S+$/i.test(l));
};

/** The kind of a fetched source, from its media type and its first bytes. */
export function detectKind(contentType: string, text: string, address: string): SourceKind {
  const type = mediaType(contentType);
  if (type === "text/calendar" || /^\s*BEGIN:VCALENDAR\r?\n/i.test(text)) return "programme";
  if (type === "application/feed+json" || looksLikeJsonFeed(text)) return "feed";
  const root = /<(?:[\w-]+:)?(rss|feed|RDF|urlset|sitemapindex)\b/.exec(text.slice(0, 4000).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""))?.[1];
  if (root === "urlset" || root === "sitemapindex") return "sitemap";
  if (root && type !== "text/html") return "feed";
  if (type === "text/html" || type === "application/xhtml+xml" || type === "text/markdown" || type === "text/x-markdown") return "page";
  if (type === "text/plain" || type === "") return isUrlList(text) ? "list" : "page";
  throw new SourceError(`${address} is ${type}, not a feed, a sitemap, a web page, a list of addresses or a programme (iCalendar).`);
}
