import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { RefreshContext } from "./refresh.js";
import { REFRESH_LEASE, refreshUnderLease } from "./refresh-run.js";

/** How often a replica looks for due sources: cheap (a lease and a list), and what bounds a retry's lateness. */
const TICK_MS = 60_000;
/** At shutdown, the source being refreshed gets this long to finish (within the process's 10 s). */
const STOP_WAIT_MS = 3_000;

/**
 * Refreshes the due sources in service mode: every minute each replica tries the lease, and the one
 * that holds it refreshes what is due (a source is due `REFRESH_INTERVAL` after its last refresh, or
 * at its retry after a failure). Off when the interval is 0. A refresh that fails is logged; it
 * never touches readiness.
 */
export class RefreshScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  /** This replica, as the lease names it. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly ctx: RefreshContext) {}

  start(): this {
    if (this.ctx.intervalMs <= 0) {
      this.ctx.logger.info("source refresh is off (REFRESH_INTERVAL=0)");
      return this;
    }
    const tick = () => {
      if (this.stopped) return;
      this.running = this.tick();
      this.timer = setTimeout(() => void this.running.then(tick), TICK_MS);
      this.timer.unref();
    };
    tick();
    return this;
  }

  /** One look for due sources, under the lease; what `start` runs every minute. */
  async tick(): Promise<void> {
    try {
      const reports = await refreshUnderLease(this.ctx, this.holder, { keepGoing: () => !this.stopped });
      if (reports?.length) this.ctx.logger.info({ sources: reports.length, holder: this.holder }, "due sources refreshed");
    } catch (error) {
      this.ctx.logger.error({ err: error, holder: this.holder }, "source refresh did not run");
    }
  }

  /** Stops looking: no further source is begun, the one under way gets a moment, and the lease is given back for another replica. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    await this.ctx.store.releaseLease(REFRESH_LEASE, this.holder).catch(() => undefined);
  }
}
