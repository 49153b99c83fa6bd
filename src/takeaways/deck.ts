import { hash } from "../text/hash.js";
import type { Takeaway } from "./takeaways.js";

/**
 * The order the `takeaway` command deals a pool in, from a seed: the sections in a shuffle of that
 * seed, and in rounds, each section's best takeaway in the first round, its next best in the
 * second, so no section comes back before every section had one. The seed and the position travel
 * in the card's "Another" button, so any replica deals the same next card without keeping state.
 */
export function deal(pool: readonly Takeaway[], seed: number): Takeaway[] {
  const bySection = new Map<string, Takeaway[]>();
  for (const takeaway of pool) {
    const own = bySection.get(takeaway.sectionId);
    if (own) own.push(takeaway);
    else bySection.set(takeaway.sectionId, [takeaway]);
  }
  const sections = [...bySection.keys()]
    .map((id) => ({ id, key: hash(id, seed) }))
    .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1))
    .map((section) => bySection.get(section.id)!);
  const dealt: Takeaway[] = [];
  for (let round = 0; dealt.length < pool.length; round++) {
    for (const takeaways of sections) if (takeaways[round]) dealt.push(takeaways[round]!);
  }
  return dealt;
}
