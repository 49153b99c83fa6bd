import { formatSpeaker, type Section } from "../corpus/section.js";
import { fold } from "../text/fold.js";

/**
 * Each section's language, year and event as numbers in typed arrays, so that filters and the
 * language bonus of a query matching most of 100,000 sections read a few arrays instead of that
 * many objects scattered over the heap. Its speakers too, as the number of their folded names and
 * companies among the distinct ones, so a speaker filter tests each distinct text once.
 */
export class SectionFacets {
  private readonly languageCodes = new Map<string, number>();
  private readonly eventCodes = new Map<string, number>();
  readonly language: Uint16Array;
  readonly year: Int32Array;
  readonly event: Int32Array;
  /** Made on the first speaker filter: most processes never see one. */
  private speakers?: { code: Int32Array; texts: string[] };

  constructor(private readonly sections: readonly Section[]) {
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

  /** Whether section number d has a speaker or company whose folded text contains `speaker` (folded). */
  speakerTest(speaker: string): (d: number) => boolean {
    const { code, texts } = (this.speakers ??= this.codeSpeakers());
    const matches = Uint8Array.from(texts, (text) => (text.includes(speaker) ? 1 : 0));
    return (d) => matches[code[d]!] === 1;
  }

  private codeSpeakers(): { code: Int32Array; texts: string[] } {
    const codes = new Map<string, number>();
    const texts: string[] = [];
    const code = Int32Array.from(this.sections, (section) => {
      const text = section.speakers.map(formatSpeaker).join("\n");
      let found = codes.get(text);
      if (found === undefined) {
        codes.set(text, (found = texts.length));
        texts.push(fold(text));
      }
      return found;
    });
    return { code, texts };
  }
}
