import type { SlackMessage } from "../../adapters/slack/render.js";

type Json = Record<string, any>;

/** A few emoji codes our renderer writes, as Slack would draw them. */
const EMOJI: Record<string, string> = { information_source: "ℹ️", thumbsup: "👍", thumbsdown: "👎", "+1": "👍", "-1": "👎" };

/**
 * Slack mrkdwn as HTML. Our renderer has already turned `&`, `<` and `>` of any text into entities,
 * which HTML reads the same way; what is left between `<` and `>` is a link or a mention we wrote.
 */
export function mrkdwnToHtml(text: string): string {
  return text
    .split(/(<[^<>]*>)/)
    .map((part) => {
      const token = /^<([^<>|]*)(?:\|([^<>]*))?>$/.exec(part);
      if (!token) return inline(part.replace(/"/g, "&quot;"));
      const [, target = "", label] = token;
      if (target.startsWith("@")) return `<span class="mention">@${target.slice(1)}</span>`;
      return `<a href="${attribute(target)}">${inline(label ?? target)}</a>`;
    })
    .join("");
}

/** Bold, italic, strike, inline code, emoji codes and line breaks. */
function inline(text: string): string {
  return text
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[^\p{L}\p{N}*])\*([^*\n]+)\*(?=$|[^\p{L}\p{N}*])/gu, "$1<b>$2</b>")
    .replace(/(^|[\s(“"'])_([^_\n]+)_(?=$|[\s.,;:!?)”"'])/g, "$1<i>$2</i>")
    .replace(/(^|[\s(“"'])~([^~\n]+)~(?=$|[\s.,;:!?)”"'])/g, "$1<s>$2</s>")
    .replace(/:([a-z0-9_+-]+):/g, (code, name: string) => EMOJI[name] ?? code)
    .replace(/\n/g, "<br>");
}

/** An attribute value from raw text (a button's command). */
function attribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

function plainToHtml(text: string): string {
  // plain_text carries our escaped text too (`&amp;`), which HTML shows as the character.
  return text.replace(/"/g, "&quot;");
}

function textObject(object: Json): string {
  return object.type === "mrkdwn" ? mrkdwnToHtml(object.text) : plainToHtml(object.text);
}

function button(element: Json): string {
  const style = element.style === "primary" ? " primary" : element.style === "danger" ? " danger" : "";
  const label = plainToHtml(element.text.text);
  if (element.url) return `<a class="s-button${style}" href="${attribute(element.url)}">${label} ↗</a>`;
  return `<span class="s-button${style}" title="${attribute(element.value ?? "")}">${label}</span>`;
}

function block(value: Json): string {
  switch (value.type) {
    case "header":
      return `<div class="s-header">${textObject(value.text)}</div>`;
    case "section": {
      const text = value.text ? `<div class="s-text">${textObject(value.text)}</div>` : "";
      const fields = value.fields ? `<div class="s-fields">${value.fields.map((f: Json) => `<div>${textObject(f)}</div>`).join("")}</div>` : "";
      const accessory = value.accessory ? `<div class="s-accessory">${button(value.accessory)}</div>` : "";
      return `<div class="s-section"><div class="s-main">${text}${fields}</div>${accessory}</div>`;
    }
    case "context":
      return `<div class="s-context">${value.elements.map((e: Json) => `<span>${textObject(e)}</span>`).join("")}</div>`;
    case "actions":
      return `<div class="s-actions">${value.elements.map(button).join("")}</div>`;
    case "divider":
      return `<hr class="s-divider">`;
    default:
      return `<div class="unknown">unknown block ${String(value.type)}</div>`;
  }
}

/** A Slack message as Slack's client lays it out: the bot's name, then its blocks. */
export function slackMessageHtml(message: SlackMessage, ephemeral: boolean): string {
  const note = ephemeral ? `<div class="s-ephemeral">Only visible to you</div>` : "";
  return `<div class="s-message">${note}<div class="s-author"><span class="s-avatar">K</span><b>kubecon-bot</b> <span class="s-app">APP</span></div>${(message.blocks as Json[]).map(block).join("")}</div>`;
}
