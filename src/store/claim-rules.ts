/**
 * The one rule both stores apply, in SQL, when a claim meets an existing record of the same
 * (subscription, local date): when may the date be taken again. `d` names the record and `since`
 * is its subscription's `since`; `now` and `staleBefore` are the claim's parameters.
 */
export function reclaimable(now: string, staleBefore: string, d: string, since: string): string {
  return `((${d}.status = 'retry' AND ${d}.next_attempt_at <= ${now})
        OR (${d}.status IN ('claimed', 'sending') AND ${d}.claimed_at <= ${staleBefore})
        OR (${d}.status IN ('posted', 'failed') AND ${d}.claimed_at < ${since}))`;
}

/**
 * The columns a re-claim sets: a new attempt from now; a date done under older settings starts a
 * new post (new claim id, nothing unsettled), otherwise the claim id and any unsettled send stay.
 */
export function reclaimAssignments(now: string, newClaimId: string, d: string): string {
  const fresh = `${d}.status IN ('posted', 'failed')`;
  return `status = 'claimed', attempts = ${d}.attempts + 1, claimed_at = ${now}, next_attempt_at = NULL,
         claim_id = CASE WHEN ${fresh} THEN ${newClaimId} ELSE ${d}.claim_id END,
         takeaway_id = CASE WHEN ${fresh} THEN NULL ELSE ${d}.takeaway_id END,
         cycle = CASE WHEN ${fresh} THEN NULL ELSE ${d}.cycle END,
         sending_at = CASE WHEN ${fresh} THEN NULL ELSE ${d}.sending_at END,
         message_id = CASE WHEN ${fresh} THEN NULL ELSE ${d}.message_id END`;
}

/**
 * When a news post's claim may be taken again: it is neither posted nor given up, it was taken at
 * or before `staleBefore` (its owner died, or asked for a retry), and it has attempts left.
 */
export const NEWS_RECLAIMABLE = (staleBefore: string, maxAttempts: string, n: string): string =>
  `(${n}.status IN ('claimed', 'sending') AND ${n}.claimed_at <= ${staleBefore} AND ${n}.attempts < ${maxAttempts})`;

/** A news claim taken again: a new attempt from now; the claim id and a `sending` state (it may have arrived) stay. */
export const NEWS_RECLAIM = (now: string, n: string): string => `attempts = ${n}.attempts + 1, claimed_at = ${now}`;
