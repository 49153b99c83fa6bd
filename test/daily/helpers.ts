import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Card } from "../../src/cards/card.js";
import type { Section } from "../../src/corpus/section.js";
import type { Clock } from "../../src/daily/clock.js";
import type { Takeaway } from "../../src/takeaways/takeaways.js";
import { PostError, type PostTarget, type Poster } from "../../src/daily/poster.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import type { DailyStore, SubscriptionSettings } from "../../src/store/daily-store.js";
import { openSqliteDailyStore, type SqliteDailyStore } from "../../src/store/sqlite-daily-store.js";

/**
 * A clock tests move by hand. `sleep` waits for virtual time: `runUntil` moves the clock from
 * timer to timer, letting the woken code run in between, so a minute loop covers days in
 * milliseconds.
 */
export class FakeClock implements Clock {
  private time: number;
  private timers: Array<{ at: number; wake: () => void }> = [];

  constructor(start: string | Date) {
    this.time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  set(instant: string | Date): void {
    this.time = new Date(instant).getTime();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal!.reason);
      };
      // Like the system clock, a sleeper that wakes stops listening for the abort.
      const timer = {
        at: this.time + ms,
        wake: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      this.timers.push(timer);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** Moves time forward to `instant`, waking each sleeper at its own time, in order. */
  async runUntil(instant: string | Date): Promise<void> {
    const end = new Date(instant).getTime();
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.wake();
    }
    this.time = Math.max(this.time, end);
  }
}

/** Lets every pending promise callback run (the store is synchronous underneath). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface Delivery {
  channelId: string;
  claimId: string;
  at: Date;
  card: Card;
  messageId: string;
}

/**
 * A poster that records what it delivers; `failWith` decides, per call, to throw instead (after
 * delivering, with `delivered`: the platform got it but we never heard back). Like the platforms,
 * it can recognise a claim id it has seen: `dedupe` answers a re-send with the first message
 * (Discord's nonce), `findable` lets the scheduler look a delivery up (Slack's metadata).
 */
export class RecordingPoster implements Poster {
  readonly deliveries: Delivery[] = [];
  readonly attempts: Date[] = [];
  readonly lookups: string[] = [];
  failWith: ((attempt: number) => Error | undefined) | undefined;
  /** Throw the failure after the delivery instead of before it. */
  delivered = false;
  dedupe = false;
  findPosted: Poster["findPosted"];

  constructor(
    private readonly clock: Clock,
    options: { findable?: boolean; dedupe?: boolean } = {},
  ) {
    this.dedupe = options.dedupe ?? false;
    if (options.findable) {
      this.findPosted = async (target, claimId, since) => {
        this.lookups.push(claimId);
        const found = this.deliveries.find((d) => d.channelId === target.channelId && d.claimId === claimId && d.at >= since);
        return found && { messageId: found.messageId };
      };
    }
  }

  async post(target: PostTarget, card: Card, claimId: string): Promise<{ messageId: string }> {
    this.attempts.push(this.clock.now());
    const failure = this.failWith?.(this.attempts.length);
    if (failure && !this.delivered) throw failure;
    const earlier = this.dedupe ? this.deliveries.find((d) => d.claimId === claimId) : undefined;
    const messageId = earlier?.messageId ?? `m${this.deliveries.length + 1}`;
    if (!earlier) this.deliveries.push({ channelId: target.channelId, claimId, at: this.clock.now(), card, messageId });
    if (failure) throw failure;
    return { messageId };
  }
}

export function transient(retryAfterMs?: number): PostError {
  return new PostError("rate limited", "transient", "ratelimited", retryAfterMs);
}

export function permanent(): PostError {
  return new PostError("channel not found", "permanent", "channel_not_found");
}

/** A SQLite store in a fresh temp dir; `reopen` gives another connection to the same file. */
export function tempStore(): { dir: string; store: SqliteDailyStore; reopen(): SqliteDailyStore; cleanup(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-daily-"));
  const opened: SqliteDailyStore[] = [];
  const open = () => {
    const store = openSqliteDailyStore(dir);
    opened.push(store);
    return store;
  };
  return {
    dir,
    store: open(),
    reopen: open,
    cleanup: async () => {
      for (const store of opened) await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A logger whose lines the test can read. */
export function memoryLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger("info", stream),
    lines: () => chunks.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export function subscriptionSettings(overrides: Partial<SubscriptionSettings> = {}): SubscriptionSettings {
  return {
    id: "slack:C1",
    platform: "slack",
    channelId: "C1",
    spaceId: "T1",
    postTime: "09:00",
    zone: "UTC",
    createdBy: "U1",
    since: new Date("2025-01-01T00:00:00Z"),
    ...overrides,
  };
}

let sectionCount = 0;
export function section(overrides: Partial<Section> & Pick<Section, "bullets">): Section {
  sectionCount += 1;
  const talk = overrides.talk ?? `Talk ${sectionCount}`;
  return {
    id: `eu-2021-homecooked/talk-${sectionCount}`,
    kind: "talk",
    recapId: "eu-2021-homecooked",
    title: talk,
    talk,
    speakers: [{ name: "Liz Rice", company: "Isovalent" }],
    event: "KubeCon + CloudNativeCon Europe 2021",
    eventId: "eu-2021",
    year: 2021,
    language: "en",
    tags: ["ebpf"],
    text: (overrides.bullets ?? []).map((b) => b.text).join("\n"),
    ...overrides,
  };
}

export function takeaway(id: string, tags: string[] = ["eBPF"]): Takeaway {
  return {
    id,
    text: `Takeaway ${id}: eBPF lets you run sandboxed programs in the Linux kernel.`,
    score: 1,
    postable: true,
    reasons: [],
    sectionId: id.split("#")[0]!,
    talk: "Beyond the buzzword: BPF's unexpected role in Kubernetes",
    title: "Beyond the buzzword: BPF's unexpected role in Kubernetes",
    speakers: ["Kris Nóva, Sysdig"],
    event: "KubeCon + CloudNativeCon North America 2020",
    eventId: "na-2020",
    year: 2020,
    language: "en",
    tags,
    ...(tags[0] && { topic: tags[0] }),
    origin: "bullet",
  };
}

/**
 * A store whose chosen methods throw while `down` is on: a database gone away, a full disk, or
 * (with a scheduler dropped right after) a process killed at exactly that point.
 */
export function faultyStore<S extends DailyStore>(store: S, methods: ReadonlyArray<keyof DailyStore>): { store: S; down: boolean } {
  const fault = { down: true, store };
  fault.store = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (fault.down && methods.includes(name as keyof DailyStore)) {
        return async () => {
          throw new Error(`injected fault: ${String(name)} failed`);
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
  return fault;
}
