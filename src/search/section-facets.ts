import type { Section } from "../corpus/section.js";

/**
 * Each section's language, year and event as numbers in typed arrays, so that filters and the
 * language bonus of a query matching most of 100,000 sections read a few arrays instead of that
 * many objects scattered over the heap.
 */
export class SectionFacets {
  private readonly languageCodes = new Map<string, number>();
  private readonly eventCodes = new Map<string, number>();
  readonly language: Uint16Array;
  readonly year: Int32Array;
  readonly event: Int32Array;

  constructor(sections: readonly Section[]) {
    const code = (codes: Map<string, number>, value: string) => {
      let found = codes.get(value);
      if (found === undefined) codes.set(value, (found = codes.size));
      return found;
    };
    this.language = Uint16Array.from(sections, (s) => code(this.languageCodes, s.language));
    this.year = Int32Array.from(sections, (s) => s.year);
    this.event = Int32Array.from(sections, (s) => code(this.eventCodes, s.eventId));
  }

  /** The code of a language, or -1 when no section is in it. */
  languageCode(language: string): number {
    return this.languageCodes.get(language) ?? -1;
  }

  /** The code of an event id, or -1 when no section is of it. */
  eventCode(eventId: string): number {
    return this.eventCodes.get(eventId) ?? -1;
  }
}
