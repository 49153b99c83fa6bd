/** A run of inline text; `strong` marks the words that matched the query. */
export interface TextRun {
  text: string;
  strong?: boolean;
}

/** Inline text as runs, so a renderer can escape each run before it adds its own emphasis markup. */
export type RichText = TextRun[];

/** Plain text of inline runs, without any emphasis. */
export function plain(text: RichText): string {
  return text.map((run) => run.text).join("");
}

/** A rich text made of one unemphasized run. */
export function rich(text: string): RichText {
  return [{ text }];
}
