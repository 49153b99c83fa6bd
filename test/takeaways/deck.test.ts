import { describe, expect, it } from "vitest";
import { deal } from "../../src/takeaways/deck.js";
import { takeaway } from "../daily/helpers.js";

/** Sections of 4, 1, 2 and 3 takeaways, each section's best first (the order the pool comes in). */
const pool = [4, 1, 2, 3].flatMap((size, s) => Array.from({ length: size }, (_, i) => takeaway(`talk-${s}#${s}${i}000000`)));
const sectionOf = (id: string) => id.split("#")[0]!;

describe("deal", () => {
  it("deals every takeaway once, in rounds: no section again before every section with one left had its turn", () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1]) {
      const dealt = deal(pool, seed);
      expect(new Set(dealt.map((t) => t.id))).toEqual(new Set(pool.map((t) => t.id)));
      expect(dealt).toHaveLength(pool.length);
      const rounds = [4, 3, 2, 1].map((sections, round) => dealt.splice(0, sections).map((t) => [sectionOf(t.id), t.id.split("#")[1]![1]]));
      rounds.forEach((round, r) => {
        expect(new Set(round.map(([section]) => section)).size).toBe(round.length);
        for (const [, rank] of round) expect(rank).toBe(String(r));
      });
    }
  });

  it("deals the same order for a seed, another order for another seed", () => {
    expect(deal(pool, 7).map((t) => t.id)).toEqual(deal(pool, 7).map((t) => t.id));
    const firsts = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => sectionOf(deal(pool, seed)[0]!.id)));
    expect(firsts.size).toBeGreaterThan(1);
  });
});
