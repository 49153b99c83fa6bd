import type { SourceKind } from "../store/recap-store.js";
import { parseFeed } from "./feed.js";
import type { RecapClues } from "./recap-match.js";
import { parseSitemap } from "./sitemap.js";
import { parseUrlList } from "./url-list.js";

/** A page a source points at: where it is, and what the source said of it. */
export interface SourceItem {
  url: string;
  /** The feed's own id of the item: the recap's name whatever address serves it. */
  id?: string;
  title?: string;
  author?: string;
  /** The page must itself name the event once fetched (a sitemap's pages); a feed's items were judged by the feed. */
  judgeFetched: boolean;
}

/** Sitemap index files followed from one source, at most: a site's index lists its parts, not thousands of them. */
export const MAX_SITEMAPS = 20;

export interface ItemsOptions {
  isRecap: (clues: RecapClues) => boolean;
  /** Fetches a further sitemap of an index (politely, as the source itself was). */
  fetchSitemap: (url: string) => Promise<string | undefined>;
}

/** A page's address as words, for judging a sitemap's pages before fetching them ("/2026/04/kubecon-eu-recap" → "2026 04 kubecon eu recap"). */
const addressWords = (url: string) => decodeURIComponent(new URL(url).pathname).replace(/[/_.-]+/g, " ");

/**
 * The pages of a source that may be recaps: a feed's items whose title, categories or opening name
 * the event; a sitemap's pages whose address does (all of its index's sitemaps followed); every
 * address of a list. (A page source is its own recap: see `refresh`.)
 */
export async function sourceItems(kind: Exclude<SourceKind, "page">, text: string, address: string, options: ItemsOptions): Promise<SourceItem[]> {
  if (kind === "feed") {
    return parseFeed(text, address)
      .filter((item) => options.isRecap({ title: item.title, categories: item.categories, text: item.html }))
      .map((item) => ({ url: item.url, id: item.id, title: item.title, ...(item.author && { author: item.author }), judgeFetched: false }));
  }
  if (kind === "list") return parseUrlList(text, address).map((url) => ({ url, judgeFetched: false }));
  {
    const pages: string[] = [];
    const queue = [{ url: address, text }];
    const seen = new Set([address]);
    while (queue.length) {
      const next = queue.shift()!;
      const sitemap = parseSitemap(next.text, next.url);
      pages.push(...sitemap.pages.map((p) => p.url).filter((url) => options.isRecap({ title: addressWords(url) })));
      for (const url of sitemap.sitemaps) {
        if (seen.has(url) || seen.size >= MAX_SITEMAPS) continue;
        seen.add(url);
        const further = await options.fetchSitemap(url);
        if (further !== undefined) queue.push({ url, text: further });
      }
    }
    return [...new Set(pages)].map((url) => ({ url, judgeFetched: true }));
  }
}
