import pg from "pg";
import type { Logger } from "../log/logger.js";
import { describe } from "./postgres-database.js";

export interface ListenOptions {
  url: string;
  /** The NOTIFY channel. */
  channel: string;
  logger: Logger;
  /** Each notification's payload. */
  onNotify: (payload: string) => void;
  /** After a lost connection came back: notifications sent meanwhile were missed. */
  onReconnect: () => void;
  /** Waits between attempts to reconnect: doubling from `firstDelayMs` up to `maxDelayMs`. */
  retry?: { firstDelayMs: number; maxDelayMs: number };
}

/**
 * One connection of its own (a pooled one would be handed to other queries) that LISTENs on a
 * channel, and comes back with backoff when the server goes away.
 */
export class PostgresListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private delay: number;
  private readonly retry: { firstDelayMs: number; maxDelayMs: number };

  constructor(private readonly options: ListenOptions) {
    this.retry = options.retry ?? { firstDelayMs: 500, maxDelayMs: 30_000 };
    this.delay = this.retry.firstDelayMs;
  }

  /** Resolves once listening; rejects when the first connection fails (the caller's store is not ready). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 10_000 });
    client.on("notification", (message) => {
      if (message.channel === this.options.channel) this.options.onNotify(message.payload ?? "");
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delay = this.retry.firstDelayMs;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners("end");
    client.end().catch(() => undefined);
    this.options.logger.warn({ err: error, database: describe(this.options.url), channel: this.options.channel }, "PostgreSQL listener lost its connection; reconnecting");
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => {
          if (this.stopped) return;
          this.options.logger.info({ channel: this.options.channel }, "PostgreSQL listener back");
          this.options.onReconnect();
        },
        (error: Error) => {
          this.options.logger.debug({ err: error, retryInMs: this.delay }, "PostgreSQL listener still cannot connect");
          this.delay = Math.min(this.delay * 2, this.retry.maxDelayMs);
          if (!this.stopped) this.scheduleReconnect();
        },
      );
    }, this.delay);
    this.retryTimer.unref();
  }
}
