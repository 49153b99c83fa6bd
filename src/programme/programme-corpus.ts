import type { Corpus } from "../corpus/corpus.js";
import { createTagger, type Topic } from "../corpus/topics.js";
import { programmeSection } from "./programme-section.js";
import type { ProgrammeSession } from "./session.js";

/** The corpus with the stored programmes' sessions after its recaps' sections, as sections of kind programme. */
export function withProgramme(corpus: Corpus, sessions: readonly ProgrammeSession[], topics: readonly Topic[]): Corpus {
  const tag = createTagger(topics);
  return { ...corpus, sections: [...corpus.sections, ...sessions.map((session) => programmeSection(session, tag))] };
}
