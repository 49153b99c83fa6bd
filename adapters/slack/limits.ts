/**
 * Block Kit limits for a message (docs.slack.dev block and composition-object references), and the
 * one truncation every renderer uses to stay inside them. Lengths are counted in UTF-16 code units,
 * which is never fewer than Slack's character count, so a text that fits here fits there.
 */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  /** Top-level `text`: Slack advises at most 4,000 characters for the notification fallback. */
  fallbackText: 3000,
  /**
   * Sum of every text in the blocks. Slack does not document it; `msg_blocks_too_long` has been seen
   * at about 13.2k characters and a maintainer cites 12,000 with a buffer (bolt-js#2509, #2867),
   * so we stay well below.
   */
  totalText: 10_000,
} as const;

export const ELLIPSIS = "…";

/** A boundary this far into the allowed length or further is worth cutting at; nearer, we cut hard. */
const BOUNDARY_MIN_SHARE = 0.6;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** An HTML entity starting at the front of a string (our escaper emits &amp; &lt; &gt;). */
const ENTITY = /^&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

/**
 * Cuts `text` to at most `max` code units, ellipsis included. It prefers a bullet (line) boundary,
 * then a word boundary, and otherwise cuts between grapheme clusters; it never splits a surrogate
 * pair, an emoji sequence, an HTML entity or a `<...>` markup token (link, mention).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  let cut = graphemeBoundaryAtOrBefore(text, max - ELLIPSIS.length);
  cut = preferredBoundary(text, cut);
  cut = outsideEntity(text, cut);
  cut = outsideMarkupToken(text, cut);
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

function graphemeBoundaryAtOrBefore(text: string, index: number): number {
  // Segmenting a window around the cut is enough: no grapheme cluster we care about is longer.
  const start = Math.max(0, index - 64);
  let boundary = start;
  for (const { index: offset } of graphemes.segment(text.slice(start, index + 64))) {
    const position = start + offset;
    if (position > index) break;
    boundary = position;
  }
  // The window may begin inside a pair; never leave a lone high surrogate behind.
  if (boundary > 0 && isHighSurrogate(text.charCodeAt(boundary - 1))) boundary -= 1;
  return boundary;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function outsideEntity(text: string, cut: number): number {
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp < 0 || cut - amp > 10) return cut;
  const entity = ENTITY.exec(text.slice(amp, amp + 12));
  return entity && amp + entity[0].length > cut ? amp : cut;
}

function outsideMarkupToken(text: string, cut: number): number {
  const open = text.lastIndexOf("<", cut - 1);
  return open >= 0 && text.lastIndexOf(">", cut - 1) < open ? open : cut;
}

function preferredBoundary(text: string, cut: number): number {
  const floor = Math.ceil(cut * BOUNDARY_MIN_SHARE);
  const line = text.lastIndexOf("\n", cut);
  if (line >= floor && line > 0) return line;
  for (let i = cut; i >= floor && i > 0; i--) {
    if (/\s/.test(text[i]!)) return i;
  }
  return cut;
}
