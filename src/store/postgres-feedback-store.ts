import { randomBytes } from "node:crypto";
import type { ExportedVote, FeedbackStore, Vote, VoteCount, VoteOutcome, VoteRecord } from "./feedback-store.js";
import { PostgresDatabase, type PostgresSchema, type PostgresStoreOptions } from "./postgres-database.js";

/** Its own version table, so the daily store's steps and these never count each other. */
const SCHEMA: PostgresSchema = {
  versionTable: "feedback_schema_migration",
  migrations: [
    `CREATE TABLE feedback_key (id integer PRIMARY KEY CHECK (id = 1), secret bytea NOT NULL);
     CREATE TABLE feedback_vote (
       seq bigint GENERATED ALWAYS AS IDENTITY,
       answer_id text NOT NULL,
       voter_hash text NOT NULL,
       command text NOT NULL,
       section_ids text[] NOT NULL,
       vote text NOT NULL CHECK (vote IN ('up', 'down')),
       platform text NOT NULL,
       space_hash text NOT NULL,
       at timestamptz NOT NULL,
       PRIMARY KEY (answer_id, voter_hash)
     );`,
  ],
};

interface VoteRow {
  command: string;
  section_ids: string[];
  vote: Vote;
  platform: string;
  space_hash: string;
  at: Date;
}

/** The feedback store of several replicas, in the DATABASE_URL database beside the daily store's tables. */
export class PostgresFeedbackStore implements FeedbackStore {
  private readonly db: PostgresDatabase;
  private key: Promise<Buffer> | undefined;

  constructor(options: PostgresStoreOptions) {
    this.db = new PostgresDatabase(SCHEMA, { poolSize: 2, ...options });
  }

  ready(): Promise<void> {
    return this.db.ready();
  }

  hashKey(): Promise<Buffer> {
    this.key ??= this.makeOrReadKey();
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }

  /**
   * The first replica to ask makes the key; every other one reads that one. A replica that raced
   * the maker waits on its insert but cannot see the row in the same statement: it reads again.
   */
  private async makeOrReadKey(): Promise<Buffer> {
    const made = await this.db.query<{ secret: Buffer }>(
      `WITH made AS (INSERT INTO feedback_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING RETURNING secret)
       SELECT secret FROM made UNION ALL SELECT secret FROM feedback_key WHERE id = 1`,
      [randomBytes(32)],
    );
    const rows = made.length ? made : await this.db.query<{ secret: Buffer }>(`SELECT secret FROM feedback_key WHERE id = 1`);
    return rows[0]!.secret;
  }

  async recordVote(vote: VoteRecord): Promise<VoteOutcome> {
    // One statement: a new row is "recorded" (xmax 0 marks a row this statement inserted), a
    // different vote "changed", the same vote updates nothing and returns no row.
    const rows = await this.db.query<{ inserted: boolean }>(
      `INSERT INTO feedback_vote (answer_id, voter_hash, command, section_ids, vote, platform, space_hash, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (answer_id, voter_hash) DO UPDATE SET vote = excluded.vote, section_ids = excluded.section_ids, at = excluded.at
       WHERE feedback_vote.vote <> excluded.vote
       RETURNING (xmax = 0) AS inserted`,
      [vote.answerId, vote.voterHash, vote.command, [...vote.sectionIds], vote.vote, vote.platform, vote.spaceHash, vote.at],
    );
    if (rows.length === 0) return "unchanged";
    return rows[0]!.inserted ? "recorded" : "changed";
  }

  async votes(): Promise<ExportedVote[]> {
    const rows = await this.db.query<VoteRow>(`SELECT command, section_ids, vote, platform, space_hash, at FROM feedback_vote ORDER BY at, seq`);
    return rows.map((row) => ({
      command: row.command,
      sectionIds: row.section_ids,
      vote: row.vote,
      platform: row.platform,
      spaceHash: row.space_hash,
      at: row.at,
    }));
  }

  counts(): Promise<VoteCount[]> {
    return this.db.query<VoteCount>(
      `SELECT platform, vote, count(*)::int AS count FROM feedback_vote GROUP BY platform, vote ORDER BY platform COLLATE "C", vote COLLATE "C"`,
    );
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
