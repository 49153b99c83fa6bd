import type { DiscordMessage } from "../../adapters/discord/render.js";

/** Discord's published limits, written out here rather than imported, so a wrong table fails the tests. */
const DISCORD = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000, embeds: 10, content: 2000, rows: 5, perRow: 5, label: 80, customId: 100, url: 512 };

type Json = Record<string, any>;

/** Everything wrong with a message as Discord would see it; empty when Discord would accept it. */
export function discordViolations(message: DiscordMessage): string[] {
  const found: string[] = [];
  const over = (what: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max) found.push(`${what} ${text.length} > ${max}`);
  };
  over("content", message.content, DISCORD.content);
  if (message.embeds.length > DISCORD.embeds) found.push(`${message.embeds.length} embeds`);
  let total = 0;
  const count = (text: string | undefined) => (total += text?.trim().length ?? 0);
  for (const embed of message.embeds) {
    over("title", embed.title, DISCORD.title);
    over("description", embed.description, DISCORD.description);
    over("footer", embed.footer?.text, DISCORD.footer);
    if ((embed.fields?.length ?? 0) > DISCORD.fields) found.push(`${embed.fields!.length} fields`);
    for (const field of embed.fields ?? []) {
      over("field name", field.name, DISCORD.fieldName);
      over("field value", field.value, DISCORD.fieldValue);
      if (field.name.trim() === "" || field.value.trim() === "") found.push("empty field");
      count(field.name);
      count(field.value);
    }
    [embed.title, embed.description, embed.footer?.text, embed.author?.name].forEach(count);
  }
  if (total > DISCORD.total) found.push(`embed text ${total} > ${DISCORD.total}`);
  const rows = message.components as Json[];
  if (rows.length > DISCORD.rows) found.push(`${rows.length} action rows`);
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.components.length < 1 || row.components.length > DISCORD.perRow) found.push(`${row.components.length} buttons in a row`);
    for (const button of row.components as Json[]) {
      over("button label", button.label, DISCORD.label);
      if (button.url !== undefined) {
        over("link url", button.url, DISCORD.url);
        if (button.custom_id !== undefined) found.push("link button with a custom_id");
        continue;
      }
      if (typeof button.custom_id !== "string" || button.custom_id.length < 1) found.push("button without custom_id");
      over("custom_id", button.custom_id, DISCORD.customId);
      if (ids.has(button.custom_id)) found.push(`duplicate custom_id ${button.custom_id}`);
      ids.add(button.custom_id);
    }
  }
  if (JSON.stringify(message.allowed_mentions) !== JSON.stringify({ parse: [] })) found.push("mentions allowed");
  return found;
}
