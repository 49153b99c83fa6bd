import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type {
  DailyPost,
  DailyStore,
  PostStatus,
  PostedRecord,
  RotationState,
  Subscription,
  SubscriptionSettings,
} from "./daily-store.js";

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
];

interface SubscriptionRow {
  id: string;
  platform: string;
  channel_id: string;
  space_id: string | null;
  post_time: string;
  zone: string;
  topic: string | null;
  created_by: string;
  since: number;
  enabled: number;
  disabled_reason: string | null;
  disabled_at: number | null;
}

interface PostRow {
  subscription_id: string;
  local_date: string;
  status: PostStatus;
  attempts: number;
  claimed_at: number;
  next_attempt_at: number | null;
  takeaway_id: string | null;
  message_id: string | null;
  error: string | null;
}

/** Opens (creating if needed) `<dataDir>/kubecon.db` and brings its schema up to date. */
export function openSqliteDailyStore(dataDir: string): SqliteDailyStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteDailyStore(join(dataDir, DATABASE_FILE));
}

/** The embedded default: one SQLite file that several processes on one host may share. */
export class SqliteDailyStore implements DailyStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    // WAL lets readers and one writer work at once; busy_timeout makes a second process wait for
    // the write lock instead of failing with SQLITE_BUSY.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    migrate(this.db);
    this.statements = prepare(this.db);
  }

  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  async saveSubscription(settings: SubscriptionSettings): Promise<Subscription> {
    this.statements.saveSubscription.run({
      id: settings.id,
      platform: settings.platform,
      channel_id: settings.channelId,
      space_id: settings.spaceId ?? null,
      post_time: settings.postTime,
      zone: settings.zone,
      topic: settings.topic ?? null,
      created_by: settings.createdBy,
      since: settings.since.getTime(),
    });
    return (await this.getSubscription(settings.id))!;
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const row = this.statements.getSubscription.get(id) as SubscriptionRow | undefined;
    return row && toSubscription(row);
  }

  async enabledSubscriptions(): Promise<Subscription[]> {
    return (this.statements.enabledSubscriptions.all() as SubscriptionRow[]).map(toSubscription);
  }

  async disableSubscription(id: string, reason: string, at: Date): Promise<boolean> {
    return this.statements.disableSubscription.run(reason, at.getTime(), id).changes > 0;
  }

  async claim(subscriptionId: string, localDate: string, now: Date, staleBefore: Date): Promise<boolean> {
    const won = this.statements.claim.get({
      subscription_id: subscriptionId,
      local_date: localDate,
      now: now.getTime(),
      stale_before: staleBefore.getTime(),
    });
    return won !== undefined;
  }

  async getPost(subscriptionId: string, localDate: string): Promise<DailyPost | undefined> {
    const row = this.statements.getPost.get(subscriptionId, localDate) as PostRow | undefined;
    return row && toPost(row);
  }

  async recordPosted(post: PostedRecord): Promise<void> {
    this.db.transaction(() => {
      this.statements.markPosted.run(post.takeawayId, post.messageId, post.subscriptionId, post.localDate);
      this.statements.addPostedTakeaway.run(post.subscriptionId, post.cycle, post.takeawayId, post.at.getTime());
    })();
  }

  async scheduleRetry(subscriptionId: string, localDate: string, nextAttemptAt: Date, error: string): Promise<void> {
    this.statements.scheduleRetry.run(nextAttemptAt.getTime(), error, subscriptionId, localDate);
  }

  async recordFailed(subscriptionId: string, localDate: string, error: string): Promise<void> {
    this.statements.markFailed.run(error, subscriptionId, localDate);
  }

  async rotation(subscriptionId: string): Promise<RotationState> {
    const cycleRow = this.statements.rotationCycle.get(subscriptionId) as { rotation_cycle: number } | undefined;
    const cycle = cycleRow?.rotation_cycle ?? 0;
    const ids = this.statements.postedTakeaways.pluck().all(subscriptionId, cycle) as string[];
    return { cycle, postedIds: new Set(ids) };
  }

  async startCycle(subscriptionId: string, cycle: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.setCycle.run(cycle, subscriptionId);
      this.statements.forgetOldCycles.run(subscriptionId, cycle);
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function migrate(db: Database.Database): void {
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(`database schema version ${version} is newer than this release knows (${MIGRATIONS.length})`);
    }
    for (let step = version; step < MIGRATIONS.length; step++) db.exec(MIGRATIONS[step]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

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
    // row back. The conflict branch re-opens a date only for a due retry or an abandoned claim.
    claim: db.prepare(
      `INSERT INTO daily_post (subscription_id, local_date, status, attempts, claimed_at)
       VALUES (@subscription_id, @local_date, 'claimed', 1, @now)
       ON CONFLICT (subscription_id, local_date) DO UPDATE SET
         status = 'claimed', attempts = attempts + 1, claimed_at = excluded.claimed_at, next_attempt_at = NULL
       WHERE (status = 'retry' AND next_attempt_at <= @now)
          OR (status = 'claimed' AND claimed_at <= @stale_before)
       RETURNING attempts`,
    ),
    getPost: db.prepare(`SELECT * FROM daily_post WHERE subscription_id = ? AND local_date = ?`),
    markPosted: db.prepare(
      `UPDATE daily_post SET status = 'posted', takeaway_id = ?, message_id = ?, error = NULL
       WHERE subscription_id = ? AND local_date = ?`,
    ),
    addPostedTakeaway: db.prepare(
      `INSERT OR IGNORE INTO rotation_posted (subscription_id, cycle, takeaway_id, posted_at) VALUES (?, ?, ?, ?)`,
    ),
    scheduleRetry: db.prepare(
      `UPDATE daily_post SET status = 'retry', next_attempt_at = ?, error = ?
       WHERE subscription_id = ? AND local_date = ?`,
    ),
    markFailed: db.prepare(
      `UPDATE daily_post SET status = 'failed', next_attempt_at = NULL, error = ?
       WHERE subscription_id = ? AND local_date = ?`,
    ),
    rotationCycle: db.prepare(`SELECT rotation_cycle FROM subscription WHERE id = ?`),
    postedTakeaways: db.prepare(`SELECT takeaway_id FROM rotation_posted WHERE subscription_id = ? AND cycle = ?`),
    setCycle: db.prepare(`UPDATE subscription SET rotation_cycle = ? WHERE id = ?`),
    forgetOldCycles: db.prepare(`DELETE FROM rotation_posted WHERE subscription_id = ? AND cycle < ?`),
  };
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    ...(row.space_id !== null && { spaceId: row.space_id }),
    postTime: row.post_time,
    zone: row.zone,
    ...(row.topic !== null && { topic: row.topic }),
    createdBy: row.created_by,
    since: new Date(row.since),
    enabled: row.enabled === 1,
    ...(row.disabled_reason !== null && { disabledReason: row.disabled_reason }),
    ...(row.disabled_at !== null && { disabledAt: new Date(row.disabled_at) }),
  };
}

function toPost(row: PostRow): DailyPost {
  return {
    subscriptionId: row.subscription_id,
    localDate: row.local_date,
    status: row.status,
    attempts: row.attempts,
    claimedAt: new Date(row.claimed_at),
    ...(row.next_attempt_at !== null && { nextAttemptAt: new Date(row.next_attempt_at) }),
    ...(row.takeaway_id !== null && { takeawayId: row.takeaway_id }),
    ...(row.message_id !== null && { messageId: row.message_id }),
    ...(row.error !== null && { error: row.error }),
  };
}
