import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIEmbed,
  type APIEmbedField,
} from "discord.js";
import type { Card, CardAction, Link, Paragraph, Reply, RichText } from "../../src/cards/card.js";
import { encodeButtons, type ButtonState } from "./custom-id.js";
import { escapeMarkdown, linkUrl, plainText } from "./escape.js";
import { DISCORD_LIMITS, truncate } from "./limits.js";

/** The body of a message Discord accepts in an interaction callback, a webhook edit or a channel post. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<DiscordButton>[];
  flags?: number;
  /** Nothing is ever allowed to ping: sent on every message and every edit. */
  allowed_mentions: { parse: [] };
}

/** A button that runs a command (its state in `custom_id`), or a link button (style 5), which opens its URL and sends nothing. */
export type DiscordButton = APIButtonComponentWithCustomId | APIButtonComponentWithURL;

export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

const COLOR = 0x326ce5;
/** Room for a subtitle or a context line (speakers, event, year). */
const SHORT_LINE = 300;
const ERROR_COLOR = 0xd83c3e;

export function renderReply(reply: Reply): DiscordMessage {
  const { card } = reply;
  const { rows, linked } = renderButtons(card);
  const message: DiscordMessage = {
    embeds: [renderEmbed(card, reply.isError === true, linked)],
    components: rows,
    allowed_mentions: { ...NO_MENTIONS },
  };
  if (card.sharedBy) message.content = `Shared by ${userMention(card.sharedBy)}`;
  if (reply.visibility === "ephemeral") message.flags = MessageFlags.Ephemeral;
  return message;
}

/** A short message with no card, for our own errors and refusals. */
export function renderNotice(text: string): DiscordMessage {
  return renderReply({ card: { title: text }, visibility: "ephemeral", isError: true });
}

/** `<@id>` for a Discord user id (the sharer, which we render on purpose); anything else as plain text. */
function userMention(userId: string): string {
  return /^\d{1,20}$/.test(userId) ? `<@${userId}>` : plainText(userId);
}

export function renderRichText(text: RichText): string {
  const merged: RichText = [];
  for (const run of text) {
    const last = merged.at(-1);
    if (last && Boolean(last.strong) === Boolean(run.strong)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged
    .map(({ text: runText, strong }) => {
      const escaped = escapeMarkdown(runText);
      if (!strong || escaped.trim() === "") return escaped;
      // Markers hug the words, spaces stay outside, or Discord would not render the bold.
      const [, lead, words, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped)!;
      return `${lead}**${words}**${trail}`;
    })
    .join("");
}

function renderParagraphs(paragraphs: readonly Paragraph[]): string {
  return paragraphs
    .map(({ text, depth = 0 }, i) => {
      const line = renderRichText(text);
      if (depth > 0) return `${"  ".repeat(depth - 1)}- ${line}`;
      return i === 0 ? line : `\n${line}`;
    })
    .join("\n");
}

function renderLink(label: string, url: string): string | undefined {
  const safe = linkUrl(url);
  if (!safe || safe.length > DISCORD_LIMITS.linkUrl) return undefined;
  return `[${escapeMarkdown(label)}](${safe})`;
}

/** The embed; a link that got a button (in `linked`) is not repeated in its text. */
function renderEmbed(card: Card, isError: boolean, linked: ReadonlySet<Link>): APIEmbed {
  const textLink = (link: Link | undefined) => link && !linked.has(link) && renderLink(link.label, link.url);
  const description = [
    card.subtitle && italic(card.subtitle),
    card.notice && `> ${escapeMarkdown(card.notice).replace(/\n/g, "\n> ")}`,
    card.body?.length ? renderParagraphs(card.body) : undefined,
    textLink(card.link),
    ...(card.links ?? []).map(textLink),
  ].filter((part): part is string => Boolean(part));

  const itemFields: APIEmbedField[] = (card.items ?? []).map((item, i) => ({
    name: truncate(`${i + 1}. ${escapeMarkdown(item.title)}`, DISCORD_LIMITS.fieldName),
    value: fieldValue(
      [
        item.meta && italic(item.meta),
        item.snippet && renderRichText(item.snippet),
        textLink(item.link),
      ]
        .filter((part): part is string => Boolean(part))
        .join("\n"),
    ),
  }));
  const cardFields: APIEmbedField[] = (card.fields ?? []).map((field) => ({
    name: visible(truncate(escapeMarkdown(field.label), DISCORD_LIMITS.fieldName)),
    value: fieldValue(escapeMarkdown(field.value)),
    inline: field.inline,
  }));

  const embed: APIEmbed = {
    color: isError ? ERROR_COLOR : COLOR,
    title: truncate(escapeMarkdown(card.title), DISCORD_LIMITS.embedTitle),
  };
  const fields = [...itemFields, ...cardFields].slice(0, DISCORD_LIMITS.embedFields);
  if (fields.length) embed.fields = fields;
  const url = card.link && linkUrl(card.link.url);
  if (url && url.length <= DISCORD_LIMITS.linkUrl) embed.url = url;
  if (description.length) embed.description = truncate(description.join("\n\n"), DISCORD_LIMITS.embedDescription);
  if (card.footer) embed.footer = { text: truncate(plainText(card.footer), DISCORD_LIMITS.footerText) };
  return fitEmbed(embed);
}

/** Emphasis around text cut short first, so a cut never leaves the closing marker behind. */
function italic(text: string): string {
  return `*${truncate(escapeMarkdown(text), SHORT_LINE)}*`;
}

/** A field value is required and at most 1024 characters. */
function fieldValue(text: string): string {
  return visible(truncate(text, DISCORD_LIMITS.fieldValue));
}

/** Discord trims a field's name and value and refuses an empty one: blank text becomes a zero-width space. */
function visible(text: string): string {
  return text.trim() ? text : "\u200b";
}

/** Characters Discord counts towards the 6000 of a message (it trims each text first). */
export function embedLength(embed: APIEmbed): number {
  const texts = [
    embed.title,
    embed.description,
    embed.footer?.text,
    embed.author?.name,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ];
  return texts.reduce((sum, text) => sum + (text?.trim().length ?? 0), 0);
}

/** Shortens the longest text (description or a field value) until the embed fits the message total. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  let excess = embedLength(embed) - DISCORD_LIMITS.embedTotal;
  while (excess > 0) {
    const fields = embed.fields ?? [];
    const longestField = fields.reduce<APIEmbedField | undefined>(
      (longest, field) => (field.value.length > (longest?.value.length ?? 0) ? field : longest),
      undefined,
    );
    const descriptionLength = embed.description?.length ?? 0;
    if (descriptionLength >= (longestField?.value.length ?? 0) && descriptionLength > 1) {
      embed.description = truncate(embed.description!, Math.max(1, descriptionLength - excess));
    } else if (longestField && longestField.value.length > 1) {
      longestField.value = fieldValue(truncate(longestField.value, Math.max(1, longestField.value.length - excess)));
    } else {
      // Only titles and names are left: drop fields from the end.
      fields.pop();
    }
    excess = embedLength(embed) - DISCORD_LIMITS.embedTotal;
  }
  return embed;
}

/** Sharing posts publicly, a vote's thanks is a message of its own, any other button replaces the card. */
const EFFECTS: Record<CardAction["kind"], ButtonState["effect"]> = { share: "share", feedback: "reply", command: "update" };

interface Button {
  action: CardAction;
  state: ButtonState;
  label: string;
}

/** The card's rows: its actions, the results' Details, then the talks' own links; within Discord's 5 rows of 5. */
function renderButtons(card: Card): { rows: APIActionRowComponent<DiscordButton>[]; linked: Set<Link> } {
  const withDetails = (card.items ?? []).flatMap((item, i) => (item.details ? [{ details: item.details, n: i + 1 }] : []));
  const cardButtons: Button[] = (card.actions ?? []).map((action) => ({
    action,
    label: action.label,
    state: { effect: EFFECTS[action.kind], command: action.command },
  }));
  const detailButtons: Button[] = withDetails.map(({ details, n }) => ({
    action: details,
    label: withDetails.length > 1 ? `${details.label} ${n}` : details.label,
    state: { effect: "reply", command: details.command },
  }));

  const rows = [chunk(cardButtons), chunk(detailButtons)].flat().slice(0, DISCORD_LIMITS.actionRows);
  const kept = rows.flat();
  const ids = encodeButtons(kept.map((button) => button.state));
  const seen = new Set<string>();
  const commandRows = rows
    .map((row) => ({
      type: ComponentType.ActionRow as const,
      components: row.flatMap((button): DiscordButton[] => {
        const id = ids[kept.indexOf(button)];
        if (id === undefined || seen.has(id)) return [];
        seen.add(id);
        return [
          {
            type: ComponentType.Button,
            style: button.action.style === "primary" ? ButtonStyle.Primary : ButtonStyle.Secondary,
            label: truncate(plainText(button.label), DISCORD_LIMITS.buttonLabel) || "…",
            custom_id: id,
          },
        ];
      }),
    }))
    .filter((row) => row.components.length > 0);

  const linkRows = chunk(talkLinks(card)).slice(0, DISCORD_LIMITS.actionRows - commandRows.length);
  const linked = new Set(linkRows.flat().map(({ link }) => link));
  const rendered = linkRows.map((row) => ({ type: ComponentType.ActionRow as const, components: row.map(({ button }) => button) }));
  return { rows: [...commandRows, ...rendered], linked };
}

/** Link buttons for the talks' own links: the card's, or each result's numbered as Details are. */
function talkLinks(card: Card): { link: Link; button: APIButtonComponentWithURL }[] {
  const items = card.items ?? [];
  const links = [
    ...(card.link ? [{ link: card.link, label: card.link.label }] : []),
    ...(card.links ?? []).map((link) => ({ link, label: link.label })),
    ...items.flatMap((item, i) => (item.link ? [{ link: item.link, label: items.length > 1 ? `${item.link.label} ${i + 1}` : item.link.label }] : [])),
  ];
  return links.flatMap(({ link, label }) => {
    const url = link.talk ? linkUrl(link.url) : undefined;
    if (!url || url.length > DISCORD_LIMITS.linkUrl) return [];
    return [{ link, button: { type: ComponentType.Button, style: ButtonStyle.Link, label: truncate(plainText(label), DISCORD_LIMITS.buttonLabel) || "…", url } }];
  });
}

function chunk<T>(items: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push(items.slice(i, i + DISCORD_LIMITS.buttonsPerRow));
  }
  return rows;
}
