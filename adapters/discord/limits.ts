/**
 * Discord's limits in one table, and the one truncation every renderer uses to stay within them.
 * Lengths are counted in UTF-16 code units, which is never fewer than Discord's count of characters.
 */
export const DISCORD_LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  /** title + description + field names and values + footer + author, over every embed of a message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  linkUrl: 512,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  optionChoices: 25,
  optionMaxLength: 6000,
} as const;

export const ELLIPSIS = "…";

interface CutPoint {
  /** Offset in the text where a cut may fall (never inside an atom). */
  at: number;
  /** A `**` span is open at this offset, so a cut here must close it. */
  boldOpenedAt?: number;
  /** The next character is a space (word boundary) or a line break (bullet boundary). */
  boundary?: "word" | "line";
}

/**
 * The atoms of Discord markdown as our renderers write it: a backslash escape with the character it
 * escapes, a surrogate pair, a `**` marker, a masked link `[label](url)`. A cut never falls inside one.
 */
function atomLength(text: string, i: number): number {
  const c = text[i]!;
  if (c === "\\" && i + 1 < text.length) return 1 + codePointLength(text, i + 1);
  if (c === "*" && text[i + 1] === "*") return 2;
  if (c === "[") {
    const close = maskedLinkEnd(text, i);
    if (close > 0) return close - i;
  }
  return codePointLength(text, i);
}

function codePointLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** End offset of a masked link starting at `start`, or -1. Labels never hold an unescaped `]`. */
function maskedLinkEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== "]" && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
  if (text[i] !== "]" || text[i + 1] !== "(") return -1;
  const close = text.indexOf(")", i + 2);
  return close < 0 ? -1 : close + 1;
}

/** Every offset up to `limit` where a cut may fall, with the bold span open there and the boundary kind. */
function cutPoints(text: string, limit: number): CutPoint[] {
  const points: CutPoint[] = [];
  let boldOpenedAt: number | undefined;
  let i = 0;
  while (i < text.length && i <= limit) {
    const next = text[i]!;
    points.push({ at: i, boldOpenedAt, boundary: next === "\n" ? "line" : /\s/.test(next) ? "word" : undefined });
    const length = atomLength(text, i);
    if (length === 2 && next === "*") boldOpenedAt = boldOpenedAt === undefined ? i : undefined;
    i += length;
  }
  return points;
}

/**
 * Cuts `text` to at most `max` characters: on the last bullet (line) boundary when that keeps at least
 * half of the room, else on the last word boundary when that keeps a quarter, else between two atoms;
 * adds an ellipsis and closes an open bold span. Text that fits is returned unchanged.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  // Closing an open bold span costs two characters; trimming before the ellipsis only saves some.
  const room = (p: CutPoint) => p.at + (p.boldOpenedAt === undefined ? 0 : 2) + ELLIPSIS.length;
  const points = cutPoints(text, max).filter((p) => room(p) <= max);
  const lastLine = findLast(points, (p) => p.boundary === "line");
  const lastWord = findLast(points, (p) => p.boundary !== undefined);
  const chosen =
    lastLine && lastLine.at >= max / 2 ? lastLine : lastWord && lastWord.at >= max / 4 ? lastWord : points.at(-1);
  return chosen ? cutAt(text, chosen) + ELLIPSIS : ELLIPSIS;
}

function findLast<T>(items: T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

/** The text before `point`, trailing spaces trimmed, with an open bold span closed (or dropped if empty). */
function cutAt(text: string, point: CutPoint): string {
  if (point.boldOpenedAt === undefined) return text.slice(0, point.at).trimEnd();
  const inside = text.slice(point.boldOpenedAt + 2, point.at).trimEnd();
  const before = text.slice(0, point.boldOpenedAt);
  return inside === "" ? before.trimEnd() : `${before}**${inside}**`;
}
