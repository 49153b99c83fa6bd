/**
 * The one rule both stores apply, in SQL, when a space asks for the next takeaway of its deal and
 * already has one (`takeaway_deal`, the row; `excluded`, the request): the deal goes on, or, once
 * every position was given or when the pool's size changed, a new one starts with the request's
 * seed. Every column on the right reads the row as it was, so the step is one atomic upsert.
 */
const DEAL_OVER = `(takeaway_deal.position >= excluded.size OR takeaway_deal.size <> excluded.size)`;

export const DEAL_ADVANCE = `seed = CASE WHEN ${DEAL_OVER} THEN excluded.seed ELSE takeaway_deal.seed END,
         position = CASE WHEN ${DEAL_OVER} THEN 1 ELSE takeaway_deal.position + 1 END,
         size = excluded.size, dealt_at = excluded.dealt_at`;
