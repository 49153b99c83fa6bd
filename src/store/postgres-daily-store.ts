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
import { PostgresDatabase, type PostgresSchema, type PostgresStoreOptions } from "./postgres-database.js";
import { newsOutcomeColumns, toClaim, toNewsClaim, toPost, toSubscription, type NewsRow, type PostRow, type SubscriptionRow } from "./rows.js";

/** Counted in schema_migration (see PostgresSchema). */
const SCHEMA: PostgresSchema = {
  versionTable: "schema_migration",
  migrations: [
  `CREATE TABLE subscription (
     id text PRIMARY KEY,
     platform text NOT NULL,
     channel_id text NOT NULL,
     space_id text,
     post_time text NOT NULL,
     zone text NOT NULL,
     topic text,
     created_by text NOT NULL,
     since timestamptz NOT NULL,
     enabled boolean NOT NULL DEFAULT true,
     disabled_reason text,
     disabled_at timestamptz,
     rotation_cycle integer NOT NULL DEFAULT 0,
     last_posted_at timestamptz
   );
   CREATE TABLE daily_post (
     subscription_id text NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
     local_date text NOT NULL,
     status text NOT NULL CHECK (status IN ('claimed', 'sending', 'retry', 'posted', 'failed')),
     claim_id text NOT NULL,
     attempts integer NOT NULL,
     claimed_at timestamptz NOT NULL,
     next_attempt_at timestamptz,
     takeaway_id text,
     cycle integer,
     sending_at timestamptz,
     message_id text,
     error text,
     PRIMARY KEY (subscription_id, local_date)
   );
   CREATE TABLE rotation_posted (
     subscription_id text NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
     cycle integer NOT NULL,
     takeaway_id text NOT NULL,
     posted_at timestamptz NOT NULL,
     PRIMARY KEY (subscription_id, cycle, takeaway_id)
   );`,
    // Platform request ids within their signature window (replays and retries act once).
    `CREATE TABLE platform_request (key text PRIMARY KEY, expires_at timestamptz NOT NULL, answer text);
     CREATE INDEX platform_request_expiry ON platform_request (expires_at);`,
  // "New recap" posts: a subscription's opt-in, and one record a recap.
  `ALTER TABLE subscription ADD COLUMN news_since timestamptz;
   CREATE TABLE news_post (
     subscription_id text NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
     recap_key text NOT NULL,
     status text NOT NULL CHECK (status IN ('claimed', 'sending', 'posted', 'failed')),
     claim_id text NOT NULL,
     attempts integer NOT NULL,
     claimed_at timestamptz NOT NULL,
     sending_at timestamptz,
     message_id text,
     error text,
     PRIMARY KEY (subscription_id, recap_key)
   );`,
  // Each space's deal of takeaways for the `takeaway` command: `position` is the next to give.
  `CREATE TABLE takeaway_deal (
     space text PRIMARY KEY,
     seed bigint NOT NULL,
     size integer NOT NULL,
     position integer NOT NULL,
     dealt_at timestamptz NOT NULL
   );`,
  ],
};

/**
 * The store of several replicas: PostgreSQL through node-postgres. It connects and migrates in the
 * background, retrying with backoff while the server is unreachable (`health()` says why, `ready()`
 * resolves when done); calls made before then, or while the server is away, fail with the reason.
 */
export class PostgresDailyStore implements DailyStore {
  private readonly db: PostgresDatabase;

  constructor(options: PostgresStoreOptions) {
    this.db = new PostgresDatabase(SCHEMA, options);
  }

  /** Resolves once the server answered and the schema is up to date; rejects only when retrying cannot help (or on close). */
  ready(): Promise<void> {
    return this.db.ready();
  }

  async saveSubscription(settings: SubscriptionSettings): Promise<Subscription> {
    const rows = await this.query<SubscriptionRow<Date>>(
      `INSERT INTO subscription (id, platform, channel_id, space_id, post_time, zone, topic, created_by, since, enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)
       ON CONFLICT (id) DO UPDATE SET
         platform = excluded.platform, channel_id = excluded.channel_id, space_id = excluded.space_id,
         post_time = excluded.post_time, zone = excluded.zone, topic = excluded.topic,
         created_by = excluded.created_by, since = excluded.since,
         enabled = true, disabled_reason = NULL, disabled_at = NULL
       RETURNING *`,
      [
        settings.id,
        settings.platform,
        settings.channelId,
        settings.spaceId ?? null,
        settings.postTime,
        settings.zone,
        settings.topic ?? null,
        settings.createdBy,
        settings.since,
      ],
    );
    return toSubscription(rows[0]!);
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const rows = await this.query<SubscriptionRow<Date>>(`SELECT * FROM subscription WHERE id = $1`, [id]);
    return rows[0] && toSubscription(rows[0]);
  }

  async enabledSubscriptions(): Promise<Subscription[]> {
    return (await this.query<SubscriptionRow<Date>>(`SELECT * FROM subscription WHERE enabled ORDER BY id`)).map(toSubscription);
  }

  async disableSubscription(id: string, reason: string, at: Date): Promise<boolean> {
    const rows = await this.query(
      `UPDATE subscription SET enabled = false, disabled_reason = $1, disabled_at = $2 WHERE id = $3 AND enabled RETURNING id`,
      [reason, at, id],
    );
    return rows.length > 0;
  }

  async claim(requests: readonly ClaimRequest[], now: Date, staleBefore: Date): Promise<Claim[]> {
    if (requests.length === 0) return [];
    // Subscriptions another replica is claiming right now are skipped (SKIP LOCKED), not waited
    // for; the unique (subscription, local date) key decides between replicas that race anyway.
    const rows = await this.query<PostRow<Date>>(
      `WITH wanted AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS w(subscription_id, local_date, claim_id)
       ), free AS (
         SELECT w.subscription_id, w.local_date, w.claim_id
         FROM wanted w JOIN subscription s ON s.id = w.subscription_id
         WHERE s.enabled AND NOT EXISTS (
           SELECT 1 FROM daily_post d
           WHERE d.subscription_id = w.subscription_id AND d.local_date = w.local_date
             AND NOT ${reclaimable("$4::timestamptz", "$5::timestamptz", "d", "s.since")})
         FOR UPDATE OF s SKIP LOCKED
       )
       INSERT INTO daily_post AS p (subscription_id, local_date, status, claim_id, attempts, claimed_at)
       SELECT subscription_id, local_date, 'claimed', claim_id, 1, $4::timestamptz FROM free
       ON CONFLICT (subscription_id, local_date) DO UPDATE SET ${reclaimAssignments("$4::timestamptz", "excluded.claim_id", "p")}
       WHERE ${reclaimable("$4::timestamptz", "$5::timestamptz", "p", "(SELECT since FROM subscription WHERE id = p.subscription_id)")}
       RETURNING p.*`,
      [requests.map((r) => r.subscriptionId), requests.map((r) => r.localDate), requests.map((r) => r.claimId), now, staleBefore],
    );
    return rows.map(toClaim);
  }

  async getPost(subscriptionId: string, localDate: string): Promise<DailyPost | undefined> {
    const rows = await this.query<PostRow<Date>>(`SELECT * FROM daily_post WHERE subscription_id = $1 AND local_date = $2`, [subscriptionId, localDate]);
    return rows[0] && toPost(rows[0]);
  }

  async markSending(claim: Claim, takeawayId: string, cycle: number, at: Date): Promise<boolean> {
    return this.changed(
      `UPDATE daily_post SET status = 'sending', takeaway_id = $4, cycle = $5, sending_at = coalesce(sending_at, $6)
       WHERE subscription_id = $1 AND local_date = $2 AND attempts = $3 AND status = 'claimed'`,
      [...fence(claim), takeawayId, cycle, at],
    );
  }

  async recordPosted(post: PostedRecord): Promise<boolean> {
    // One statement, so one transaction: the date, the subscription's cycle and last post, the rotation.
    const rows = await this.query<{ n: number }>(
      `WITH posted AS (
         UPDATE daily_post SET status = 'posted', takeaway_id = $4, message_id = $5, error = NULL
         WHERE subscription_id = $1 AND local_date = $2 AND attempts = $3 AND status IN ('claimed', 'sending')
         RETURNING subscription_id
       ), noted AS (
         UPDATE subscription SET last_posted_at = $7, rotation_cycle = greatest(rotation_cycle, $6)
         WHERE id IN (SELECT subscription_id FROM posted)
       ), forgotten AS (
         DELETE FROM rotation_posted WHERE subscription_id IN (SELECT subscription_id FROM posted) AND cycle < $6
       ), added AS (
         INSERT INTO rotation_posted (subscription_id, cycle, takeaway_id, posted_at)
         SELECT subscription_id, $6, $4, $7 FROM posted ON CONFLICT DO NOTHING
       )
       SELECT count(*)::int AS n FROM posted`,
      [post.subscriptionId, post.localDate, post.attempt, post.takeawayId, post.messageId, post.cycle, post.at],
    );
    return rows[0]!.n > 0;
  }

  async scheduleRetry(claim: Claim, nextAttemptAt: Date, error: string, unsettled: boolean): Promise<boolean> {
    // A send whose outcome is unknown keeps what was sent (its takeaway and send time); a refused one forgets it.
    return this.changed(
      `UPDATE daily_post SET status = 'retry', next_attempt_at = $4, error = $5,
         takeaway_id = CASE WHEN $6 THEN takeaway_id END, cycle = CASE WHEN $6 THEN cycle END,
         sending_at = CASE WHEN $6 THEN sending_at END
       WHERE subscription_id = $1 AND local_date = $2 AND attempts = $3 AND status IN ('claimed', 'sending')`,
      [...fence(claim), nextAttemptAt, error, unsettled],
    );
  }

  async recordFailed(claim: Claim, error: string): Promise<boolean> {
    return this.changed(
      `UPDATE daily_post SET status = 'failed', next_attempt_at = NULL, error = $4
       WHERE subscription_id = $1 AND local_date = $2 AND attempts = $3 AND status IN ('claimed', 'sending')`,
      [...fence(claim), error],
    );
  }

  async setNews(id: string, since: Date | undefined): Promise<boolean> {
    return this.changed(`UPDATE subscription SET news_since = $1 WHERE id = $2 AND enabled`, [since ?? null, id]);
  }

  async claimNews(request: { subscriptionId: string; recapKey: string; claimId: string }, now: Date, staleBefore: Date, maxAttempts: number): Promise<NewsClaim | undefined> {
    const rows = await this.query<NewsRow<Date>>(
      `INSERT INTO news_post AS n (subscription_id, recap_key, status, claim_id, attempts, claimed_at)
       SELECT id, $2, 'claimed', $3, 1, $4::timestamptz FROM subscription WHERE id = $1 AND enabled AND news_since IS NOT NULL
       ON CONFLICT (subscription_id, recap_key) DO UPDATE SET ${NEWS_RECLAIM("$4::timestamptz", "n")}
       WHERE ${NEWS_RECLAIMABLE("$5::timestamptz", "$6::int", "n")}
       RETURNING n.*`,
      [request.subscriptionId, request.recapKey, request.claimId, now, staleBefore, maxAttempts],
    );
    return rows[0] && toNewsClaim(rows[0]);
  }

  async markNewsSending(claim: NewsClaim, at: Date): Promise<boolean> {
    return this.changed(
      `UPDATE news_post SET status = 'sending', sending_at = coalesce(sending_at, $4)
       WHERE subscription_id = $1 AND recap_key = $2 AND attempts = $3 AND status IN ('claimed', 'sending')`,
      [claim.subscriptionId, claim.recapKey, claim.attempt, at],
    );
  }

  async recordNews(claim: NewsClaim, outcome: NewsOutcome): Promise<boolean> {
    const { status, messageId, error } = newsOutcomeColumns(outcome);
    return this.changed(
      `UPDATE news_post SET status = $4, message_id = $5, error = $6
       WHERE subscription_id = $1 AND recap_key = $2 AND attempts = $3 AND status IN ('claimed', 'sending')`,
      [claim.subscriptionId, claim.recapKey, claim.attempt, status, messageId, error],
    );
  }

  async rotation(subscriptionId: string): Promise<RotationState> {
    const rows = await this.query<{ rotation_cycle: number; ids: string[] }>(
      `SELECT s.rotation_cycle,
              array(SELECT takeaway_id FROM rotation_posted r WHERE r.subscription_id = s.id AND r.cycle = s.rotation_cycle) AS ids
       FROM subscription s WHERE s.id = $1`,
      [subscriptionId],
    );
    const row = rows[0];
    return { cycle: row?.rotation_cycle ?? 0, postedIds: new Set(row?.ids ?? []) };
  }

  async nextInDeal(space: string, size: number, freshSeed: number, at: Date): Promise<DealPosition> {
    const rows = await this.query<{ seed: string; position: number }>(
      `INSERT INTO takeaway_deal (space, seed, size, position, dealt_at) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (space) DO UPDATE SET ${DEAL_ADVANCE}
       RETURNING seed, position - 1 AS position`,
      [space, freshSeed, size, at],
    );
    // A bigint comes back as text.
    return { seed: Number(rows[0]!.seed), position: rows[0]!.position };
  }

  async firstRequest(key: string, now: Date, until: Date): Promise<boolean> {
    // The insert decides between replicas. Expired ids go in the same statement, which does not see
    // that delete: an expired row of the same key is taken over by the conflict branch instead.
    const rows = await this.query(
      `WITH forgotten AS (DELETE FROM platform_request WHERE expires_at <= $2 AND key <> $1)
       INSERT INTO platform_request AS r (key, expires_at) VALUES ($1, $3)
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at, answer = NULL WHERE r.expires_at <= $2
       RETURNING key`,
      [key, now, until],
    );
    return rows.length > 0;
  }

  async saveAnswer(key: string, answer: string): Promise<void> {
    await this.query(`UPDATE platform_request SET answer = $1 WHERE key = $2`, [answer, key]);
  }

  async answerOf(key: string): Promise<string | undefined> {
    const rows = await this.query<{ answer: string | null }>(`SELECT answer FROM platform_request WHERE key = $1`, [key]);
    return rows[0]?.answer ?? undefined;
  }

  schemaVersion(): Promise<number> {
    return this.db.schemaVersion();
  }

  health(): Promise<StoreHealth> {
    return this.db.health();
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private query<Row extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]> {
    return this.db.query<Row>(text, values);
  }

  private changed(text: string, values: unknown[]): Promise<boolean> {
    return this.db.changed(text, values);
  }
}

function fence(claim: Claim): [string, string, number] {
  return [claim.subscriptionId, claim.localDate, claim.attempt];
}
