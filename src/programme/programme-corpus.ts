import type { Corpus } from "../corpus/corpus.js";
import type { Section } from "../corpus/section.js";
import { createTagger, type Topic } from "../corpus/topics.js";
import { linkTalks } from "./link.js";
import { programmeLanguage, programmeSection } from "./programme-section.js";
import type { ProgrammeSession } from "./session.js";

/**
 * The corpus with the stored programmes' sessions after its recaps' sections, as sections of kind
 * programme, each recap talk linked to its session where they are one talk (`link.ts`): the recap
 * section carries the session's id (`programmeId`) and its time and place (`session`), the session
 * its recap sections (`recapSectionIds`).
 */
export function withProgramme(corpus: Corpus, sessions: readonly ProgrammeSession[], topics: readonly Topic[]): Corpus {
  const tag = createTagger(topics);
  const language = programmeLanguage(sessions);
  const programme = sessions.map((session) => programmeSection(session, tag, language));
  const all = [...corpus.sections, ...programme];
  const links = linkTalks(all);
  const sessionOf = new Map(links.map((link) => [link.recapSectionId, link.programmeId]));
  const recapsOf = new Map<string, string[]>();
  for (const link of links) {
    const recaps = recapsOf.get(link.programmeId);
    if (recaps) recaps.push(link.recapSectionId);
    else recapsOf.set(link.programmeId, [link.recapSectionId]);
  }
  const byId = new Map(programme.map((section) => [section.id, section]));
  const linked = (section: Section): Section => {
    const programmeId = sessionOf.get(section.id);
    if (programmeId) return { ...section, programmeId, session: byId.get(programmeId)!.session! };
    const recapSectionIds = recapsOf.get(section.id);
    return recapSectionIds ? { ...section, recapSectionIds } : section;
  };
  return { ...corpus, sections: all.map(linked) };
}
