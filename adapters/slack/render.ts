import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from "@slack/types";
import { plain, type Card, type CardAction, type CardItem, type Link, type Paragraph } from "../../src/cards/card.js";
import { escapeAndFit, escapeText, link, mrkdwn, plainText, richToMrkdwn, userMention } from "./escape.js";
import { ELLIPSIS, LIMITS, truncate } from "./limits.js";

/** What Slack receives for a card: Block Kit blocks plus the plain `text` fallback for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Buttons carry the card action's command text in `value`, and its kind in `action_id`
 * (`kubecon.command.2`, `kubecon.share.0`, `kubecon.feedback.3`), so any replica can serve the click.
 */
export const ACTION_ID = /^kubecon\.(command|share|feedback)\.\d+$/;

/**
 * A talk's own link (Watch, Slides, Talk page) as a link button. Slack opens the URL and still sends
 * a block_actions payload, which the app only acknowledges.
 */
export const LINK_ACTION_ID = /^kubecon\.link\.\d+$/;

export function actionKind(actionId: string): CardAction["kind"] | undefined {
  const match = ACTION_ID.exec(actionId);
  return match ? (match[1] as CardAction["kind"]) : undefined;
}

const TITLE_MAX = 250;
const META_MAX = 300;
const NOTICE_MAX = 1000;
const FIELD_LABEL_MAX = 100;
const FIELD_VALUE_MAX = 300;
const ACTIONS_TEXT_MAX = 4000;
/** Room kept for one result when a card also has a body: its title, context and a short snippet. */
const ITEM_RESERVE = 450;
const CUT_NOTICE = "Shortened to fit in Slack.";
/** The longest note the renderer adds itself. */
const NOTE_TEXT_MAX = 64;
/** Below this many characters of room, a new section is not worth starting. */
const MIN_FRESH_SECTION = 200;

/** Renders a card as a Block Kit message that respects every limit in LIMITS. */
export function renderCard(card: Card): SlackMessage {
  const budget = new Budget();
  const header: KnownBlock = { type: "header", text: plainText(truncate(titleOf(card), LIMITS.headerText)) };
  const subtitle = contextOf(card.subtitle, META_MAX);
  const notice = contextOf(card.notice, NOTICE_MAX, ":information_source: ");
  const fields = fieldBlock(card);
  const talkLink = card.link && linkButton(card.link, 0);
  const source = card.link && !talkLink ? sectionBlock(link(card.link.url, card.link.label)) : undefined;
  const moreLinks = (card.links ?? []).flatMap((more, i) => linkButton(more, i + 1) ?? []);
  const footer = contextOf(card.footer, META_MAX);
  const shared = card.sharedBy ? contextBlock(`Shared by ${userMention(card.sharedBy)}`) : undefined;
  const actions = actionsBlock(card.actions ?? [], [...(talkLink ? [talkLink] : []), ...moreLinks]);
  // The small blocks that make a card usable come first, most needed first; each only if it fits.
  const kept = new Set<KnownBlock>();
  for (const block of [header, actions, footer, shared, notice, subtitle, source, fields]) {
    if (block && budget.fits(block)) {
      budget.spend(block);
      kept.add(block);
    }
  }
  // Room for the two notes a cut may add: "shortened" and "N more not shown".
  budget.reserve(2 * NOTE_TEXT_MAX, 2);

  const items = card.items ?? [];
  const body = card.body ?? [];
  // With a body and results on one card, the body may take at most half of what is left.
  const held = body.length && items.length
    ? budget.reserve(Math.min(items.length * ITEM_RESERVE, budget.text / 2), Math.min(items.length * 2, Math.floor(budget.blocks / 2)))
    : undefined;
  const bodyPart = bodyBlocks(body, budget);
  held?.release();
  const itemPart = itemBlocks(items, budget);

  const cutNotice = bodyPart.cut && !kept.has(notice!) ? contextBlock(`:information_source: ${CUT_NOTICE}`) : undefined;
  const inOrder = (...blocks: (KnownBlock | undefined)[]) => blocks.filter((block): block is KnownBlock => block !== undefined && kept.has(block));
  const blocks = [
    ...inOrder(header, subtitle, notice),
    ...(cutNotice ? [cutNotice] : []),
    ...bodyPart.blocks,
    ...itemPart.blocks,
    ...inOrder(fields, source, footer, shared, actions),
  ];
  return { text: fallbackText(card), blocks };
}

/** The notification and accessibility text: the title and the result titles, escaped, one a line. */
function fallbackText(card: Card): string {
  const lines = [card.notice ?? "", ...(card.items ?? []).map((item, i) => `${i + 1}. ${item.title}`)];
  if (!card.items?.length && card.body?.length) lines.push(plain(card.body[0]!.text));
  const rest = lines.map((line) => escapeText(line).trim()).filter(Boolean);
  return truncate([titleOf(card), ...rest].join("\n"), LIMITS.fallbackText);
}

/** The escaped title, or the bot's name when nothing printable is left of it. */
function titleOf(card: Card): string {
  return escapeText(card.title).replace(/\s+/g, " ").trim() || "KubeCon";
}

/** Blocks and text the message can still take; every block added goes through it. */
class Budget {
  blocks: number = LIMITS.blocks;
  text: number = LIMITS.totalText;

  spend(block: KnownBlock): void {
    this.blocks -= 1;
    this.text -= textLength(block);
  }

  fits(block: KnownBlock): boolean {
    return this.blocks >= 1 && textLength(block) <= this.text;
  }

  /** Holds back room for later blocks until `release` is called. */
  reserve(text: number, blocks: number): { release(): void } {
    this.text -= text;
    this.blocks -= blocks;
    return {
      release: () => {
        this.text += text;
        this.blocks += blocks;
      },
    };
  }
}

/** Every character Slack may count against a message: texts, button values and URLs. */
export function textLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, element) => sum + textLength(element), 0);
  if (value === null || typeof value !== "object") return 0;
  let sum = 0;
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === "string" && (key === "text" || key === "value" || key === "url")) sum += inner.length;
    else sum += textLength(inner);
  }
  return sum;
}

interface Rendered {
  blocks: KnownBlock[];
  cut: boolean;
}

/**
 * Paragraphs become lines (bullets indented by depth), packed into sections of at most 3000
 * characters; when the budget runs out the last line is cut on a word boundary with an ellipsis.
 */
function bodyBlocks(paragraphs: Paragraph[], budget: Budget): Rendered {
  const blocks: KnownBlock[] = [];
  let section = "";
  const flush = (): void => {
    if (section === "") return;
    const block = sectionBlock(section);
    budget.spend(block);
    blocks.push(block);
    section = "";
  };
  let cut = false;
  for (let index = 0; index < paragraphs.length && !cut; ) {
    const paragraph = paragraphs[index]!;
    const depth = paragraph.depth ?? 0;
    const prefix = depth > 0 ? `${"    ".repeat(depth - 1)}• ` : "";
    const separator = section === "" ? "" : "\n";
    const used = section.length + separator.length + prefix.length;
    const room = Math.min(LIMITS.sectionText, budget.text) - used;
    const line = richToMrkdwn(paragraph.text, Math.max(0, room));
    if (!line.cut && line.text.trim() === "") {
      index += 1;
      continue;
    }
    if (!line.cut) {
      section += separator + prefix + line.text;
      index += 1;
      continue;
    }
    // Too long for this section: move on to a fresh one while the message has room for it.
    if (section !== "" && budget.blocks >= 2 && budget.text - section.length > MIN_FRESH_SECTION) {
      flush();
      continue;
    }
    const empty = line.text.trim() === "" || line.text === ELLIPSIS;
    section = empty ? endWithEllipsis(section, Math.min(LIMITS.sectionText, budget.text)) : section + separator + prefix + line.text;
    cut = true;
  }
  if (section !== "" && budget.blocks < 1) return { blocks, cut: true };
  flush();
  return { blocks, cut };
}

function endWithEllipsis(text: string, max: number): string {
  return text.length + ELLIPSIS.length <= max ? text + ELLIPSIS : truncate(text, max);
}

/**
 * Numbered results: a section (bold title, snippet, Details button) and a context line each, and
 * below it the talk's own link as a button when there is one (in the context line when the message
 * has no block left for it).
 */
function itemBlocks(items: CardItem[], budget: Budget): Rendered {
  const blocks: KnownBlock[] = [];
  for (const [index, item] of items.entries()) {
    const share = Math.floor(budget.text / (items.length - index));
    const talkLink = item.link && linkButton(item.link, index);
    // Enough blocks for this result with its link button, and one for "N more not shown" after it.
    const linkActions: ActionsBlock | undefined = talkLink && budget.blocks >= 4 ? { type: "actions", elements: [talkLink] } : undefined;
    const context = itemContext(item, !linkActions);
    const title = bold(`${index + 1}. ${item.title}`, TITLE_MAX);
    const extrasLength = (context ? textLength(context) : 0) + (linkActions ? textLength(linkActions) : 0);
    const details = item.details ? button(item.details, index) : undefined;
    const snippetRoom = Math.min(LIMITS.sectionText, share - extrasLength - (details ? textLength(details) : 0)) - title.length - 1;
    const snippet = item.snippet && snippetRoom > 20 ? richToMrkdwn(item.snippet, snippetRoom) : undefined;
    const section = sectionBlock(snippet?.text.trim() ? `${title}\n${snippet.text}` : title, details);
    const needed = context ? 2 : 1;
    if (budget.blocks < needed || !budget.fits(section)) {
      blocks.push(contextBlock(`${ELLIPSIS} ${items.length - index} more not shown.`));
      return { blocks, cut: true };
    }
    budget.spend(section);
    blocks.push(section);
    for (const extra of [context, linkActions]) {
      if (extra && budget.fits(extra)) {
        budget.spend(extra);
        blocks.push(extra);
      }
    }
  }
  return { blocks, cut: false };
}

/** The result's speakers, event and year, with its link as text unless a button carries it. */
function itemContext(item: CardItem, withLink: boolean): ContextBlock | undefined {
  const parts = [item.meta ? escapeAndFit(item.meta.trim(), META_MAX).trim() : "", item.link && withLink ? link(item.link.url, item.link.label) : ""];
  const text = parts.filter(Boolean).join("  ·  ");
  return text ? contextBlock(text) : undefined;
}

/** Up to ten short facts (speakers, event, year) in one section. */
function fieldBlock(card: Card): SectionBlock | undefined {
  const fields = (card.fields ?? []).slice(0, LIMITS.sectionFields).map((field) =>
    mrkdwn([bold(field.label, FIELD_LABEL_MAX), escapeAndFit(field.value.trim(), FIELD_VALUE_MAX).trim()].filter(Boolean).join("\n") || "—"),
  );
  return fields.length ? { type: "section", fields } : undefined;
}

/**
 * The card's buttons, the talk's own links first, as many as fit in ACTIONS_TEXT_MAX (each carries
 * up to 2000 characters of command) and the block's element limit.
 */
function actionsBlock(actions: CardAction[], talkLinks: Button[]): ActionsBlock | undefined {
  const buttons: Button[] = talkLinks.slice(0, LIMITS.actionsElements);
  let used = textLength(buttons);
  for (const [index, action] of actions.slice(0, LIMITS.actionsElements - buttons.length).entries()) {
    const element = button(action, index);
    if (!element || used + textLength(element) > ACTIONS_TEXT_MAX) continue;
    used += textLength(element);
    buttons.push(element);
  }
  return buttons.length ? { type: "actions", elements: buttons } : undefined;
}

/** A link button for a talk's own link; nothing for another link, or a URL Slack would refuse. */
function linkButton(target: Link, index: number): Button | undefined {
  if (!target.talk || !/^https?:\/\/\S+$/i.test(target.url) || target.url.length > LIMITS.buttonUrl) return undefined;
  return {
    type: "button",
    action_id: `kubecon.link.${index}`,
    text: plainText(escapeAndFit(target.label.trim(), LIMITS.buttonText).trim() || "Open"),
    url: target.url,
  };
}

/** A button for a card action, or nothing when its command cannot travel in a button value. */
function button(action: CardAction, index: number): Button | undefined {
  if (action.command.length === 0 || action.command.length > LIMITS.buttonValue) return undefined;
  return {
    type: "button",
    action_id: `kubecon.${action.kind}.${index}`,
    text: plainText(escapeAndFit(action.label.trim(), LIMITS.buttonText).trim() || "Open"),
    value: action.command,
    ...(action.style === "primary" ? { style: "primary" as const } : {}),
  };
}

/** One line of escaped text in bold; its own asterisks and line breaks would end the bold early. */
function bold(text: string, max: number): string {
  const line = escapeAndFit(text.replace(/\s+/g, " ").trim(), max).trim().replace(/\*/g, "∗");
  return line ? `*${line}*` : "";
}

function sectionBlock(text: string, accessory?: Button): SectionBlock {
  return { type: "section", text: mrkdwn(text || ELLIPSIS), ...(accessory ? { accessory } : {}) };
}

/** A context line for optional card text; nothing when no printable text is left after escaping. */
function contextOf(text: string | undefined, max: number, prefix = ""): ContextBlock | undefined {
  const fitted = escapeAndFit((text ?? "").trim(), max).trim();
  return fitted ? contextBlock(prefix + fitted) : undefined;
}

function contextBlock(text: string): ContextBlock {
  return { type: "context", elements: [mrkdwn(text)] };
}

