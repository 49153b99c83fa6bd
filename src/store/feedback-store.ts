/**
 * Votes on answers, kept so search can be tuned on real use. Nothing here names a person or holds
 * text anyone typed beyond the canonical command: the workspace or guild and the voter are keyed
 * hashes (see `FeedbackStore.hashKey`).
 */

export type Vote = "up" | "down";

export interface VoteRecord {
  /** The answer voted on: a hash of platform, workspace or guild, and canonical command. */
  answerId: string;
  /** A hash of who voted, so each person has one vote per answer. */
  voterHash: string;
  /** The canonical command of the answer (`search ebpf page:2`). */
  command: string;
  /** The sections the answer showed, in order. */
  sectionIds: readonly string[];
  vote: Vote;
  platform: string;
  /** A hash of the workspace or guild; empty where there is none (a DM, the terminal). */
  spaceHash: string;
  at: Date;
}

/** What an export line holds: the vote without the voter. */
export type ExportedVote = Omit<VoteRecord, "answerId" | "voterHash">;

/** A first vote, a vote changed by a second click, or the same vote again. */
export type VoteOutcome = "recorded" | "changed" | "unchanged";

/** How many voters' current vote is `vote` on `platform`'s answers. */
export interface VoteCount {
  platform: string;
  vote: Vote;
  count: number;
}

export interface FeedbackStore {
  /** Resolves once the store answers (PostgreSQL connects in the background); rejects when it cannot. */
  ready(): Promise<void>;
  /** The secret the hashes are keyed with: made once, kept in the database, never exported. */
  hashKey(): Promise<Buffer>;
  /** One vote per voter per answer: a second vote replaces the first. */
  recordVote(vote: VoteRecord): Promise<VoteOutcome>;
  /** Every vote, oldest first. */
  votes(): Promise<ExportedVote[]>;
  /** The votes standing now, by platform and vote (pairs with none left out), ordered by platform then vote. */
  counts(): Promise<VoteCount[]>;
  close(): Promise<void>;
}
