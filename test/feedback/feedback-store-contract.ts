import { describe, expect, it } from "vitest";
import type { FeedbackStore, VoteRecord } from "../../src/store/feedback-store.js";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));

function vote(fields: Partial<VoteRecord> = {}): VoteRecord {
  return {
    answerId: "answer-1",
    voterHash: "voter-1",
    command: "search ebpf",
    sectionIds: ["s-1", "s-2"],
    vote: "up",
    platform: "slack",
    spaceHash: "space-1",
    at: at(0),
    ...fields,
  };
}

/** What every FeedbackStore must do, run against SQLite and PostgreSQL alike. */
export function feedbackStoreContract(name: string, open: () => Promise<FeedbackStore>): void {
  describe(`${name} feedback store`, () => {
    it("keeps one vote per voter per answer: a second vote changes it, the same one again changes nothing", async () => {
      const store = await open();
      try {
        expect(await store.recordVote(vote())).toBe("recorded");
        expect(await store.recordVote(vote({ at: at(1) }))).toBe("unchanged");
        expect(await store.recordVote(vote({ vote: "down", at: at(2) }))).toBe("changed");
        expect(await store.recordVote(vote({ voterHash: "voter-2", at: at(3) }))).toBe("recorded");
        expect(await store.recordVote(vote({ answerId: "answer-2", command: "search gitops", at: at(4) }))).toBe("recorded");
        expect(await store.counts()).toEqual([
          { platform: "slack", vote: "down", count: 1 },
          { platform: "slack", vote: "up", count: 2 },
        ]);
        expect(await store.votes()).toEqual([
          { command: "search ebpf", sectionIds: ["s-1", "s-2"], vote: "down", platform: "slack", spaceHash: "space-1", at: at(2) },
          { command: "search ebpf", sectionIds: ["s-1", "s-2"], vote: "up", platform: "slack", spaceHash: "space-1", at: at(3) },
          { command: "search gitops", sectionIds: ["s-1", "s-2"], vote: "up", platform: "slack", spaceHash: "space-1", at: at(4) },
        ]);
      } finally {
        await store.close();
      }
    });

    it("counts the votes standing now by platform and vote, a changed vote counted once where it went", async () => {
      const store = await open();
      try {
        const others = async () => (await store.counts()).filter((count) => count.platform !== "slack");
        expect(await others()).toEqual([]);
        await store.recordVote(vote({ answerId: "d-1", platform: "discord" }));
        await store.recordVote(vote({ answerId: "d-1", platform: "discord", voterHash: "voter-2" }));
        await store.recordVote(vote({ answerId: "d-1", platform: "discord", voterHash: "voter-2", vote: "down" }));
        await store.recordVote(vote({ answerId: "d-2", platform: "discord", voterHash: "voter-3", vote: "down" }));
        await store.recordVote(vote({ answerId: "m-1", platform: "mattermost" }));
        expect(await others()).toEqual([
          { platform: "discord", vote: "down", count: 2 },
          { platform: "discord", vote: "up", count: 1 },
          { platform: "mattermost", vote: "up", count: 1 },
        ]);
      } finally {
        await store.close();
      }
    });

    it("keeps its hash key across connections", async () => {
      const first = await open();
      const key = await first.hashKey();
      await first.close();
      const second = await open();
      try {
        expect(key.length).toBe(32);
        expect((await second.hashKey()).equals(key)).toBe(true);
      } finally {
        await second.close();
      }
    });
  });
}
