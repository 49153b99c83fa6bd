/** A check answers `undefined` when its part is ready, or why it is not. */
export type ReadinessCheck = () => string | undefined | Promise<string | undefined>;

export interface ReadinessReport {
  ready: boolean;
  /** Each check's state: "ok" or the reason it is not ready. */
  checks: Record<string, string>;
  /** The first reason, for a one-line answer. */
  reason?: string;
  /** What the service holds, as numbers (the sections it searches), when any is registered. */
  counts?: Record<string, number>;
}

/** A part that becomes ready once (an adapter that started, a corpus that is indexed). */
export interface ReadinessGate {
  open(): void;
  /** Not ready again, e.g. while a platform connection is re-established. */
  close(reason: string): void;
}

/**
 * What `GET /readyz` answers: ready only when every registered check is, and never while the
 * process is shutting down. Main and the adapters register their checks as they start.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly counts = new Map<string, () => number>();
  private draining = false;

  /** @param checkTimeoutMs a check slower than this counts as not ready (a hung database). */
  constructor(private readonly checkTimeoutMs = 2000) {}

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** A number reported beside the checks, read at each probe. */
  count(name: string, value: () => number): void {
    this.counts.set(name, value);
  }

  /** A check that says `reason` until the gate is opened. */
  gate(name: string, reason: string): ReadinessGate {
    let state: string | undefined = reason;
    this.register(name, () => state);
    return {
      open: () => void (state = undefined),
      close: (why) => void (state = why),
    };
  }

  /** From now on not ready: the process is shutting down. */
  drain(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async report(): Promise<ReadinessReport> {
    const checks: Record<string, string> = {};
    if (this.draining) checks.shutdown = "shutting down";
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        checks[name] = (await this.run(check)) ?? "ok";
      }),
    );
    const failing = Object.entries(checks).find(([, state]) => state !== "ok");
    const counts = Object.fromEntries([...this.counts].map(([name, value]) => [name, value()]));
    return { ready: failing === undefined, checks, ...(failing ? { reason: `${failing[0]}: ${failing[1]}` } : {}), ...(this.counts.size ? { counts } : {}) };
  }

  private async run(check: ReadinessCheck): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${this.checkTimeoutMs} ms`), this.checkTimeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(check), timeout]);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
