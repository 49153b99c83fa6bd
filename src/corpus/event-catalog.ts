import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { eventsFile } from "../paths.js";
import { fold } from "../text/fold.js";
import { isTimeZone } from "../time/zones.js";

/** One KubeCon + CloudNativeCon event of the catalog (`data/events.yaml`). */
export interface CatalogEvent {
  /** The region code and the year: `eu-2021`. */
  id: string;
  region: string;
  year: number;
  /** The name cards show. */
  name: string;
  /** The host city, or "Virtual". */
  city?: string;
  /** The main conference days, ISO dates, when known. */
  start?: string;
  end?: string;
  /** The host city's IANA time zone (`Europe/Amsterdam`): a programme's times are shown in it. */
  timeZone?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const catalogSchema = z.object({
  regions: z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.coerce.string().min(1)).min(1)),
  cities: z.record(z.string().min(1), z.array(z.coerce.string().min(1)).default([])),
  timeZones: z.record(z.string().min(1), z.string().refine(isTimeZone, "not an IANA time zone")).default({}),
  events: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z]{2}-\d{4}$/),
        region: z.string(),
        year: z.number().int().min(2014).max(2100),
        name: z.string().min(1),
        city: z.string().optional(),
        start: z.coerce.string().regex(DATE).optional(),
        end: z.coerce.string().regex(DATE).optional(),
      }),
    )
    .min(1),
});

/** A word of a region or a city, found in a text at a position. */
interface Mention {
  kind: "region" | "city";
  value: string;
  at: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** CJK forms stand alone in running text; Latin ones must be whole words ("eu" in "kubecon-eu-2021", not in "europa"). */
const pattern = (form: string) => {
  const folded = escape(fold(form));
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(form) ? folded : `(?<![\\p{L}\\p{N}])${folded}(?![\\p{L}\\p{N}])`;
};
const YEAR = /(?<!\d)(20[1-4]\d)(?!\d)/g;
const KUBECON = /kubecon|cloudnativecon|cloud native con|クベコン/iu;

/** Whether a text names the conference at all ("KubeCon", "CloudNativeCon"), whatever edition. */
export function namesKubeCon(text: string): boolean {
  return KUBECON.test(text);
}

/**
 * The catalog of events and how a text names one. Reading a text: its years, the regions and cities
 * it names (any spelling the catalog lists); the event of one of those years whose region and city
 * are named wins, the nearest to its year first; a year alone names its event when the catalog has
 * one event that year and the text says KubeCon. Anything less certain names no event.
 */
export class EventCatalog {
  readonly events: readonly CatalogEvent[];
  private readonly byId: Map<string, CatalogEvent>;
  private readonly mentions: { kind: Mention["kind"]; value: string; pattern: RegExp }[];

  constructor(events: readonly CatalogEvent[], regions: Record<string, readonly string[]>, cities: Record<string, readonly string[]>) {
    this.events = events;
    this.byId = new Map();
    for (const event of events) {
      if (this.byId.has(event.id)) throw new Error(`event id ${event.id} is given to two events`);
      if (event.id !== `${event.region}-${event.year}`) throw new Error(`event ${event.id}: its id must be its region and year, ${event.region}-${event.year}`);
      if (!regions[event.region]) throw new Error(`event ${event.id}: no region ${event.region} in regions`);
      if (event.city && !cities[event.city]) throw new Error(`event ${event.id}: no city ${event.city} in cities`);
      this.byId.set(event.id, event);
    }
    const forms = (kind: Mention["kind"], table: Record<string, readonly string[]>, withKey: boolean) =>
      Object.entries(table).map(([value, spellings]) => ({
        kind,
        value,
        pattern: new RegExp([...(withKey ? [value] : []), ...spellings].map(pattern).join("|"), "gu"),
      }));
    this.mentions = [...forms("region", regions, false), ...forms("city", cities, true)];
  }

  /** The event of an id (`eu-2021`), as written in front matter or given with --event-id. */
  event(id: string): CatalogEvent | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  /** The event a text names ("KubeCon EU 2021 (virtual)", "NA 2019", "KubeCon Londres 2025"), if it names one surely. */
  eventOf(text: string): CatalogEvent | undefined {
    const folded = fold(text);
    const byId = this.event(folded);
    if (byId) return byId;
    const years = [...folded.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), at: m.index }));
    if (!years.length) return undefined;
    const named: Mention[] = this.mentions.flatMap(({ kind, value, pattern }) => [...folded.matchAll(pattern)].map((m) => ({ kind, value, at: m.index })));
    const scored = this.events
      .filter((event) => years.some((y) => y.year === event.year))
      .map((event) => {
        const hits = named.filter((m) => (m.kind === "region" ? m.value === event.region : m.value === event.city));
        const kinds = new Set(hits.map((m) => m.kind)).size;
        const distance = Math.min(...hits.flatMap((m) => years.filter((y) => y.year === event.year).map((y) => Math.abs(y.at - m.at))));
        return { event, kinds, distance };
      });
    const best = scored.filter((s) => s.kinds > 0).sort((a, b) => b.kinds - a.kinds || a.distance - b.distance);
    if (best.length) {
      const [first, second] = best;
      return second && second.kinds === first!.kinds && second.distance === first!.distance ? undefined : first!.event;
    }
    return scored.length === 1 && namesKubeCon(folded) ? scored[0]!.event : undefined;
  }

  /** The event of a year whose host city a text names, when it names one city of that year's events only ("… Paris …" for 2024). */
  eventInCity(year: number, text: string): CatalogEvent | undefined {
    const folded = fold(text);
    const named = this.events.filter((event) => event.year === year && event.city && this.mentions.some((m) => m.kind === "city" && m.value === event.city && new RegExp(m.pattern.source, "u").test(folded)));
    return named.length === 1 ? named[0] : undefined;
  }

  /** The region code a text names, for an event the catalog does not list ("KubeCon Europe 2031"). */
  regionOf(text: string): string | undefined {
    const folded = fold(text);
    const regions = new Set(this.mentions.filter((m) => m.kind === "region" && new RegExp(m.pattern.source, "u").test(folded)).map((m) => m.value));
    return regions.size === 1 ? [...regions][0] : undefined;
  }
}

/** Reads a catalog file; a mistake in it names the file and the entry. */
export function loadEventCatalog(file: string): EventCatalog {
  const parsed = catalogSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const { regions, cities, timeZones, events } = parsed.data;
  try {
    for (const city of Object.keys(timeZones)) if (!cities[city]) throw new Error(`timeZones: no city ${city} in cities`);
    return new EventCatalog(
      events.map((event) => ({ ...event, ...(event.city && timeZones[event.city] && { timeZone: timeZones[event.city] }) })),
      regions,
      cities,
    );
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

let shipped: EventCatalog | undefined;

/** The catalog of `data/events.yaml`, read once a process. */
export function shippedCatalog(): EventCatalog {
  return (shipped ??= loadEventCatalog(eventsFile()));
}

/** The catalog's event a text names, if it names one surely (see EventCatalog). */
export const eventOf = (text: string): CatalogEvent | undefined => shippedCatalog().eventOf(text);
