import { describe, expect, it } from "vitest";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { synonymsFile } from "../../src/paths.js";
import { sectionOf } from "../core/helpers.js";

/**
 * Every group of data/synonyms.yaml, both ways: over sections that each name one member, a query
 * naming any member finds the sections of all the others.
 */
const groups = loadSynonyms(synonymsFile());
const phrases = groups.flatMap((group, g) => group.map((phrase, p) => ({ g, p, text: phrase.join(" ") })));
const sections = phrases.map(({ g, p, text }) => sectionOf({ id: `g${g}--p${p}`, title: `Notes ${g}.${p}`, text: `About ${text}.`, language: "en" }));
const engine = new SearchEngine(sections, groups);

describe("each synonym group", () => {
  it.each(groups.map((group, g) => [group.map((phrase) => phrase.join(" ")).join(" / "), g] as const))("%s: every member finds every other", (_, g) => {
    for (const { text } of phrases.filter((phrase) => phrase.g === g)) {
      const found = new Set(engine.search(text, {}, { offset: 0, limit: sections.length }).hits.map((hit) => hit.section.id));
      const missing = phrases.filter((phrase) => phrase.g === g && !found.has(`g${g}--p${phrase.p}`)).map((phrase) => phrase.text);
      expect(missing, `“${text}” misses`).toEqual([]);
    }
  });
});
