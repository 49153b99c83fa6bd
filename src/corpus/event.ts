import { fold } from "../text/fold.js";
import { shippedCatalog, type CatalogEvent, type EventCatalog } from "./event-catalog.js";

export { eventOf, type CatalogEvent } from "./event-catalog.js";

/** The event of a recap as its front matter states it. */
export interface EventFacts {
  event: string;
  eventId: string;
  year: number;
  location?: string;
  startDate?: string;
  endDate?: string;
  /** Whether the catalog lists it (else its id was derived from its name). */
  known: boolean;
}

/** "KubeCon + CloudNativeCon Europe 2031", "KubeCon Korea 2027": a name up to its year. */
const EVENT_NAME = /\b(kubecon|cloudnativecon|cloud native con)\b[^\n]*?\b20[1-9]\d\b/i;

/** The facts of a catalog event. */
export function catalogFacts(event: CatalogEvent): EventFacts {
  return {
    event: event.name,
    eventId: event.id,
    year: event.year,
    ...(event.city && { location: event.city }),
    ...(event.start && { startDate: event.start }),
    ...(event.end && { endDate: event.end }),
    known: true,
  };
}

/** An id for an event the catalog does not list: its region and year where it names a region, else its name. */
export function derivedEventId(name: string, year: number, catalog: EventCatalog = shippedCatalog()): string {
  const region = catalog.regionOf(name);
  if (region) return `${region}-${year}`;
  const slug = fold(name).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").replace(/[^a-z0-9-]/g, "");
  return slug.includes(String(year)) ? slug : `${slug || "kubecon"}-${year}`.replace(/^-/, "");
}

/**
 * The event a text names: the catalog's event when it names one surely, else a KubeCon name with
 * its year ("KubeCon Korea 2027") and an id derived from it. Nothing when it names neither.
 */
export function eventNamedIn(text: string, catalog: EventCatalog = shippedCatalog()): EventFacts | undefined {
  const known = catalog.eventOf(text);
  if (known) return catalogFacts(known);
  const name = EVENT_NAME.exec(text)?.[0].replace(/\s+/g, " ").trim();
  if (!name) return undefined;
  const year = Number(/20[1-9]\d$/.exec(name)![0]);
  return { event: name, eventId: derivedEventId(name, year, catalog), year, known: false };
}

/** What a recap's front matter says of its event. */
type StatedEvent = Omit<EventFacts, "known">;

/**
 * A recap's event as the catalog knows it: found by its id, else by its name (in the same year), it
 * takes the catalog's id and name ("KubeCon Europe 2022 (day 3)" shows as the catalog's name); its
 * own location and dates stay, the catalog's fill what it leaves out. An event the catalog does not
 * list keeps what the front matter says.
 */
export function withCatalogEvent<T extends StatedEvent>(recap: T, catalog: EventCatalog = shippedCatalog()): T {
  const byId = catalog.event(recap.eventId);
  const known = byId?.year === recap.year ? byId : byId ? undefined : catalog.eventOf(recap.event);
  if (!known || known.year !== recap.year) return recap;
  const facts = catalogFacts(known);
  return {
    ...recap,
    event: facts.event,
    eventId: facts.eventId,
    location: recap.location ?? facts.location,
    startDate: recap.startDate ?? facts.startDate,
    endDate: recap.endDate ?? facts.endDate,
  };
}
