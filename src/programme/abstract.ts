import { decodeHTML } from "entities";

/**
 * An abstract as plain text: the parser has undone the iCalendar escapes (`\n`, `\,`, `\;`); HTML
 * entities the schedule site leaves in (`&nbsp;`, `&gt;`, `&#39;`) are decoded here, no-break spaces
 * become spaces, and each paragraph is one line.
 */
export function plainAbstract(description: string): string {
  return decodeHTML(description)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}
