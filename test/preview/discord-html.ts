import type { APIEmbed } from "discord.js";
import type { DiscordMessage } from "../../adapters/discord/render.js";

type Json = Record<string, any>;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Discord markdown as our renderer writes it, as HTML: backslash escapes, `**bold**`, `*italic*`,
 * masked links, `> ` quotes, `- ` bullets and user mentions.
 */
export function markdownToHtml(text: string): string {
  const escaped: string[] = [];
  // Escaped characters step aside first so no rule below reads them as markup.
  const held = text.replace(/\\([\s\S])/g, (_match, char: string) => `\u0000${escaped.push(char) - 1}\u0000`);
  const lines = held.split("\n").map((line) => {
    const quote = /^> ?(.*)$/.exec(line);
    const bullet = /^(\s*)- (.*)$/.exec(line);
    if (quote) return `<blockquote>${inline(quote[1]!)}</blockquote>`;
    if (bullet) return `<div class="d-bullet" style="margin-left:${bullet[1]!.length * 8 + 4}px">• ${inline(bullet[2]!)}</div>`;
    return `<div>${inline(line) || "&nbsp;"}</div>`;
  });
  return lines.join("").replace(/\u0000(\d+)\u0000/g, (_match, i: string) => escapeHtml(escaped[Number(i)]!));
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, (_m, label: string, url: string) => `<a href="${url}">${label}</a>`)
    .replace(/\*\*([\s\S]+?)\*\*/g, "<b>$1</b>")
    .replace(/\*([^*]+)\*/g, "<i>$1</i>")
    .replace(/&lt;@(\d+)&gt;/g, '<span class="mention">@user</span>');
}

function embedHtml(embed: APIEmbed): string {
  const color = `#${(embed.color ?? 0).toString(16).padStart(6, "0")}`;
  const title = embed.title ? `<div class="d-title">${embed.url ? `<a href="${escapeHtml(embed.url)}">${markdownToHtml(embed.title)}</a>` : markdownToHtml(embed.title)}</div>` : "";
  const description = embed.description ? `<div class="d-description">${markdownToHtml(embed.description)}</div>` : "";
  const fields = (embed.fields ?? [])
    .map((field) => `<div class="d-field${field.inline ? " inline" : ""}"><div class="d-field-name">${markdownToHtml(field.name)}</div><div class="d-field-value">${markdownToHtml(field.value)}</div></div>`)
    .join("");
  const footer = embed.footer ? `<div class="d-footer">${escapeHtml(embed.footer.text)}</div>` : "";
  return `<div class="d-embed" style="border-left-color:${color}">${title}${description}${fields ? `<div class="d-fields">${fields}</div>` : ""}${footer}</div>`;
}

const STYLES: Record<number, string> = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };

function componentHtml(component: Json): string {
  if (component.type !== 2) return `<div class="unknown">unknown component ${String(component.type)}</div>`;
  const style = STYLES[component.style as number] ?? "secondary";
  const emoji = component.emoji?.name ? `${escapeHtml(component.emoji.name)} ` : "";
  const label = `${emoji}${escapeHtml(component.label ?? "")}`;
  if (component.url) return `<a class="d-button link" href="${escapeHtml(component.url)}">${label} ↗</a>`;
  return `<span class="d-button ${style}" title="${escapeHtml(component.custom_id ?? "")}">${label}</span>`;
}

/** A Discord message as the client lays it out: the bot's name, content, embeds, then action rows. */
export function discordMessageHtml(message: DiscordMessage): string {
  const ephemeral = ((message.flags ?? 0) & 64) !== 0;
  const content = message.content ? `<div class="d-content">${markdownToHtml(message.content)}</div>` : "";
  const rows = (message.components as Json[]).map((row) => `<div class="d-row">${(row.components as Json[]).map(componentHtml).join("")}</div>`).join("");
  const note = ephemeral ? `<div class="d-ephemeral">Only you can see this</div>` : "";
  return `<div class="d-message"><div class="d-author"><span class="d-avatar">K</span><b>kubecon</b> <span class="d-app">APP</span></div>${content}${message.embeds.map(embedHtml).join("")}${rows}${note}</div>`;
}
