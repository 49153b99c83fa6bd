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
    // One plain loop: TypedArray.from with a mapping function takes a slow path, ~10 times as slow.
    const n = sections.length;
    this.language = new Uint16Array(n);
    this.year = new Int32Array(n);
    this.event = new Int32Array(n);
    for (let d = 0; d < n; d++) {
      const section = sections[d]!;
      this.language[d] = code(this.languageCodes, section.language);
      this.year[d] = section.year;
      this.event[d] = code(this.eventCodes, section.eventId);
    }
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
    const code = new Int32Array(this.sections.length);
    this.sections.forEach((section, d) => {
      const text = section.speakers.map(formatSpeaker).join("\n");
      let found = codes.get(text);
      if (found === undefined) {
        codes.set(text, (found = texts.length));
        texts.push(fold(text));
      }
      code[d] = found;
    });
    return { code, texts };
  }
}
