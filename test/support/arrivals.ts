/**
 * How long a stand-in waits for a request before the test fails saying what it waited for: well
 * under vitest's test timeout (90 s), so the failure names the missing request instead of "timed out".
 */
export const ARRIVAL_TIMEOUT_MS = 30_000;

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
}

/**
 * What a stand-in received (requests, frames), in order, and waits for one: a test waits for a
 * record instead of sleeping, and a record that never comes fails the test with a message listing
 * what did come.
 */
export class Arrivals<T> {
  readonly seen: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(
    /** What the records are, for the message: "Slack stand-in requests". */
    private readonly what: string,
    /** One record in a few words, for the message. */
    private readonly summary: (item: T) => string,
  ) {}

  record(item: T): void {
    this.seen.push(item);
    for (const waiter of this.waiters) {
      if (!waiter.match(item)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(item);
    }
  }

  /** The first record, past or future, that matches; rejects after `timeoutMs` naming the match and what arrived. */
  waitFor(match: (item: T) => boolean, timeoutMs = ARRIVAL_TIMEOUT_MS): Promise<T> {
    const found = this.seen.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const arrived = this.seen.map(this.summary);
        reject(
          new Error(
            `${this.what}: none matched ${match.toString().replace(/\s+/g, " ")} within ${timeoutMs / 1000} s; ` +
              `arrived (${arrived.length}): ${arrived.slice(-20).join(", ") || "nothing"}`,
          ),
        );
      }, timeoutMs);
      timer.unref();
      this.waiters.add(waiter);
    });
  }
}
