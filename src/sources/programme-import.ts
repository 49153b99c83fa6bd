import { shippedCatalog } from "../corpus/event-catalog.js";
import { ProgrammeError } from "../programme/programme-error.js";
import { readProgramme } from "../programme/read-programme.js";
import type { Programme } from "../programme/session.js";
import type { ProgrammeChange, RecapStore } from "../store/recap-store.js";

/** What importing a programme did: the programme read, and what storing it changed (nothing on a dry run). */
export interface ProgrammeImport {
  programme: Programme;
  change?: ProgrammeChange;
}

/** The catalog's id of the event an `--event-id` or a source's event hint ("KubeCon EU 2026") names. */
export function programmeEventId(given: string | undefined): string | undefined {
  const text = given?.trim();
  if (!text) return undefined;
  const catalog = shippedCatalog();
  return catalog.event(text)?.id ?? catalog.eventOf(text)?.id ?? text;
}

/**
 * Reads an iCalendar export as an event's programme and makes it the stored programme of that
 * event (added, changed and cancelled sessions; see RecapStore.putProgramme). An export with no
 * talk at all is refused rather than emptying the stored programme.
 */
export async function importProgramme(text: string, name: string, options: { store?: RecapStore; eventId?: string }): Promise<ProgrammeImport> {
  const eventId = programmeEventId(options.eventId);
  const programme = readProgramme(text, name, { catalog: shippedCatalog(), ...(eventId && { eventId }) });
  if (!programme.sessions.length) throw new ProgrammeError(`${name} lists no talk (${programme.logistics.length} entries, all logistics): nothing stored.`);
  if (!options.store) return { programme };
  return { programme, change: await options.store.putProgramme(programme.eventId, programme.sessions) };
}
