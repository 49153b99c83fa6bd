import { plural } from "../text/plural.js";
import type { RecapStore, RefreshResult, Source } from "../store/recap-store.js";
import { programmeEventId } from "./programme-import.js";
import type { SourceReport } from "./refresh.js";

/** A span of time as a person says it: "45 s", "12 min", "3 h", "2 days". */
export function spanOf(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  // Each unit as long as it rounds below the next: 59 min 50 s is "1 h", not "60 min".
  if (Math.round(s / 60) < 60) return `${Math.round(s / 60)} min`;
  if (Math.round(s / 3600) < 48) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

const WORD: Record<RefreshResult, string> = { ok: "read", "not-modified": "unchanged", failed: "failed", refused: "refused" };

/** How a source's last refresh went and when the next comes: what `sources list` shows of it. */
export function sourceStatus(source: Source, now: Date): string {
  if (!source.lastRefreshAt || !source.lastResult) return "not refreshed yet";
  const when = `${WORD[source.lastResult]} ${spanOf(now.getTime() - source.lastRefreshAt.getTime())} ago`;
  const next = source.nextAttemptAt ? (source.nextAttemptAt > now ? `next in ${spanOf(source.nextAttemptAt.getTime() - now.getTime())}` : "due") : undefined;
  if (source.failures === 0) return [when, next].filter(Boolean).join(", ");
  const times = source.failures === 1 ? "" : ` (${source.failures} times in a row)`;
  return `${when}${times}: ${source.lastError ?? "no reason given"}${next ? `; retried ${next.replace("next ", "")}` : ""}`;
}

/**
 * What each source has given, as `sources list` says it: "3 recaps"; for a programme, the sessions
 * stored of the event its hint names ("511 sessions"), or nothing when it names none (the calendar
 * says the event at each import).
 */
export async function sourceYields(store: RecapStore, sources: readonly Source[]): Promise<(source: Source) => string | undefined> {
  const recaps = new Map<number, number>();
  for (const recap of await store.listRecaps()) if (recap.sourceId !== undefined) recaps.set(recap.sourceId, (recaps.get(recap.sourceId) ?? 0) + 1);
  // The programme is read once, when a source follows one, and counted by event.
  const sessions = new Map<string, number>();
  if (sources.some((source) => source.kind === "programme")) {
    for (const session of await store.listProgramme()) sessions.set(session.eventId, (sessions.get(session.eventId) ?? 0) + 1);
  }
  return (source) => {
    if (source.kind !== "programme") return plural(recaps.get(source.id) ?? 0, "recap");
    const eventId = programmeEventId(source.eventHint);
    return eventId ? plural(sessions.get(eventId) ?? 0, "session") : undefined;
  };
}

/** One line a page: what became of it. */
export function reportLines(report: SourceReport): string[] {
  const head = `${report.source.id} ${report.source.url} (${report.source.kind}): ${WORD[report.result]}${report.error ? `: ${report.error}` : ""}`;
  return [head, ...report.items.map((item) => `  ${item.outcome.padEnd(12)} ${item.title ? `${item.title} · ` : ""}${item.url}${item.reason ? `: ${item.reason}` : ""}`)];
}
