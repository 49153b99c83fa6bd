import type { ProgrammeSession } from "../programme/session.js";
import type { ProgrammeChange } from "./recap-store.js";

/** A programme session's row, as both stores keep it: the session whole, as JSON, beside the columns a query needs. */
export interface ProgrammeRow {
  id: string;
  event_id: string;
  starts_at: string;
  document: string;
}

/** The columns of `programme_session` in the order both stores select them. */
export const PROGRAMME_COLUMNS = "id, event_id, starts_at, document";

export const toSession = (row: Pick<ProgrammeRow, "document">): ProgrammeSession => JSON.parse(row.document) as ProgrammeSession;

const rowOf = (session: ProgrammeSession): ProgrammeRow => ({ id: session.id, event_id: session.eventId, starts_at: session.start, document: JSON.stringify(session) });

/** What an import does to the stored programme of its event, row by row. */
export interface ProgrammePlan {
  inserts: ProgrammeRow[];
  updates: ProgrammeRow[];
  deletes: string[];
  unchanged: number;
}

/**
 * The rows to write so that an event's stored programme (`stored`: id → document) becomes `sessions`:
 * a session not stored is inserted, one stored with another document updated, a stored one that is
 * no longer given (cancelled, withdrawn) deleted.
 */
export function planProgramme(stored: ReadonlyMap<string, string>, sessions: readonly ProgrammeSession[]): ProgrammePlan {
  const plan: ProgrammePlan = { inserts: [], updates: [], deletes: [], unchanged: 0 };
  const given = new Set<string>();
  for (const session of sessions) {
    if (given.has(session.id)) continue;
    given.add(session.id);
    const row = rowOf(session);
    const before = stored.get(session.id);
    if (before === undefined) plan.inserts.push(row);
    else if (before !== row.document) plan.updates.push(row);
    else plan.unchanged++;
  }
  plan.deletes = [...stored.keys()].filter((id) => !given.has(id));
  return plan;
}

/** The counts an import reports. */
export const changeOf = (plan: ProgrammePlan): ProgrammeChange => ({ added: plan.inserts.length, changed: plan.updates.length, removed: plan.deletes.length, unchanged: plan.unchanged });
