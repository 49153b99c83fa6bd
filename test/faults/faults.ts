/** What a stand-in answers instead of the real thing: an HTTP status (a 429 with its Retry-After), or nothing at all. */
export type Fault = { status: number; retryAfterSec?: number } | "hang";

interface Pending {
  match: string | RegExp;
  fault: Fault;
  left: number;
}

/** Faults queued on a stand-in: each is answered to the next `times` requests whose key matches, oldest first. */
export class Faults {
  private readonly pending: Pending[] = [];

  /** `match`: a key exactly (`chat.postMessage`, `response_url`) or a pattern over it (`PATCH /webhooks/…`). */
  add(match: string | RegExp, fault: Fault, times = 1): void {
    this.pending.push({ match, fault, left: times });
  }

  /** The fault for this request, if one is queued for it; used up as it is answered. */
  take(key: string): Fault | undefined {
    const found = this.pending.find(({ match }) => (typeof match === "string" ? match === key : match.test(key)));
    if (!found) return undefined;
    if (--found.left === 0) this.pending.splice(this.pending.indexOf(found), 1);
    return found.fault;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
