import { createHmac } from "node:crypto";
import type { Reply } from "../cards/card.js";
import type { CommandContext } from "../commands/context.js";
import type { CommandSpec } from "../commands/spec.js";
import { UserError } from "../commands/user-error.js";
import type { Clock } from "../daily/clock.js";
import type { FeedbackStore, Vote } from "../store/feedback-store.js";
import { decodeAnswer, VOTE_COMMAND } from "../cards/feedback-actions.js";

export interface FeedbackCommandsOptions {
  /** The votes' store, asked for when a vote comes: listing or registering the commands opens none. */
  store: () => FeedbackStore;
  /** Runs an answer's command again, to learn which sections it showed. */
  answer(command: string, ctx: CommandContext): Promise<Reply>;
  clock: Clock;
}

const THANKS: Record<Vote, string> = { up: "Thanks, glad it helped 👍", down: "Thanks, noted 👎: this helps tune search" };
const STALE = "That answer can no longer be rated. Search again to vote on the new one.";

/** A keyed hash, short and hex: the same input always gives the same word, no key gives it back. */
function keyedHash(key: Buffer, ...parts: string[]): string {
  return createHmac("sha256", key).update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

/** `vote up|down <answer>`, run by the 👍/👎 buttons of a search answer; hidden from help and menus. */
export function feedbackCommands({ store, answer, clock }: FeedbackCommandsOptions): CommandSpec[] {
  return [
    {
      name: VOTE_COMMAND,
      summary: "Rate a search answer (the 👍/👎 buttons)",
      examples: ["vote up c2VhcmNoIGVicGY"],
      args: [
        { name: "vote", description: "up or down", type: "string", positional: true, required: true, choices: ["up", "down"] },
        { name: "answer", description: "The answer voted on", type: "string", positional: true, required: true, maxLength: 1000 },
      ],
      visibility: "ephemeral",
      hidden: true,
      async run(args, ctx) {
        const command = decodeAnswer(String(args.answer));
        if (command === undefined) throw new UserError(STALE);
        const shown = await answer(command, ctx);
        const sectionIds = (shown.card.items ?? []).flatMap((item) => (item.id ? [item.id] : []));
        if (shown.isError || sectionIds.length === 0) throw new UserError(STALE);
        const vote = String(args.vote) as Vote;
        const key = await store().hashKey();
        const space = ctx.spaceId ?? "";
        const outcome = await store().recordVote({
          answerId: keyedHash(key, "answer", ctx.platform, space, command),
          voterHash: keyedHash(key, "voter", ctx.platform, space, ctx.userId),
          command,
          sectionIds,
          vote,
          platform: ctx.platform,
          spaceHash: space ? keyedHash(key, "space", ctx.platform, space) : "",
          at: clock.now(),
        });
        const title = outcome === "changed" ? `Vote changed. ${THANKS[vote]}` : THANKS[vote];
        return { card: { title }, visibility: "ephemeral" };
      },
    },
  ];
}
