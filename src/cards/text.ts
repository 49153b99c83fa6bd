import type { Card, RichText } from "./card.js";

export interface TextStyle {
  /** How matched words are set off: ANSI bold in a terminal, nothing in a plain fallback. */
  strong(text: string): string;
}

export const plainStyle: TextStyle = { strong: (text) => text };
export const terminalStyle: TextStyle = { strong: (text) => `\x1b[1m${text}\x1b[22m` };

function runs(text: RichText, style: TextStyle): string {
  return text.map((run) => (run.strong ? style.strong(run.text) : run.text)).join("");
}

/** A card as plain text: the terminal's rendering, and the fallback text of chat messages. */
export function renderText(card: Card, style: TextStyle = plainStyle): string {
  const out: string[] = [card.title];
  if (card.subtitle) out.push(card.subtitle);
  if (card.sharedBy) out.push(`shared by ${card.sharedBy}`);
  if (card.notice) out.push(`! ${card.notice}`);
  for (const field of card.fields ?? []) out.push(`${field.label}: ${field.value}`);
  if (card.body?.length) {
    out.push("");
    for (const p of card.body) out.push(`${"  ".repeat(Math.max(0, (p.depth ?? 0) - 1))}${p.depth ? "• " : ""}${runs(p.text, style)}`);
  }
  (card.items ?? []).forEach((item, i) => {
    out.push("", `${i + 1}. ${item.title}`);
    if (item.meta) out.push(`   ${item.meta}`);
    if (item.snippet) out.push(`   ${runs(item.snippet, style)}`);
    if (item.link) out.push(`   ${item.link.label}: ${item.link.url}`);
    if (item.details) out.push(`   ${item.details.label}: ${item.details.command}`);
  });
  const links = [...(card.link ? [card.link] : []), ...(card.links ?? [])];
  if (links.length) out.push("", ...links.map((link) => `${link.label}: ${link.url}`));
  if (card.footer) out.push("", card.footer);
  const actions = (card.actions ?? []).filter((a) => a.kind === "command");
  if (actions.length) out.push(actions.map((a) => `[${a.label}: ${a.command}]`).join("  "));
  return out.join("\n");
}
