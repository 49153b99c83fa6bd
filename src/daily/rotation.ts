import type { RotationState } from "../store/daily-store.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import { hash } from "../text/hash.js";

/**
 * A subscription's order over the takeaways: a shuffle seeded by its id and cycle, computed per
 * takeaway id (not per position), so it survives restarts, and re-indexing that adds or drops
 * takeaways leaves the others' order alone. Posted ids are remembered, so nothing repeats until
 * every matching takeaway had its day, and no section comes back before every section with a
 * takeaway left had one more: the next post comes from the sections posted least this cycle.
 * All of it follows from the posted ids in the store, so any replica makes the same choice.
 */
export interface Choice {
  takeaway: Takeaway;
  /** The cycle it was chosen in: a new one when the last pass was exhausted. */
  cycle: number;
  /** Matching takeaways not yet posted in that cycle, this one included. */
  remaining: number;
}

export function chooseTakeaway(subscriptionId: string, state: RotationState, candidates: readonly Takeaway[]): Choice | undefined {
  if (candidates.length === 0) return undefined;
  let cycle = state.cycle;
  let posted: ReadonlySet<string> = state.postedIds;
  let open = candidates.filter((takeaway) => !posted.has(takeaway.id));
  if (open.length === 0) {
    cycle += 1;
    posted = new Set();
    open = [...candidates];
  }
  const seed = hash(`${subscriptionId}\u0000${cycle}`, 0x811c9dc5);
  let best: Takeaway | undefined;
  let bestKey = 0;
  for (const takeaway of leastPostedSections(open, candidates, posted)) {
    const key = hash(takeaway.id, seed);
    if (!best || key < bestKey || (key === bestKey && takeaway.id < best.id)) {
      best = takeaway;
      bestKey = key;
    }
  }
  return { takeaway: best!, cycle, remaining: open.length };
}

/** Of the open takeaways, those whose section had the fewest posts among `candidates` so far. */
function leastPostedSections(open: readonly Takeaway[], candidates: readonly Takeaway[], posted: ReadonlySet<string>): Takeaway[] {
  const postsBySection = new Map<string, number>();
  for (const takeaway of candidates) {
    if (posted.has(takeaway.id)) postsBySection.set(takeaway.sectionId, (postsBySection.get(takeaway.sectionId) ?? 0) + 1);
  }
  const posts = (takeaway: Takeaway) => postsBySection.get(takeaway.sectionId) ?? 0;
  const fewest = Math.min(...open.map(posts));
  return open.filter((takeaway) => posts(takeaway) === fewest);
}

/** How many matching takeaways are left before the rotation starts over. */
export function remainingInCycle(state: RotationState, candidates: readonly Takeaway[]): number {
  const open = candidates.filter((takeaway) => !state.postedIds.has(takeaway.id)).length;
  return open === 0 ? candidates.length : open;
}

/** The takeaways a subscription may get: the postable ones, all or those tagged with its topic. */
export function matchingTakeaways(takeaways: readonly Takeaway[], topic: string | undefined): Takeaway[] {
  const postable = takeaways.filter((takeaway) => takeaway.postable);
  if (!topic) return postable;
  const wanted = topic.toLowerCase();
  return postable.filter((takeaway) => takeaway.tags.some((tag) => tag.toLowerCase() === wanted));
}
