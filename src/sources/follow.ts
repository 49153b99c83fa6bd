import { eventNamedIn } from "../corpus/event.js";
import type { RecapStore, Source, SourceKind } from "../store/recap-store.js";
import { detectKind, SOURCE_KINDS } from "./detect-kind.js";
import type { RefreshContext } from "./refresh.js";
import { SourceError } from "./source-error.js";

export interface FollowRequest {
  url: string;
  /** Detected from what the address serves when not given. */
  kind?: string;
  eventHint?: string;
  addedBy: string;
}

const ANY_KIND = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, text/calendar;q=0.8, text/plain;q=0.5";

/**
 * An address to follow: http(s), with a host, without credentials (they would be stored and shown).
 * One pair of angle brackets around it, as text delimits an address (and chat apps wrap one), is not part of it.
 */
function checkedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim().replace(/^<(.*)>$/s, "$1"));
  } catch {
    throw new SourceError(`“${text.slice(0, 80)}” is not an address: give one like https://blog.example/feed.xml`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceError("Only http:// and https:// addresses can be followed.");
  if (url.username || url.password) throw new SourceError("Give the address without a user name or password in it.");
  url.hash = "";
  return url.href;
}

/**
 * Starts following a source: its address checked, its event hint naming an event and a year, its
 * kind given or read from what it serves (fetched once, as a refresh would). An address followed
 * already is returned as it is.
 */
export async function followSource(request: FollowRequest, ctx: Pick<RefreshContext, "store" | "fetcher" | "now">): Promise<{ source: Source; added: boolean }> {
  const url = checkedUrl(request.url);
  if (request.kind !== undefined && !(SOURCE_KINDS as readonly string[]).includes(request.kind)) {
    throw new SourceError(`The kind of a source is ${SOURCE_KINDS.join(", ")}, not “${request.kind.slice(0, 20)}” (leave it out to detect it).`);
  }
  const hint = request.eventHint?.trim();
  if (hint && !eventNamedIn(hint)) {
    throw new SourceError(`The event hint names the event and its year, like “KubeCon EU 2026”, not “${hint.slice(0, 60)}”.`);
  }
  const known = (await ctx.store.listSources()).find((source) => source.url === url);
  if (known) return { source: known, added: false };
  const kind = (request.kind as SourceKind | undefined) ?? (await detect(url, ctx));
  return ctx.store.addSource({ url, kind, ...(hint && { eventHint: hint }), addedBy: request.addedBy, addedAt: ctx.now() });
}

async function detect(url: string, ctx: Pick<RefreshContext, "fetcher">): Promise<SourceKind> {
  const fetched = await ctx.fetcher.fetch({ url, accept: ANY_KIND });
  if (fetched.status !== "fetched") throw new SourceError(`${url} sent nothing to read its kind from: give --kind.`);
  return detectKind(fetched.contentType, fetched.text, url);
}

/** Stops following a source by its number; its recaps stay. */
export async function unfollowSource(store: RecapStore, idText: string): Promise<Source> {
  const id = /^\d{1,9}$/.test(idText.trim()) ? Number(idText) : NaN;
  const source = Number.isNaN(id) ? undefined : await store.getSource(id);
  if (!source || !(await store.removeSource(id))) throw new SourceError(`There is no source ${idText.slice(0, 20)}: \`sources list\` shows their numbers.`);
  return source;
}
