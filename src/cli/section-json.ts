import type { RichText } from "../text/rich-text.js";
import { provenance, type Section } from "../corpus/section.js";

/** Matched words wrapped in ** as Markdown bold, for machine-readable output. */
const marked = (text: RichText) => text.map((r) => (r.strong ? `**${r.text}**` : r.text)).join("");

/** The JSON shape of a section in `kubecon search --json` and `kubecon sections --json`. */
export function sectionJson(section: Section, extra: { score?: number; snippet?: RichText } = {}) {
  return {
    id: section.id,
    kind: section.kind,
    recapId: section.recapId,
    title: section.title,
    talk: section.talk,
    ...provenance(section),
    ...(section.day && { day: section.day }),
    ...(extra.score !== undefined && { score: Number(extra.score.toFixed(4)) }),
    ...(extra.snippet && { snippet: marked(extra.snippet) }),
    ...(section.session && { session: section.session }),
    ...(section.programmeId && { programmeId: section.programmeId }),
    ...(section.recapSectionIds && { recapSectionIds: section.recapSectionIds }),
    text: section.text,
  };
}
