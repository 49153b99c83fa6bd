import type { RotationState } from "../store/daily-store.js";
import type { Takeaway } from "../takeaways/takeaways.js";

/**
 * A subscription's order over the takeaways: a shuffle seeded by its id and cycle, computed per
 * takeaway id (not per position), so it survives restarts, and re-indexing that adds or drops
 * takeaways leaves the others' order alone. Posted ids are remembered, so nothing repeats until
 * every matching takeaway had its day.
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
  let open = candidates.filter((takeaway) => !state.postedIds.has(takeaway.id));
  if (open.length === 0) {
    cycle += 1;
    open = [...candidates];
  }
  const seed = hash(`${subscriptionId}\u0000${cycle}`, 0x811c9dc5);
  let best = open[0]!;
  let bestKey = hash(best.id, seed);
  for (const takeaway of open) {
    const key = hash(takeaway.id, seed);
    if (key < bestKey || (key === bestKey && takeaway.id < best.id)) {
      best = takeaway;
      bestKey = key;
    }
  }
  return { takeaway: best, cycle, remaining: open.length };
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

/** FNV-1a over the text from a seed, then a murmur3 finalizer so nearby seeds scatter. */
function hash(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
