import { renderReply } from "../../adapters/discord/render.js";
import { renderCard, textLength } from "../../adapters/slack/render.js";
import { discordViolations } from "../discord/check.js";
import { violations } from "../slack/check.js";
import { discordMessageHtml } from "./discord-html.js";
import { EMOJI_FAMILY, emojiFontFace } from "./emoji-font.js";
import type { PreviewCard } from "./cards.js";
import { slackMessageHtml } from "./slack-html.js";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One row of the page: a card as Slack shows it and as Discord shows it, with its limit check. */
function row({ kind, command, reply }: PreviewCard): string {
  const slack = renderCard(reply.card);
  const discord = renderReply(reply);
  const slackProblems = violations(slack, reply.card.sharedBy);
  const discordProblems = discordViolations(discord);
  const verdict = (problems: string[], figures: string) =>
    problems.length
      ? `<div class="verdict bad">over the limits: ${escapeHtml(problems.join("; "))}</div>`
      : `<div class="verdict ok">within the limits · ${figures}</div>`;
  const embedText = discord.embeds.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
  return `<section class="kind" data-kind="${escapeHtml(kind)}">
  <h2>${escapeHtml(kind)} <code>${escapeHtml(command)}</code></h2>
  <div class="pair">
    <div class="card slack" data-platform="slack" data-problems="${slackProblems.length}">${slackMessageHtml(slack, reply.visibility === "ephemeral")}${verdict(slackProblems, `${slack.blocks.length}/50 blocks, ${textLength(slack.blocks)} characters`)}</div>
    <div class="card discord" data-platform="discord" data-problems="${discordProblems.length}">${discordMessageHtml(discord)}${verdict(discordProblems, `${discord.embeds[0]?.fields?.length ?? 0}/25 fields, ${discord.components.length}/5 rows, ${embedText} bytes of embed JSON`)}</div>
  </div>
</section>`;
}

const CSS = `
body { font-family: Lato, "Helvetica Neue", Arial, sans-serif, "${EMOJI_FAMILY}"; margin: 0; padding: 16px 24px; background: #f4f4f5; color: #1d1c1d; }
h1 { font-size: 22px; } h2 { font-size: 15px; margin: 24px 0 8px; } h2 code { font-weight: normal; color: #616061; overflow-wrap: anywhere; }
.pair { display: grid; grid-template-columns: minmax(0, 600px) minmax(0, 560px); gap: 24px; align-items: start; }
.card { min-width: 0; overflow-wrap: anywhere; }
.verdict { font-size: 12px; margin-top: 4px; } .verdict.ok { color: #2b7a0b; } .verdict.bad { color: #c00; font-weight: bold; }
a { color: #1264a3; text-decoration: none; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
.unknown { background: #fdd; color: #900; }
.s-message { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; font-size: 15px; line-height: 1.46; }
.s-author { margin-bottom: 4px; } .s-avatar { display: inline-block; width: 20px; height: 20px; border-radius: 4px; background: #326ce5; color: #fff; text-align: center; font-size: 12px; margin-right: 6px; }
.s-app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px; border-radius: 2px; }
.s-ephemeral { font-size: 12px; color: #616061; margin-bottom: 4px; }
.s-header { font-size: 18px; font-weight: 900; margin: 6px 0; }
.s-section { display: flex; gap: 12px; margin: 6px 0; } .s-main { flex: 1; min-width: 0; } .s-accessory { flex: none; }
.s-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; }
.s-context { font-size: 12px; color: #616061; margin: 4px 0; } .s-context span + span { margin-left: 8px; }
.s-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.s-button { display: inline-block; border: 1px solid #ccc; border-radius: 4px; padding: 3px 12px; font-size: 14px; font-weight: bold; white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis; box-sizing: border-box; color: #1d1c1d; }
.s-button.primary { background: #007a5a; border-color: #007a5a; color: #fff; } .s-button.danger { color: #e01e5a; }
code { font-family: Menlo, monospace, "${EMOJI_FAMILY}"; font-size: 12px; background: #f0f0f0; border-radius: 3px; padding: 0 2px; }
.d-message { background: #313338; color: #dbdee1; border-radius: 8px; padding: 12px 16px; font-family: "gg sans", "Noto Sans", Helvetica, Arial, sans-serif, "${EMOJI_FAMILY}"; font-size: 15px; line-height: 1.375; }
.d-message a { color: #00a8fc; } .d-message code { background: #2b2d31; }
.d-author { margin-bottom: 4px; color: #f2f3f5; } .d-avatar { display: inline-block; width: 20px; height: 20px; border-radius: 50%; background: #326ce5; color: #fff; text-align: center; font-size: 12px; margin-right: 6px; }
.d-app { font-size: 10px; background: #5865f2; color: #fff; padding: 1px 4px; border-radius: 3px; }
.d-ephemeral { font-size: 12px; color: #949ba4; margin-top: 6px; }
.d-embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; max-width: 516px; box-sizing: border-box; margin: 4px 0; }
.d-title { font-weight: 600; font-size: 16px; color: #f2f3f5; margin-top: 8px; }
.d-description { font-size: 14px; margin-top: 8px; } .d-description blockquote { margin: 0; border-left: 4px solid #4e5058; padding-left: 8px; }
.d-fields { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; margin-top: 8px; }
.d-field { grid-column: 1 / -1; font-size: 14px; min-width: 0; } .d-field.inline { grid-column: auto; }
.d-field-name { font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }
.d-footer { font-size: 12px; color: #b5bac1; margin-top: 8px; }
.d-row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; max-width: 516px; }
.d-button { display: inline-block; border-radius: 3px; padding: 2px 16px; font-size: 14px; line-height: 28px; color: #fff; background: #4e5058; white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis; box-sizing: border-box; }
.d-button.primary { background: #5865f2; } .d-button.success { background: #248046; } .d-button.danger { background: #da373c; } .d-button.link { background: #4e5058; color: #fff; }
`;

/**
 * The preview page: every kind of card as Slack (Block Kit) and Discord (embeds, components) lay
 * them out, side by side within a 1200-pixel window, emoji drawn by the font the page carries.
 */
export function previewPage(cards: readonly PreviewCard[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kubecon-bot card previews</title><style>${emojiFontFace()}\n${CSS}</style></head>
<body>
<h1>kubecon-bot: every kind of card, as Slack and as Discord show it</h1>
<p>Rendered from the real renderers' output for the shipped corpus (<code>npm run preview</code>). Each card is checked against its platform's limits.</p>
${cards.map(row).join("\n")}
</body></html>
`;
}
