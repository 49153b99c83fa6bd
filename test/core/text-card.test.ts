import { describe, expect, it } from "vitest";
import { searchCard } from "../../src/cards/search-card.js";
import { plainStyle, renderText, terminalStyle } from "../../src/cards/text.js";
import { SearchEngine } from "../../src/search/engine.js";
import { sectionOf } from "./helpers.js";

const sections = Array.from({ length: 7 }, (_, i) =>
  sectionOf({
    id: `t--talk-${i + 1}`,
    title: `Mesh Talk ${i + 1}`,
    text: `Service mesh lesson number ${i + 1}.`,
    speakers: i === 0 ? [{ name: "Ann Lee", company: "Acme" }] : [],
    ...(i === 0 && { url: "https://example.org/recap" }),
  }),
);
const engine = new SearchEngine(sections, []);

function cardFor(page: number) {
  const answer = engine.search("mesh", { year: 2024 }, { offset: (page - 1) * 5, limit: 5 });
  return searchCard({ query: "mesh", filters: { year: 2024 }, answer, page, pageSize: 5, commandFor: (n) => `search mesh year:2024${n > 1 ? ` page:${n}` : ""}` });
}

describe("renderText of a search card", () => {
  it("restates the query, numbers the results with their meta, snippet, source and details, and ends with the page footer", () => {
    const text = renderText(cardFor(1));
    const lines = text.split("\n");
    expect(lines[0]).toBe("KubeCon talks on “mesh” (year 2024)");
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    expect(numbered.map((l) => l.split(". ")[0])).toEqual(["1", "2", "3", "4", "5"]);
    const first = lines.indexOf(numbered.find((l) => l.endsWith("Mesh Talk 1"))!);
    expect(lines.slice(first, first + 5)).toEqual([
      "1. Mesh Talk 1",
      "   Ann Lee, Acme · KubeCon Test 2024",
      "   Service mesh lesson number 1.",
      "   Source: https://example.org/recap",
      "   Details: talk t--talk-1",
    ]);
    expect(text).toContain("\n\nResults 1–5 of 7 · page 1 of 2\n[Next ▶: search mesh year:2024 page:2]");
  });

  it("offers the previous page, and numbers from 1 again, on the last page", () => {
    const text = renderText(cardFor(2));
    expect(text.split("\n").filter((l) => /^\d+\. /.test(l))).toHaveLength(2);
    expect(text).toContain("Results 6–7 of 7 · page 2 of 2");
    expect(text).toContain("[◀ Previous: search mesh year:2024]");
    expect(text).not.toContain("Next ▶");
  });

  it("sets matched words in bold in a terminal, and as plain text otherwise", () => {
    const card = cardFor(1);
    expect(renderText(card, terminalStyle)).toContain("Service \x1b[1mmesh\x1b[22m lesson number 1.");
    expect(renderText(card, plainStyle)).not.toContain("\x1b[");
  });

  it("says when it searched a corrected query", () => {
    const answer = engine.search("mesj", {}, { offset: 0, limit: 5 });
    const card = searchCard({ query: "mesj", filters: {}, answer, page: 1, pageSize: 5, commandFor: () => "search mesj" });
    expect(renderText(card).split("\n").slice(0, 2)).toEqual(["KubeCon talks on “mesj”", "! No exact match; showing results for “mesh”."]);
  });

  it("says when nothing matched, and offers the suggestion as a button running the corrected search", () => {
    const none = searchCard({ query: "zzyzxqw", filters: {}, answer: engine.search("zzyzxqw"), page: 1, pageSize: 5, commandFor: () => "search zzyzxqw" });
    expect(renderText(none)).toBe("KubeCon talks on “zzyzxqw”\n! No talk matched. Try fewer or broader words, or `topics` to browse.");

    // A typo whose correction exists, but not in the year asked for.
    const answer = engine.search("mseh", { year: 2020 }, { offset: 0, limit: 5 });
    expect(answer).toMatchObject({ total: 0, suggestion: "mesh" });
    const card = searchCard({ query: "mseh", filters: { year: 2020 }, answer, page: 1, pageSize: 5, commandFor: () => "search mseh year:2020" });
    expect(renderText(card)).toBe(
      "KubeCon talks on “mseh” (year 2020)\n! No talk matched. Did you mean “mesh”? Try fewer or broader words, or `topics` to browse.\n[Search “mesh”: search mesh year:2020]",
    );
  });
});
