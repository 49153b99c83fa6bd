import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import type { ExportedVote, FeedbackStore, Vote, VoteCount, VoteOutcome, VoteRecord } from "./feedback-store.js";
import type { Logger } from "../log/logger.js";
import { openSqliteFile, type SqliteGuard } from "./sqlite-file.js";

/** Its own file beside the daily store's, so neither's migrations can trip over the other's. */
export const FEEDBACK_FILE = "feedback.db";

/** The votes only tune search: a damaged file can go, with what it held. */
const FILE = { name: FEEDBACK_FILE, ifDamaged: "stop the bot, move the file away and restore the last copy made with 'kubecon backup <file>' (<file>.feedback.db) in its place; without one the bot starts again with no votes (they only tune search)" };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS feedback_key (id INTEGER PRIMARY KEY CHECK (id = 1), secret BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS feedback_vote (
    answer_id TEXT NOT NULL,
    voter_hash TEXT NOT NULL,
    command TEXT NOT NULL,
    section_ids TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    platform TEXT NOT NULL,
    space_hash TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (answer_id, voter_hash)
  );`;

interface VoteRow {
  command: string;
  section_ids: string;
  vote: Vote;
  platform: string;
  space_hash: string;
  at: number;
}

/** The feedback store in `DATA_DIR/feedback.db` (SQLite, WAL). */
export function openSqliteFeedbackStore(dataDir: string, logger?: Logger): FeedbackStore {
  return openSqliteFile(dataDir, FILE, feedbackStore, logger);
}

function feedbackStore(db: Database.Database, _file: string, guard: SqliteGuard): FeedbackStore {
  db.exec(SCHEMA);
  db.prepare("INSERT OR IGNORE INTO feedback_key (id, secret) VALUES (1, ?)").run(randomBytes(32));
  const secret = (db.prepare("SELECT secret FROM feedback_key WHERE id = 1").get() as { secret: Buffer }).secret;
  const previous = db.prepare("SELECT vote FROM feedback_vote WHERE answer_id = ? AND voter_hash = ?");
  const upsert = db.prepare(
    `INSERT INTO feedback_vote (answer_id, voter_hash, command, section_ids, vote, platform, space_hash, at)
     VALUES (@answerId, @voterHash, @command, @sectionIds, @vote, @platform, @spaceHash, @at)
     ON CONFLICT (answer_id, voter_hash) DO UPDATE SET vote = excluded.vote, section_ids = excluded.section_ids, at = excluded.at`,
  );
  const record = db.transaction((vote: VoteRecord): VoteOutcome => {
    const before = previous.get(vote.answerId, vote.voterHash) as { vote: Vote } | undefined;
    if (before?.vote === vote.vote) return "unchanged";
    upsert.run({ ...vote, sectionIds: JSON.stringify(vote.sectionIds), at: vote.at.getTime() });
    return before ? "changed" : "recorded";
  });
  return {
    ready: async () => undefined,
    hashKey: async () => secret,
    recordVote: async (vote) => guard.write(() => record(vote)),
    async votes(): Promise<ExportedVote[]> {
      const rows = db.prepare("SELECT command, section_ids, vote, platform, space_hash, at FROM feedback_vote ORDER BY at, rowid").all() as VoteRow[];
      return rows.map((row) => ({
        command: row.command,
        sectionIds: JSON.parse(row.section_ids) as string[],
        vote: row.vote,
        platform: row.platform,
        spaceHash: row.space_hash,
        at: new Date(row.at),
      }));
    },
    async counts(): Promise<VoteCount[]> {
      return db.prepare("SELECT platform, vote, count(*) AS count FROM feedback_vote GROUP BY platform, vote ORDER BY platform, vote").all() as VoteCount[];
    },
    async close() {
      db.close();
    },
  };
}
