import { parseHTML } from "linkedom";
import { composeRecap } from "../corpus/ingest.js";
import { kindOf } from "../corpus/fetch-source.js";
import type { Recap } from "../corpus/section.js";
import { contentHash } from "../store/content-hash.js";
import type { RecapInput, Source } from "../store/recap-store.js";
import type { Fetched } from "./polite-fetch.js";
import { SourceError } from "./source-error.js";
import type { SourceItem } from "./source-items.js";

/** The `<link rel="canonical">` of a page, resolved against its address. */
function canonicalLink(html: string, url: string): string | undefined {
  const href = parseHTML(html).document.querySelector('link[rel~="canonical"][href]')?.getAttribute("href");
  if (!href) return undefined;
  try {
    return new URL(href, url).href;
  } catch {
    return undefined;
  }
}

/**
 * A fetched page as the recap the store keeps: read as `kubecon ingest` reads it (the source's
 * event hint standing for an event the text does not name), named by its canonical link or its
 * feed item's id, hashed by its text. A page that is not HTML, Markdown or text is refused.
 */
export function recapOfPage(page: Extract<Fetched, { status: "fetched" }>, item: SourceItem, source: Source, now: Date): { input: RecapInput; recap: Recap } {
  const kind = kindOf(page.contentType, new URL(page.url));
  if (!kind) throw new SourceError(`${page.url} is ${page.contentType.split(";")[0] || "of no stated type"}, not a web page, Markdown or text: refused.`);
  const { recap, content, guesses } = composeRecap(
    { text: page.text, kind, url: page.url },
    { ...(source.eventHint && { eventHint: source.eventHint }), ...(item.title && { title: item.title }), ...(item.author && { author: item.author }) },
    [],
    page.url,
  );
  const canonicalUrl = (kind === "html" ? canonicalLink(page.text, page.url) : undefined) ?? item.id;
  const eventKnown = !guesses.some((guess) => guess.startsWith("event id"));
  return {
    recap,
    input: {
      url: page.url,
      ...(canonicalUrl && { canonicalUrl }),
      sourceId: source.id,
      document: content,
      title: recap.title,
      ...(eventKnown && { eventId: recap.eventId }),
      language: recap.language,
      contentType: page.contentType.split(";")[0]!.trim() || "text/plain",
      ...(page.validators.etag && { etag: page.validators.etag }),
      ...(page.validators.lastModified && { lastModified: page.validators.lastModified }),
      contentHash: contentHash(recap.body),
      fetchedAt: now,
    },
  };
}
