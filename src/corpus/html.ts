import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";
import { tagsOf } from "./source-front-matter.js";

/** What an HTML page gives besides its article: the facts its metadata states. */
export interface HtmlArticle {
  /** The article as Markdown: headings, lists, links and emphasis kept, the page around it gone. */
  markdown: string;
  title?: string;
  author?: string;
  /** ISO date the page says it was published, when it says. */
  published?: string;
  language?: string;
  /** The page's `article:tag` metadata, else its keywords. */
  tags: string[];
}

const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "*" });
// Forms, buttons and embedded media say nothing a reader keeps.
turndown.remove(["script", "style", "noscript", "iframe", "form", "button", "svg", "nav", "aside", "footer"]);
/** What the table rule reads of a row (the DOM's types are not part of the build's libraries). */
interface TableRow {
  closest(selector: string): { querySelector(selector: string): unknown } | null;
  children: { length: number };
}
// Tables as GitHub Markdown tables (Turndown alone writes each cell on a line of its own, which then
// reads as a heading): a cell's text on one line, the first row the header.
turndown.addRule("tableCell", {
  filter: ["th", "td"],
  replacement: (content) => ` ${content.replace(/\s*\n+\s*/g, " ").replace(/\|/g, "\\|").trim()} |`,
});
turndown.addRule("tableRow", {
  filter: "tr",
  replacement: (content, node) => {
    const row = node as unknown as TableRow;
    const header = row.closest("table")?.querySelector("tr") === row;
    return `\n|${content}${header ? `\n|${" --- |".repeat(row.children.length)}` : ""}`;
  },
});
turndown.addRule("table", { filter: "table", replacement: (content) => `\n\n${content.trim()}\n\n` });

/**
 * Embedded posts of social networks (someone else's words and a date) and the captions of images
 * (which are dropped): page furniture inside the article itself.
 */
const EMBEDS = "figcaption, blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.bluesky-embed, blockquote.mastodon-embed";

/**
 * The article of an HTML page (a saved page or a fetched one): Readability (Firefox's Reader View)
 * drops navigation, footers, comments, share buttons and related posts; Turndown writes what is left
 * as Markdown for the same parser as every other recap.
 */
export function htmlToArticle(html: string, url?: string): HtmlArticle {
  // linkedom makes a page's first element its root: a fragment (an exported post body) gets a page around it.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const meta = (name: string) =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content")?.trim() || undefined;
  const published = meta("article:published_time") ?? meta("date") ?? document.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined;
  const articleTags = [...document.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute("content") ?? "");
  const tags = tagsOf(articleTags.length ? articleTags : [meta("keywords")]);
  // "Title | by Jane Writer | Site": the page's own heading is the title without what the site adds.
  const heading = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
  for (const embed of document.querySelectorAll(EMBEDS)) embed.remove();
  // A heading's id is its own text as a slug ("…-sig-docs-community"): Readability reads ids as layout
  // names and drops a heading whose title holds "community", "social" or "menu". Layout is in classes.
  for (const heading of document.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")) heading.removeAttribute("id");
  const language = document.documentElement?.getAttribute("lang")?.slice(0, 2).toLowerCase() || undefined;
  if (url) {
    // Relative links of the page resolve against where it came from.
    for (const a of document.querySelectorAll("a[href]")) {
      try {
        a.setAttribute("href", new URL(a.getAttribute("href")!, url).href);
      } catch {
        // An href that is no URL stays as it is.
      }
    }
  }
  // The article stays a DOM node for Turndown: serialized, Turndown would parse it again (a third of its time).
  const article = new Readability<unknown>(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, serializer: (node) => node }).parse();
  const content = article?.content ?? document.body;
  const markdown = content ? turndown.turndown(content as TurndownService.Node).replace(/\n{3,}/g, "\n\n").trim() : "";
  return {
    markdown: `${markdown}\n`,
    tags,
    ...(article?.title && { title: heading && article.title.trim().startsWith(heading) ? heading : article.title.trim() }),
    ...((article?.byline?.trim() || meta("author")) && { author: (article?.byline?.trim() || meta("author"))!.replace(/^by\s+/i, "") }),
    ...(published && { published }),
    ...(language && /^[a-z]{2}$/.test(language) && { language }),
  };
}
