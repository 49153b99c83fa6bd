import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export interface LivenessReport {
  ok: boolean;
  /** The longest the event loop was blocked since the previous probe. */
  eventLoopLagMs: number;
}

/**
 * What `GET /healthz` answers: the process is alive when its event loop keeps turning. A loop
 * blocked longer than `maxLagMs` since the last probe (a runaway computation) makes it not alive,
 * so Kubernetes restarts it; a loop blocked for good cannot answer at all, which the probe's
 * timeout catches.
 */
export class Liveness {
  private histogram?: IntervalHistogram;

  constructor(private readonly maxLagMs = 5000) {}

  /** Starts measuring; call it once start-up work (indexing the corpus) is done. */
  start(): this {
    this.histogram ??= monitorEventLoopDelay({ resolution: 20 });
    this.histogram.enable();
    return this;
  }

  stop(): void {
    this.histogram?.disable();
  }

  report(): LivenessReport {
    const histogram = this.histogram;
    if (!histogram) return { ok: true, eventLoopLagMs: 0 };
    // The histogram counts in nanoseconds; it is emptied at each probe, so a past stall is forgiven.
    const lagMs = histogram.count > 0 ? Math.round(histogram.max / 1e6) : 0;
    histogram.reset();
    return { ok: lagMs <= this.maxLagMs, eventLoopLagMs: lagMs };
  }
}
