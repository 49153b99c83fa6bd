/** A wall-clock reading: what a clock in some time zone shows. Month 1 to 12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What a clock in `zone` shows at an instant. */
export function wallTimeAt(instant: Date, zone: string): WallTime {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { year: part.year!, month: part.month!, day: part.day!, hour: part.hour!, minute: part.minute!, second: part.second! };
}

/** A wall time read as if it were UTC, in milliseconds: wall-clock arithmetic without a zone. */
export const asUtc = (t: WallTime): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** The date a clock in `zone` shows at an instant: "2026-03-24". */
export function localDate(instant: Date, zone: string): string {
  const t = wallTimeAt(instant, zone);
  return `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
const offsetAt = (ms: number, zone: string) => asUtc(wallTimeAt(new Date(ms), zone)) - Math.floor(ms / 1000) * 1000;

/**
 * The instant a clock in `zone` shows a wall time. The offset is read twice, so a time just after
 * a DST change gets the offset in force then; a time the change skips reads as the hour after it.
 */
export function instantOf(wall: WallTime, zone: string): Date {
  const naive = asUtc(wall);
  const first = naive - offsetAt(naive, zone);
  return new Date(naive - offsetAt(first, zone));
}
