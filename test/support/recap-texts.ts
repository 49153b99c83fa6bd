import { formatRecapFile } from "../../src/corpus/recap-file.js";
import { formatSpeaker, type Section } from "../../src/corpus/section.js";
import { storedRecapName, type RecapText } from "../../src/corpus/stored-recaps.js";

/**
 * Sections written back as recap files, one a recap, as the recap store would hold them: each
 * section a Markdown heading with its speakers, then its lines as bullets. For corpora far larger
 * than the shipped one (see test/bench/synthetic.ts), read and indexed like any stored recap.
 */
export function recapTextsOf(sections: readonly Section[]): RecapText[] {
  const byRecap = new Map<string, Section[]>();
  for (const section of sections) byRecap.set(section.recapId, [...(byRecap.get(section.recapId) ?? []), section]);
  return [...byRecap.entries()].map(([recapId, own], i) => {
    const first = own[0]!;
    const body = own
      .map((section) => {
        const who = section.speakers.length ? ` - ${section.speakers.map(formatSpeaker).join(", ")}` : "";
        return `## ${section.title.replaceAll("›", "-")}${who}\n\n${section.bullets.map((bullet) => `${"  ".repeat(bullet.depth)}- ${bullet.text}`).join("\n")}\n`;
      })
      .join("\n");
    const frontMatter = { id: recapId, title: `Notes ${recapId}`, event: first.event, event_id: first.eventId, year: first.year, language: first.language };
    return { name: storedRecapName(i + 1), text: formatRecapFile(frontMatter, body) };
  });
}
