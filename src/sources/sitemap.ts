import { SourceError } from "./source-error.js";
import { childOf, listOf, parseXml, textOf } from "./xml.js";

export interface Sitemap {
  /** The pages it lists. */
  pages: { url: string; modified?: string }[];
  /** The further sitemaps a sitemap index lists. */
  sitemaps: string[];
}

const locations = (nodes: ReturnType<typeof listOf>, base: string) =>
  nodes.flatMap((node) => {
    const loc = textOf(childOf(node, "loc"));
    if (!loc) return [];
    try {
      const url = new URL(loc, base);
      if (url.protocol !== "http:" && url.protocol !== "https:") return [];
      const modified = textOf(childOf(node, "lastmod"));
      return [{ url: url.href, ...(modified && { modified }) }];
    } catch {
      return [];
    }
  });

/** A sitemap (`<urlset>`) or a sitemap index (`<sitemapindex>`). */
export function parseSitemap(text: string, address: string): Sitemap {
  const xml = parseXml(text, address);
  if (xml.urlset !== undefined) return { pages: locations(listOf(childOf(xml.urlset, "url")), address), sitemaps: [] };
  if (xml.sitemapindex !== undefined) return { pages: [], sitemaps: locations(listOf(childOf(xml.sitemapindex, "sitemap")), address).map((s) => s.url) };
  throw new SourceError(`${address} is XML but not a sitemap.`);
}
