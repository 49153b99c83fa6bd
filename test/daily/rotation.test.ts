import { describe, expect, it } from "vitest";
import { chooseTakeaway, matchingTakeaways, remainingInCycle } from "../../src/daily/rotation.js";
import type { Takeaway } from "../../src/takeaways/takeaways.js";
import { FakeClock, takeaway } from "./helpers.js";
import { Throttle } from "../../src/daily/throttle.js";

const pool = Array.from({ length: 20 }, (_, i) => takeaway(`s${i}#${i.toString(16).padStart(8, "0")}`));

/** Plays a rotation for `days` posts, remembering posted ids the way the store does. */
function play(subscriptionId: string, takeaways: readonly Takeaway[], days: number): string[] {
  let cycle = 0;
  let posted = new Set<string>();
  const order: string[] = [];
  for (let day = 0; day < days; day++) {
    const choice = chooseTakeaway(subscriptionId, { cycle, postedIds: posted }, takeaways)!;
    if (choice.cycle !== cycle) [cycle, posted] = [choice.cycle, new Set()];
    posted.add(choice.takeaway.id);
    order.push(choice.takeaway.id);
  }
  return order;
}

describe("rotation", () => {
  it("posts every takeaway once before any repeats, then starts a new shuffled cycle", () => {
    const order = play("slack:C1", pool, 45);
    expect(new Set(order.slice(0, 20)).size).toBe(20);
    expect(new Set(order.slice(20, 40)).size).toBe(20);
    expect(order.slice(20, 40)).not.toEqual(order.slice(0, 20));
  });

  it("is the same order for the same subscription, a different one for another", () => {
    expect(play("slack:C1", pool, 20)).toEqual(play("slack:C1", [...pool].reverse(), 20));
    expect(play("discord:42", pool, 20)).not.toEqual(play("slack:C1", pool, 20));
  });

  it("keeps the order of the others when re-indexing adds or drops takeaways", () => {
    const before = play("slack:C1", pool, 20);
    const added = takeaway("new#00000000");
    const after = play("slack:C1", [...pool.slice(1), added], 20).filter((id) => id !== added.id);
    expect(after).toEqual(before.filter((id) => id !== pool[0]!.id));
  });

  it("never posts a section twice before every section with a takeaway left had one more", () => {
    const sizes = [5, 1, 3, 2, 1];
    const uneven = sizes.flatMap((size, s) => Array.from({ length: size }, (_, i) => takeaway(`sec${s}#${s}${i}`.padEnd(13, "0"))));
    for (const subscription of ["slack:C1", "discord:42", "slack:C9"]) {
      const sections = play(subscription, uneven, uneven.length).map((id) => id.split("#")[0]!);
      const seen = new Map<string, number>();
      for (const [day, section] of sections.entries()) {
        const round = seen.get(section) ?? 0;
        // Every section that still had a takeaway for this round was posted in the rounds before.
        const behind = sizes.filter((size, s) => size > round && (seen.get(`sec${s}`) ?? 0) < round);
        expect(behind, `day ${day}: ${section} again before ${behind.length} sections had their turn`).toEqual([]);
        seen.set(section, round + 1);
      }
      expect(new Set(play(subscription, uneven, uneven.length)).size).toBe(uneven.length);
    }
  });

  it("counts what is left before the rotation restarts", () => {
    const postedIds = new Set(pool.slice(0, 5).map((t) => t.id));
    expect(remainingInCycle({ cycle: 0, postedIds }, pool)).toBe(15);
    expect(remainingInCycle({ cycle: 0, postedIds: new Set(pool.map((t) => t.id)) }, pool)).toBe(20);
    expect(chooseTakeaway("slack:C1", { cycle: 0, postedIds }, pool)!.remaining).toBe(15);
    expect(chooseTakeaway("slack:C1", { cycle: 0, postedIds }, [])).toBeUndefined();
  });

  it("draws postable takeaways only, for every topic", () => {
    const weak = Array.from({ length: 10 }, (_, i) => ({ ...takeaway(`w${i}#${i}`), score: 0.2, postable: false }));
    const mixed = [...pool, ...weak];
    expect(matchingTakeaways(mixed, undefined)).toEqual(pool);
    expect(matchingTakeaways(mixed, "eBPF")).toEqual(pool);
    const order = play("slack:C1", matchingTakeaways(mixed, undefined), 45);
    expect(order.every((id) => pool.some((t) => t.id === id))).toBe(true);
    expect(remainingInCycle({ cycle: 0, postedIds: new Set() }, matchingTakeaways(mixed, undefined))).toBe(pool.length);
  });

  it("restricts takeaways to a topic tag, case aside", () => {
    const mixed = [takeaway("a#1", ["eBPF"]), takeaway("b#2", ["Security"]), takeaway("c#3", ["Security", "eBPF"])];
    expect(matchingTakeaways(mixed, "ebpf").map((t) => t.id)).toEqual(["a#1", "c#3"]);
    expect(matchingTakeaways(mixed, undefined)).toHaveLength(3);
  });
});

describe("Throttle", () => {
  it("spaces posts to one channel a second apart and lets other channels through", async () => {
    const clock = new FakeClock("2025-06-01T09:00:00Z");
    const throttle = new Throttle(clock, 1000);
    const sentAt: Record<string, number[]> = {};
    const send = async (key: string) => {
      await throttle.wait(key);
      (sentAt[key] ??= []).push(clock.now().getTime() - Date.parse("2025-06-01T09:00:00Z"));
    };
    const sending = Promise.all([send("slack:C1"), send("slack:C1"), send("slack:C2"), send("slack:C1")]);
    await clock.runUntil("2025-06-01T09:00:10Z");
    await sending;
    expect(sentAt).toEqual({ "slack:C1": [0, 1000, 2000], "slack:C2": [0] });
  });
});
