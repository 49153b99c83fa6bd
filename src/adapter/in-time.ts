import { setTimeout as delay } from "node:timers/promises";

/** How an answer goes out when it is on time, and when it is not. */
export interface Delivery<T> {
  /** The answer as the platform's first response. */
  now(answer: T): Promise<void>;
  /** The first response when the answer is late: an empty acknowledgement, a deferral. */
  acknowledge(): Promise<void>;
  /** The late answer, after `acknowledge`. */
  later(answer: T): Promise<void>;
}

/** Resolves after `ms` unless aborted (then it never resolves); injected by tests to decide "late" without timing. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

const realWait: Wait = (ms, signal) => delay(ms, undefined, { signal }).catch(() => new Promise<never>(() => {}));

/**
 * Chat platforms want a first response within 3 seconds. Sends the answer as that response when
 * it is ready within `deadlineMs`; otherwise acknowledges first and sends the answer when it
 * comes. `work` should not reject (`Bot.run` never does).
 */
export async function answerInTime<T>(work: Promise<T>, deadlineMs: number, delivery: Delivery<T>, wait: Wait = realWait): Promise<void> {
  const timer = new AbortController();
  const late = wait(deadlineMs, timer.signal).then(() => "late" as const);
  const first = await Promise.race([work.then((answer) => ({ answer })), late]);
  timer.abort();
  if (first !== "late") return delivery.now(first.answer);
  await delivery.acknowledge();
  await delivery.later(await work);
}
