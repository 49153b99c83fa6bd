import { CorpusError } from "../corpus/corpus-error.js";
import type { Logger } from "../log/logger.js";
import { programmeMoved, type PutOutcome, type RecapInput, type RecapStore, type RefreshResult, type Source } from "../store/recap-store.js";
import { ProgrammeError } from "../programme/programme-error.js";
import { recapOfPage } from "./item-recap.js";
import { importProgramme } from "./programme-import.js";
import type { PoliteFetcher } from "./polite-fetch.js";
import type { RecapClues } from "./recap-match.js";
import { SourceError } from "./source-error.js";
import { sourceItems, type SourceItem } from "./source-items.js";

export interface RefreshContext {
  store: RecapStore;
  fetcher: PoliteFetcher;
  isRecap: (clues: RecapClues) => boolean;
  now: () => Date;
  logger: Logger;
  /** Between two refreshes of a source that went well; 0 when refreshes are only asked for. */
  intervalMs: number;
  /** Fetch and read, store and record nothing. */
  dryRun?: boolean;
  /** Told how each refresh ended (the metrics count them). */
  onResult?: (source: Source, result: RefreshResult) => void;
}

/** What became of one page of a source: stored (added, changed, unchanged), not modified since last time, or skipped and why. */
export interface ItemReport {
  url: string;
  title?: string;
  outcome: PutOutcome | "not-modified" | "skipped" | "failed";
  reason?: string;
  /** The store's id of the recap, when it was stored. */
  recapId?: number;
}

export interface SourceReport {
  source: Source;
  result: RefreshResult;
  error?: string;
  items: ItemReport[];
}

const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.5";
const PAGE_ACCEPT = "text/html, text/markdown, text/plain;q=0.9";
/** What an event's programme is asked as: its schedule site's iCalendar export. */
export const PROGRAMME_ACCEPT = "text/calendar, text/plain;q=0.5";
const ACCEPT = { feed: FEED_ACCEPT, sitemap: "application/xml, text/xml;q=0.9", list: "text/plain", page: PAGE_ACCEPT, programme: PROGRAMME_ACCEPT } as const;

/** A failing source is tried again after 5 minutes, then 10, 20 … up to the refresh interval (6 hours without one). */
const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;

export function retryDelay(failuresBefore: number, intervalMs: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(failuresBefore, 20), intervalMs || LONGEST_RETRY_MS);
}

/** Whether a source is due: never refreshed, or its next attempt has come. */
export const isDue = (source: Source, now: Date) => !source.lastRefreshAt || !source.nextAttemptAt || source.nextAttemptAt <= now;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Refreshes one source: fetches it conditionally (nothing more when it has not changed), finds its
 * pages that are recaps, fetches each conditionally and stores it (a changed page replaces its
 * earlier version, the same text found again is not stored twice). A page refused or failing is
 * reported and the others go on; when a page failed, the source's validators are not kept, so the
 * next refresh reads it again. The outcome is recorded with the next attempt's time.
 */
export async function refreshSource(source: Source, ctx: RefreshContext): Promise<SourceReport> {
  const at = ctx.now();
  let report: SourceReport;
  let validators: { etag?: string; lastModified?: string } = {};
  try {
    ({ report, validators } = await readSource(source, ctx, at));
  } catch (error) {
    if (!(error instanceof CorpusError)) ctx.logger.error({ err: error, source: source.url }, "source refresh failed unexpectedly");
    const result = error instanceof SourceError ? error.result : error instanceof CorpusError ? "refused" : "failed";
    report = { source, result, error: reasonOf(error), items: [] };
  }
  ctx.logger.info({ source: source.url, result: report.result, error: report.error, items: report.items.length, dryRun: ctx.dryRun === true }, "source refreshed");
  if (ctx.dryRun) return report;
  const failing = report.result === "failed" || report.result === "refused";
  const next = failing ? retryDelay(source.failures, ctx.intervalMs) : ctx.intervalMs;
  await ctx.store.recordRefresh(source.id, {
    at,
    result: report.result,
    ...(report.error && { error: report.error.slice(0, 500) }),
    ...(next > 0 && { nextAttemptAt: new Date(at.getTime() + next) }),
    ...(!failing && validators),
  });
  ctx.onResult?.(source, report.result);
  return report;
}

async function readSource(source: Source, ctx: RefreshContext, at: Date): Promise<{ report: SourceReport; validators: { etag?: string; lastModified?: string } }> {
  const fetched = await ctx.fetcher.fetch({
    url: source.url,
    accept: ACCEPT[source.kind],
    ...(source.etag && { etag: source.etag }),
    ...(source.lastModified && { lastModified: source.lastModified }),
  });
  if (fetched.status === "unchanged") return { report: { source, result: "not-modified", items: [] }, validators: {} };
  if (source.kind === "programme") return { report: { source, result: "ok", items: [await refreshProgramme(fetched, source, ctx)] }, validators: fetched.validators };
  if (source.kind === "page") {
    const item = await storeItem(await pageRecap(fetched, { url: source.url, judgeFetched: false }, source, ctx, at), ctx);
    return { report: { source, result: item.outcome === "failed" ? "failed" : "ok", ...(item.reason && { error: item.reason }), items: [item] }, validators: fetched.validators };
  }
  const items = await sourceItems(source.kind, fetched.text, fetched.url, {
    isRecap: ctx.isRecap,
    fetchSitemap: async (url) => {
      const further = await ctx.fetcher.fetch({ url, accept: ACCEPT.sitemap });
      return further.status === "fetched" ? further.text : undefined;
    },
  });
  const reports: ItemReport[] = [];
  for (const item of items) reports.push(await refreshItem(item, source, ctx, at));
  const failed = reports.filter((r) => r.outcome === "failed");
  const error = failed.length ? `${failed.length} of ${reports.length} pages could not be fetched (${failed[0]!.url}: ${failed[0]!.reason})` : undefined;
  return { report: { source, result: failed.length ? "failed" : "ok", ...(error && { error }), items: reports }, validators: fetched.validators };
}

/** An event's programme: read, and stored in place of the one before (a cancelled session leaves it). */
async function refreshProgramme(fetched: { url: string; text: string }, source: Source, ctx: RefreshContext): Promise<ItemReport> {
  try {
    const { programme, change } = await importProgramme(fetched.text, fetched.url, { ...(!ctx.dryRun && { store: ctx.store }), ...(source.eventHint && { eventId: source.eventHint }) });
    const outcome = !change || !programmeMoved(change) ? "unchanged" : change.changed + change.removed + change.unchanged === 0 ? "added" : "changed";
    return { url: source.url, title: `${programme.event}: ${programme.sessions.length} talks`, outcome };
  } catch (error) {
    if (error instanceof ProgrammeError) throw new SourceError(error.message);
    throw error;
  }
}

type Prepared = { item: SourceItem; input?: RecapInput; skipped?: string; failed?: string };

async function pageRecap(page: Parameters<typeof recapOfPage>[0], item: SourceItem, source: Source, ctx: RefreshContext, at: Date): Promise<Prepared> {
  try {
    const { input, recap } = recapOfPage(page, item, source, at);
    if (item.judgeFetched && !ctx.isRecap({ title: recap.title, text: recap.body })) return { item, skipped: "does not name the event in its title or first paragraphs" };
    return { item, input };
  } catch (error) {
    if (error instanceof CorpusError) return { item, skipped: error.message };
    throw error;
  }
}

/** One page of a feed, sitemap or list: fetched conditionally against the copy stored, then stored. */
async function refreshItem(item: SourceItem, source: Source, ctx: RefreshContext, at: Date): Promise<ItemReport> {
  const known = (item.id && (await ctx.store.getRecapByUrl(item.id))) || (await ctx.store.getRecapByUrl(item.url));
  try {
    const page = await ctx.fetcher.fetch({
      url: item.url,
      accept: PAGE_ACCEPT,
      ...(known?.etag && { etag: known.etag }),
      ...(known?.lastModified && { lastModified: known.lastModified }),
    });
    if (page.status === "unchanged") return { url: item.url, ...(known && { title: known.title, recapId: known.id }), outcome: "not-modified" };
    return await storeItem(await pageRecap(page, item, source, ctx, at), ctx);
  } catch (error) {
    if (error instanceof SourceError && error.result === "failed") return { url: item.url, outcome: "failed", reason: error.message };
    if (error instanceof CorpusError) return { url: item.url, outcome: "skipped", reason: error.message };
    throw error;
  }
}

async function storeItem({ item, input, skipped }: Prepared, ctx: RefreshContext): Promise<ItemReport> {
  if (!input) return { url: item.url, outcome: "skipped", reason: skipped! };
  if (ctx.dryRun) {
    const known = await ctx.store.getRecapByUrl(input.canonicalUrl ?? input.url);
    return { url: input.url, title: input.title, outcome: !known ? "added" : known.contentHash === input.contentHash ? "unchanged" : "changed" };
  }
  const { outcome, recap } = await ctx.store.putRecap(input);
  return { url: input.url, title: input.title, outcome, recapId: recap.id };
}

/**
 * Refreshes every source that is due (all of them with `all`), one after the other; `keepGoing` is
 * asked before each (the scheduler renews its lease there, and stops when it has lost it).
 */
export async function refreshSources(ctx: RefreshContext, options: { all?: boolean; keepGoing?: () => Promise<boolean> } = {}): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  for (const source of await ctx.store.listSources()) {
    if (!options.all && !isDue(source, ctx.now())) continue;
    if (options.keepGoing && !(await options.keepGoing())) break;
    reports.push(await refreshSource(source, ctx));
  }
  return reports;
}
