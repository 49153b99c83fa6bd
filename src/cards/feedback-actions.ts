import type { CardAction } from "./card.js";

export type VoteValue = "up" | "down";

export const VOTE_COMMAND = "vote";

/**
 * The answer a vote is about, as one word of command text: its canonical command in base64url,
 * so the quoting inside it (`speaker:"Liz Rice"`) survives being an argument of another command.
 */
export function encodeAnswer(command: string): string {
  return Buffer.from(command, "utf8").toString("base64url");
}

/** The canonical command back from `encodeAnswer`, or undefined when the word is not one. */
export function decodeAnswer(word: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(word)) return undefined;
  const command = Buffer.from(word, "base64url").toString("utf8");
  return encodeAnswer(command) === word ? command : undefined;
}

/** 👍 and 👎 for an answer: each runs `vote up|down <answer>`, which thanks the voter alone. */
export function feedbackActions(command: string): CardAction[] {
  const answer = encodeAnswer(command);
  return [
    { kind: "feedback", label: "👍", command: `${VOTE_COMMAND} up ${answer}` },
    { kind: "feedback", label: "👎", command: `${VOTE_COMMAND} down ${answer}` },
  ];
}
