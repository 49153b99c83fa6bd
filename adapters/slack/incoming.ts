/**
 * Slack's message text (mrkdwn as Slack sends it) as the plain words a person typed: mentions (the
 * bot's own included) and broadcasts dropped, channel and link labels kept, a web address typed as
 * it is (Slack sends it as `<https://…>`: `sources add <url>` needs it), entities read.
 */
export function plainMessageText(text: string): string {
  return text
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_token, target: string, label: string | undefined) => {
      if (target.startsWith("@") || target.startsWith("!")) return " ";
      if (label) return ` ${label} `;
      return /^https?:\/\//i.test(target) ? ` ${target} ` : " ";
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
