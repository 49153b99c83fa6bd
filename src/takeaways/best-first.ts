import type { Takeaway } from "./takeaways.js";

/**
 * Highest score first; among equals the recap's own lists, then the longer (more substantial) text.
 * Its own module so that cards ordering takeaways do not load the takeaway extractor (and with it
 * the Markdown parser) into every process, such as a one-off `kubecon search`.
 */
export function bestFirst(takeaways: readonly Takeaway[]): Takeaway[] {
  const listed = (t: Takeaway) => (t.origin === "list" ? 0 : 1);
  return [...takeaways].sort((a, b) => b.score - a.score || listed(a) - listed(b) || b.text.length - a.text.length || a.id.localeCompare(b.id));
}
