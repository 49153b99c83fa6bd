/**
 * The one way user and corpus text enters a Discord message. Mentions are broken with a zero-width
 * space (as discord.js's cleanContent does) even though every message also sends empty
 * `allowed_mentions`: a mention that is not parsed still renders as a highlighted name.
 */

const ZERO_WIDTH_SPACE = "\u200b";

/** `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<t:...>`, `<:emoji:id>`. */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<([@#/:]|a:|t:)/gi, `<${ZERO_WIDTH_SPACE}$1`);
}

/** Control characters (other than line breaks) become spaces; tabs too, so text lays out predictably. */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

/** Text for places Discord shows literally (footer, author, button labels, autocomplete names). */
export function plainText(text: string): string {
  return neutralizeMentions(stripControls(text));
}

/**
 * Text for places Discord renders as markdown (title, description, field names and values): every
 * inline markdown character is backslash-escaped, and so is what starts a heading, quote or list
 * at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return plainText(text)
    // Parentheses need no escape: with brackets escaped, no masked link can form.
    .replace(/[\\*_~`|[\]<]/g, "\\$&")
    .replace(/^(\s*)([#>+-])/gm, "$1\\$2")
    // A backslash only escapes punctuation, so a numbered list is broken at its dot.
    .replace(/^(\s*\d+)\./gm, "$1\\.");
}

/** A URL safe inside a masked link `[label](url)`: no spaces, parentheses or angle brackets. */
export function linkUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
