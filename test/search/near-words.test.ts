import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/search/levenshtein.js";
import { NearWords } from "../../src/search/near-words.js";

/** Few letters, so that words share many and distances stay small; a long word past the 32 bits; non-ASCII and surrogates. */
const word = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom("a", "b", "c", "d", "é", "ß", "\ud83d", "\ude00"), { maxLength: 12 }).map((c) => c.join("")) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("a", "b", "c"), { minLength: 30, maxLength: 40 }).map((c) => c.join("")) },
);

/** Every word within `max` of `typed` by the table-filling distance, in order. */
function expected(words: readonly string[], typed: string, max: number): [number, number][] {
  return words.flatMap((w, i): [number, number][] => {
    const distance = editDistance(typed, w, max);
    return distance <= max ? [[i, distance]] : [];
  });
}

describe("the edit-distance scan", () => {
  {
    it("finds what the table-filling distance finds, with the same distances", () => {
      fc.assert(
        fc.property(fc.array(word, { maxLength: 30 }), word, fc.integer({ min: 0, max: 3 }), (words, typed, max) => {
          const found: [number, number][] = [];
          new NearWords(words).scan(typed, max, (i, distance) => void found.push([i, distance]));
          expect(found).toEqual(expected(words, typed, max));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it("narrows to the bound the visitor returns: the closest word, the first on a tie", () => {
    const words = ["kubernetes", "kuberntes", "kubrnetes", "kuberentes", "cubernetes"];
    let closest: [number, number] | undefined;
    new NearWords(words).scan("kuberentse", 2, (i, distance) => {
      closest = [i, distance];
      return distance - 1;
    });
    expect(closest).toEqual([3, 1]);
  });

  it("counts a swap of neighbours as one edit", () => {
    const found: number[] = [];
    new NearWords(["gitops"]).scan("gitpos", 2, (_, distance) => void found.push(distance));
    expect(found).toEqual([1]);
  });
});
