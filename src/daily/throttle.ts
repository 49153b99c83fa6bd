import type { Clock } from "./clock.js";

/**
 * Spaces sends to the same key (platform + channel) at least `intervalMs` apart: Slack allows
 * about one message a second per channel. Slots are reserved before waiting, so concurrent
 * senders to one channel queue up instead of bunching.
 */
export class Throttle {
  private readonly nextSlot = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs = 1000,
  ) {}

  async wait(key: string): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.max(now, this.nextSlot.get(key) ?? 0);
    this.nextSlot.set(key, slot + this.intervalMs);
    this.forgetPast(now);
    if (slot > now) await this.clock.sleep(slot - now);
  }

  // Keys whose slot has passed carry no information: drop them now and then so the map stays small.
  private forgetPast(now: number): void {
    if (now - this.lastSweep < this.intervalMs) return;
    this.lastSweep = now;
    for (const [key, slot] of this.nextSlot) if (slot <= now) this.nextSlot.delete(key);
  }
}
