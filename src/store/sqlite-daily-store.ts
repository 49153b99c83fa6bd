import Database from "better-sqlite3";
import { NEWS_RECLAIM, NEWS_RECLAIMABLE, reclaimAssignments, reclaimable } from "./claim-rules.js";
import type {
  Claim,
  ClaimRequest,
  DailyPost,
  DailyStore,
  DealPosition,
  NewsClaim,
  NewsOutcome,
  PostedRecord,
  RotationState,
  StoreHealth,
  Subscription,
  SubscriptionSettings,
} from "./daily-store.js";
import { DEAL_ADVANCE } from "./deal-rules.js";
import { newsOutcomeColumns, toClaim, toNewsClaim, toPost, toSubscription, type NewsRow, type PostRow, type SubscriptionRow } from "./rows.js";
import type { Logger } from "../log/logger.js";
import { openSqliteFile, type SqliteFileSpec, type SqliteGuard } from "./sqlite-file.js";
import { StoreError } from "./store-error.js";

export const DATABASE_FILE = "kubecon.db";

/**
 * Schema versions, applied in order and counted in SQLite's user_version. Never edit a shipped
 * step: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscription (
     id TEXT PRIMARY KEY,
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     space_id TEXT,
     post_time TEXT NOT NULL,
     zone TEXT NOT NULL,
     topic TEXT,
     created_by TEXT NOT NULL,
     since INTEGER NOT NULL,
     enabled INTEGER NOT NULL DEFAULT 1,
     disabled_reason TEXT,
     disabled_at INTEGER,
     rotation_cycle INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE daily_post (
     subscription_id TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
     local_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'retry', 'posted', 'failed')),
     attempts INTEGER NOT NULL,
     claimed_at INTEGER NOT NULL,
     next_attempt_at INTEGER,
     takeaway_id TEXT,
     message_id TEXT,
     error TEXT,
     UNIQUE (subscription_id, local_date)
   );
   CREATE TABLE rotation_posted (
     subscription_id TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
     cycle INTEGER NOT NULL,
     takeaway_id TEXT NOT NULL,
     posted_at INTEGER NOT NULL,
     PRIMARY KEY (subscription_id, cycle, takeaway_id)
   );`,
  // Crash-safe sends: a `sending` state, the claim id the platforms deduplicate on, what was being
  // sent; and the last post time of each subscription.
  `CREATE TABLE daily_post_v2 (
     subscription_id TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
     local_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'retry', 'posted', 'failed')),
     claim_id TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     claimed_at INTEGER NOT NULL,
     next_attempt_at INTEGER,
     takeaway_id TEXT,
     cycle INTEGER,
     sending_at INTEGER,
     message_id TEXT,
     error TEXT,
     UNIQUE (subscription_id, local_date)
   );
   INSERT INTO daily_post_v2 (subscription_id, local_date, status, claim_id, attempts, claimed_at, next_attempt_at, takeaway_id, message_id, error)
     SELECT subscription_id, local_date, status, lower(hex(randomblob(12))), attempts, claimed_at, next_attempt_at, takeaway_id, message_id, error
     FROM daily_post;
   DROP TABLE daily_post;
   ALTER TABLE daily_post_v2 RENAME TO daily_post;
   ALTER TABLE subscription ADD COLUMN last_posted_at INTEGER;
   UPDATE subscription SET last_posted_at =
     (SELECT max(claimed_at) FROM daily_post WHERE subscription_id = subscription.id AND status = 'posted');`,
  // Platform request ids within their signature window (replays and retries act once).
  `CREATE TABLE platform_request (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, answer TEXT);
   CREATE INDEX platform_request_expiry ON platform_request (expires_at);`,
  // "New recap" posts: a subscription's opt-in, and one record a recap.
  `ALTER TABLE subscription ADD COLUMN news_since INTEGER;
   CREATE TABLE news_post (
     subscription_id TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
     recap_key TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'posted', 'failed')),
     claim_id TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     claimed_at INTEGER NOT NULL,
     sending_at INTEGER,
     message_id TEXT,
     error TEXT,
     PRIMARY KEY (subscription_id, recap_key)
   );`,
  // Each space's deal of takeaways for the `takeaway` command: `position` is the next to give.
  `CREATE TABLE takeaway_deal (
     space TEXT PRIMARY KEY,
     seed INTEGER NOT NULL,
     size INTEGER NOT NULL,
     position INTEGER NOT NULL,
     dealt_at INTEGER NOT NULL
   );`,
];

const DAILY_FILE: SqliteFileSpec = {
  name: DATABASE_FILE,
  ifDamaged: "stop the bot, move the file away and restore the last copy made with 'kubecon backup <file>' in its place (or start without it: subscriptions are lost)",
};

/** Opens (creating if needed) `<dataDir>/kubecon.db` and brings its schema up to date. */
export function openSqliteDailyStore(dataDir: string, logger?: Logger): SqliteDailyStore {
  return openSqliteFile(
    dataDir,
    DAILY_FILE,
    (db, file, guard) => {
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      migrate(db, file);
      return new SqliteDailyStore(guard, db, prepare(db));
    },
    logger,
  );
}

/** The embedded default: one SQLite file that several processes on one host may share. */
export class SqliteDailyStore implements DailyStore {
  constructor(
    /** Every write goes through it: refused when the file cannot keep it. */
    private readonly guard: SqliteGuard,
    private readonly db: Database.Database,
    private readonly statements: Statements,
  ) {}

  get file(): string {
    return this.guard.file;
  }

  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  async saveSubscription(settings: SubscriptionSettings): Promise<Subscription> {
    this.guard.write(() => this.statements.saveSubscription.run({
      id: settings.id,
      platform: settings.platform,
      channel_id: settings.channelId,
      space_id: settings.spaceId ?? null,
      post_time: settings.postTime,
      zone: settings.zone,
      topic: settings.topic ?? null,
      created_by: settings.createdBy,
      since: settings.since.getTime(),
    }));
    return (await this.getSubscription(settings.id))!;
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const row = this.statements.getSubscription.get(id) as SubscriptionRow<number> | undefined;
    return row && toSubscription(row);
  }

  async enabledSubscriptions(): Promise<Subscription[]> {
    return (this.statements.enabledSubscriptions.all() as SubscriptionRow<number>[]).map(toSubscription);
  }

  async disableSubscription(id: string, reason: string, at: Date): Promise<boolean> {
    return this.guard.write(() => this.statements.disableSubscription.run(reason, at.getTime(), id)).changes > 0;
  }

  async claim(requests: readonly ClaimRequest[], now: Date, staleBefore: Date): Promise<Claim[]> {
    // One write transaction for the batch: the file has a single writer at a time anyway.
    return this.guard.write(() => this.db.transaction(() => {
      const won: Claim[] = [];
      for (const request of requests) {
        const row = this.statements.claim.get({
          subscription_id: request.subscriptionId,
          local_date: request.localDate,
          claim_id: request.claimId,
          now: now.getTime(),
          stale_before: staleBefore.getTime(),
        }) as PostRow<number> | undefined;
        if (row) won.push(toClaim(row));
      }
      return won;
    }).immediate());
  }

  async getPost(subscriptionId: string, localDate: string): Promise<DailyPost | undefined> {
    const row = this.statements.getPost.get(subscriptionId, localDate) as PostRow<number> | undefined;
    return row && toPost(row);
  }

  async markSending(claim: Claim, takeawayId: string, cycle: number, at: Date): Promise<boolean> {
    return this.guard.write(() => this.statements.markSending.run(takeawayId, cycle, at.getTime(), ...key(claim), claim.attempt)).changes > 0;
  }

  async recordPosted(post: PostedRecord): Promise<boolean> {
    return this.guard.write(() => this.db.transaction(() => {
      const marked = this.statements.markPosted.run(post.takeawayId, post.messageId, post.subscriptionId, post.localDate, post.attempt);
      if (marked.changes === 0) return false;
      this.statements.noteCycle.run({ id: post.subscriptionId, cycle: post.cycle, at: post.at.getTime() });
      this.statements.forgetOldCycles.run(post.subscriptionId, post.cycle);
      this.statements.addPostedTakeaway.run(post.subscriptionId, post.cycle, post.takeawayId, post.at.getTime());
      return true;
    }).immediate());
  }

  async scheduleRetry(claim: Claim, nextAttemptAt: Date, error: string, unsettled: boolean): Promise<boolean> {
    const [id, date] = key(claim);
    const params = { next: nextAttemptAt.getTime(), error, unsettled: unsettled ? 1 : 0, id, date, attempt: claim.attempt };
    return this.guard.write(() => this.statements.scheduleRetry.run(params)).changes > 0;
  }

  async recordFailed(claim: Claim, error: string): Promise<boolean> {
    return this.guard.write(() => this.statements.markFailed.run(error, ...key(claim), claim.attempt)).changes > 0;
  }

  async setNews(id: string, since: Date | undefined): Promise<boolean> {
    return this.guard.write(() => this.statements.setNews.run(since?.getTime() ?? null, id)).changes > 0;
  }

  async claimNews(request: { subscriptionId: string; recapKey: string; claimId: string }, now: Date, staleBefore: Date, maxAttempts: number): Promise<NewsClaim | undefined> {
    const row = this.guard.write(() =>
      this.statements.claimNews.get({
        subscription_id: request.subscriptionId,
        recap_key: request.recapKey,
        claim_id: request.claimId,
        now: now.getTime(),
        stale_before: staleBefore.getTime(),
        max_attempts: maxAttempts,
      }),
    ) as NewsRow<number> | undefined;
    return row && toNewsClaim(row);
  }

  async markNewsSending(claim: NewsClaim, at: Date): Promise<boolean> {
    return this.guard.write(() => this.statements.markNewsSending.run(at.getTime(), claim.subscriptionId, claim.recapKey, claim.attempt)).changes > 0;
  }

  async recordNews(claim: NewsClaim, outcome: NewsOutcome): Promise<boolean> {
    const { status, messageId, error } = newsOutcomeColumns(outcome);
    return this.guard.write(() => this.statements.recordNews.run(status, messageId, error, claim.subscriptionId, claim.recapKey, claim.attempt)).changes > 0;
  }

  async rotation(subscriptionId: string): Promise<RotationState> {
    const cycleRow = this.statements.rotationCycle.get(subscriptionId) as { rotation_cycle: number } | undefined;
    const cycle = cycleRow?.rotation_cycle ?? 0;
    const ids = this.statements.postedTakeaways.pluck().all(subscriptionId, cycle) as string[];
    return { cycle, postedIds: new Set(ids) };
  }

  async nextInDeal(space: string, size: number, freshSeed: number, at: Date): Promise<DealPosition> {
    return this.guard.write(() => this.statements.nextInDeal.get({ space, size, seed: freshSeed, at: at.getTime() })) as DealPosition;
  }

  async firstRequest(key: string, now: Date, until: Date): Promise<boolean> {
    return this.guard.write(() => this.db.transaction(() => {
      this.statements.forgetRequests.run(now.getTime());
      return this.statements.noteRequest.run(key, until.getTime()).changes > 0;
    }).immediate());
  }

  async saveAnswer(key: string, answer: string): Promise<void> {
    this.guard.write(() => this.statements.saveAnswer.run(answer, key));
  }

  async answerOf(key: string): Promise<string | undefined> {
    return (this.statements.answerOf.pluck().get(key) as string | null | undefined) ?? undefined;
  }

  /** The file is open and migrated once constructed. */
  async ready(): Promise<void> {}

  async health(): Promise<StoreHealth> {
    const problem = this.guard.problem();
    if (problem) return { ok: false, reason: problem };
    try {
      this.statements.ping.get();
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `SQLite ${this.file}: ${(error as Error).message}` };
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function key(claim: Claim): [string, string] {
  return [claim.subscriptionId, claim.localDate];
}

function migrate(db: Database.Database, file: string): void {
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreError(
        `${file} has schema version ${version}, newer than this release knows (${MIGRATIONS.length}): run the newer release, or restore a backup made by this one`,
      );
    }
    for (let step = version; step < MIGRATIONS.length; step++) db.exec(MIGRATIONS[step]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

type Statements = ReturnType<typeof prepare>;

function prepare(db: Database.Database) {
  return {
    saveSubscription: db.prepare(
      `INSERT INTO subscription (id, platform, channel_id, space_id, post_time, zone, topic, created_by, since, enabled)
       VALUES (@id, @platform, @channel_id, @space_id, @post_time, @zone, @topic, @created_by, @since, 1)
       ON CONFLICT (id) DO UPDATE SET
         platform = excluded.platform, channel_id = excluded.channel_id, space_id = excluded.space_id,
         post_time = excluded.post_time, zone = excluded.zone, topic = excluded.topic,
         created_by = excluded.created_by, since = excluded.since,
         enabled = 1, disabled_reason = NULL, disabled_at = NULL`,
    ),
    getSubscription: db.prepare(`SELECT * FROM subscription WHERE id = ?`),
    enabledSubscriptions: db.prepare(`SELECT * FROM subscription WHERE enabled = 1 ORDER BY id`),
    disableSubscription: db.prepare(
      `UPDATE subscription SET enabled = 0, disabled_reason = ?, disabled_at = ? WHERE id = ? AND enabled = 1`,
    ),
    // The UNIQUE (subscription_id, local_date) makes the insert the lock: only one process gets a
    // row back. The conflict branch re-opens a date only as the claim rules allow.
    claim: db.prepare(
      `INSERT INTO daily_post (subscription_id, local_date, status, claim_id, attempts, claimed_at)
       SELECT id, @local_date, 'claimed', @claim_id, 1, @now FROM subscription WHERE id = @subscription_id AND enabled = 1
       ON CONFLICT (subscription_id, local_date) DO UPDATE SET ${reclaimAssignments("@now", "excluded.claim_id", "daily_post")}
       WHERE ${reclaimable("@now", "@stale_before", "daily_post", "(SELECT since FROM subscription WHERE id = daily_post.subscription_id)")}
       RETURNING *`,
    ),
    getPost: db.prepare(`SELECT * FROM daily_post WHERE subscription_id = ? AND local_date = ?`),
    markSending: db.prepare(
      `UPDATE daily_post SET status = 'sending', takeaway_id = ?, cycle = ?, sending_at = coalesce(sending_at, ?)
       WHERE subscription_id = ? AND local_date = ? AND attempts = ? AND status = 'claimed'`,
    ),
    markPosted: db.prepare(
      `UPDATE daily_post SET status = 'posted', takeaway_id = ?, message_id = ?, error = NULL
       WHERE subscription_id = ? AND local_date = ? AND attempts = ? AND status IN ('claimed', 'sending')`,
    ),
    noteCycle: db.prepare(
      `UPDATE subscription SET last_posted_at = @at, rotation_cycle = max(rotation_cycle, @cycle) WHERE id = @id`,
    ),
    forgetOldCycles: db.prepare(`DELETE FROM rotation_posted WHERE subscription_id = ? AND cycle < ?`),
    addPostedTakeaway: db.prepare(
      `INSERT OR IGNORE INTO rotation_posted (subscription_id, cycle, takeaway_id, posted_at) VALUES (?, ?, ?, ?)`,
    ),
    // A send whose outcome is unknown keeps what was sent (its takeaway and send time); a refused one forgets it.
    scheduleRetry: db.prepare(
      `UPDATE daily_post SET status = 'retry', next_attempt_at = @next, error = @error,
         takeaway_id = CASE WHEN @unsettled THEN takeaway_id END, cycle = CASE WHEN @unsettled THEN cycle END,
         sending_at = CASE WHEN @unsettled THEN sending_at END
       WHERE subscription_id = @id AND local_date = @date AND attempts = @attempt AND status IN ('claimed', 'sending')`,
    ),
    markFailed: db.prepare(
      `UPDATE daily_post SET status = 'failed', next_attempt_at = NULL, error = ?
       WHERE subscription_id = ? AND local_date = ? AND attempts = ? AND status IN ('claimed', 'sending')`,
    ),
    rotationCycle: db.prepare(`SELECT rotation_cycle FROM subscription WHERE id = ?`),
    postedTakeaways: db.prepare(`SELECT takeaway_id FROM rotation_posted WHERE subscription_id = ? AND cycle = ?`),
    setNews: db.prepare(`UPDATE subscription SET news_since = ? WHERE id = ? AND enabled = 1`),
    // The primary key makes the insert the lock; the conflict branch re-opens a claim left stale, a few times.
    claimNews: db.prepare(
      `INSERT INTO news_post (subscription_id, recap_key, status, claim_id, attempts, claimed_at)
       SELECT id, @recap_key, 'claimed', @claim_id, 1, @now FROM subscription WHERE id = @subscription_id AND enabled = 1 AND news_since IS NOT NULL
       ON CONFLICT (subscription_id, recap_key) DO UPDATE SET ${NEWS_RECLAIM("@now", "news_post")}
       WHERE ${NEWS_RECLAIMABLE("@stale_before", "@max_attempts", "news_post")}
       RETURNING *`,
    ),
    markNewsSending: db.prepare(
      `UPDATE news_post SET status = 'sending', sending_at = coalesce(sending_at, ?)
       WHERE subscription_id = ? AND recap_key = ? AND attempts = ? AND status IN ('claimed', 'sending')`,
    ),
    recordNews: db.prepare(
      `UPDATE news_post SET status = ?, message_id = ?, error = ?
       WHERE subscription_id = ? AND recap_key = ? AND attempts = ? AND status IN ('claimed', 'sending')`,
    ),
    nextInDeal: db.prepare(
      `INSERT INTO takeaway_deal (space, seed, size, position, dealt_at) VALUES (@space, @seed, @size, 1, @at)
       ON CONFLICT (space) DO UPDATE SET ${DEAL_ADVANCE}
       RETURNING seed, position - 1 AS position`,
    ),
    ping: db.prepare(`SELECT count(*) FROM sqlite_schema`),
    forgetRequests: db.prepare(`DELETE FROM platform_request WHERE expires_at <= ?`),
    noteRequest: db.prepare(`INSERT INTO platform_request (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`),
    saveAnswer: db.prepare(`UPDATE platform_request SET answer = ? WHERE key = ?`),
    answerOf: db.prepare(`SELECT answer FROM platform_request WHERE key = ?`),
  };
}
