import type { SlackMessage } from "../../adapters/slack/render.js";

/** Slack's published limits, written out here rather than imported, so a wrong table fails the tests. */
const SLACK = { blocks: 50, header: 150, section: 3000, fields: 10, field: 2000, context: 10, actions: 25, label: 75, value: 2000, url: 3000, actionId: 255 };
/** `msg_blocks_too_long` appears around 12-13k characters; we hold ourselves well below. */
const TOTAL_TEXT = 11_000;

type Json = Record<string, any>;

/** Everything wrong with a message as Slack would see it; empty when Slack would accept it. */
export function violations(message: SlackMessage, sharedBy?: string): string[] {
  const found: string[] = [];
  const fail = (what: string) => found.push(what);
  const blocks = message.blocks as Json[];
  if (blocks.length > SLACK.blocks) fail(`${blocks.length} blocks`);
  if (message.text.length === 0 || message.text.length > 4000) fail(`fallback text ${message.text.length}`);
  const texts: { text: string; mrkdwn: boolean }[] = [{ text: message.text, mrkdwn: true }];
  // Every character the blocks carry (texts, button values), counted here as the walk meets them.
  let total = 0;
  const textObject = (object: Json, max: number, where: string) => {
    const length = object.text.length;
    total += length;
    if (object.text.trim() === "" || length > max) fail(`${where} text length ${length}`);
    if (object.type === "mrkdwn" && object.verbatim !== true) fail(`${where} mrkdwn without verbatim`);
    texts.push({ text: object.text, mrkdwn: object.type === "mrkdwn" });
  };
  const buttonElement = (button: Json, where: string) => {
    textObject(button.text, SLACK.label, `${where} button`);
    if (button.text.type !== "plain_text") fail(`${where} button label not plain_text`);
    // A link button carries its URL instead of a command; Slack counts both.
    if (button.url !== undefined) {
      if (typeof button.url !== "string" || button.url.length > SLACK.url || !/^https?:\/\/\S+$/.test(button.url)) fail(`${where} button url`);
      else total += button.url.length;
    } else if (typeof button.value !== "string" || button.value.length > SLACK.value) fail(`${where} button value`);
    else total += button.value.length;
    if (button.action_id.length > SLACK.actionId) fail(`${where} action_id`);
  };
  for (const [index, block] of blocks.entries()) {
    const where = `block ${index} (${block.type})`;
    switch (block.type) {
      case "header":
        if (block.text.type !== "plain_text") fail(`${where} not plain_text`);
        textObject(block.text, SLACK.header, where);
        break;
      case "section":
        if (!block.text && !block.fields) fail(`${where} empty`);
        if (block.text) textObject(block.text, SLACK.section, where);
        if (block.fields) {
          if (block.fields.length > SLACK.fields) fail(`${where} ${block.fields.length} fields`);
          for (const field of block.fields) textObject(field, SLACK.field, `${where} field`);
        }
        if (block.accessory) buttonElement(block.accessory, where);
        break;
      case "context":
        if (block.elements.length < 1 || block.elements.length > SLACK.context) fail(`${where} elements`);
        for (const element of block.elements) textObject(element, SLACK.section, where);
        break;
      case "actions": {
        if (block.elements.length < 1 || block.elements.length > SLACK.actions) fail(`${where} elements`);
        const ids = new Set<string>();
        for (const element of block.elements) {
          buttonElement(element, where);
          if (ids.has(element.action_id)) fail(`${where} duplicate action_id`);
          ids.add(element.action_id);
        }
        break;
      }
      default:
        fail(`${where} unexpected block type`);
    }
  }
  if (total > TOTAL_TEXT) fail(`total text ${total}`);
  for (const { text } of texts) {
    const live = liveMentions(text).filter((mention) => mention !== `<@${sharedBy}>`);
    if (live.length) fail(`live mention ${live[0]}`);
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) fail("lone surrogate");
    if (/&(?!amp;|lt;|gt;)/.test(text)) fail(`bare or broken entity in ${JSON.stringify(text.slice(0, 80))}`);
  }
  return found;
}

/** Special `<...>` tokens that would ping someone: users, channels, groups, broadcasts. */
export function liveMentions(text: string): string[] {
  return text.match(/<[@!#][^>]*>/g) ?? [];
}
