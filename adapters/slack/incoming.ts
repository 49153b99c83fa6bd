/**
 * Slack's message text (mrkdwn as Slack sends it) as the plain words a person typed: mentions (the
 * bot's own included) and broadcasts dropped, channel and link labels kept, entities read.
 */
export function plainMessageText(text: string): string {
  return text
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_token, target: string, label: string | undefined) =>
      target.startsWith("@") || target.startsWith("!") || !label ? " " : ` ${label} `,
    )
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
