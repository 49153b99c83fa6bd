import type { FeedbackStore } from "../store/feedback-store.js";

/**
 * `kubecon feedback --json`: every vote, oldest first, one JSON object a line — the canonical
 * command, the sections it showed, the vote, the platform and the hashed workspace or guild.
 */
export async function feedbackLines(store: FeedbackStore): Promise<string[]> {
  return (await store.votes()).map((vote) =>
    JSON.stringify({
      command: vote.command,
      sections: vote.sectionIds,
      vote: vote.vote,
      platform: vote.platform,
      space: vote.spaceHash,
      at: vote.at.toISOString(),
    }),
  );
}
