import { createHmac } from "node:crypto";

/** Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>`, keyed with the signing secret. */
export function slackSignature(signingSecret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestampSec}:${body}`).digest("hex")}`;
}

/** Headers of a request as Slack sends it; the content type must be exactly this for Bolt to parse a form. */
export function signedHeaders(signingSecret: string, body: string, timestampSec: number, contentType: string): Record<string, string> {
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestampSec),
    "x-slack-signature": slackSignature(signingSecret, timestampSec, body),
  };
}

export const FORM = "application/x-www-form-urlencoded";

export interface SlashCommandFields {
  text: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
  responseUrl: string;
}

/** A slash command body in Slack's form encoding. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: fields.teamId ?? "T0001",
    team_domain: "kubecon-test",
    channel_id: fields.channelId ?? "C0001",
    channel_name: "general",
    user_id: fields.userId ?? "U0001",
    user_name: "alice",
    command: "/kubecon",
    text: fields.text,
    api_app_id: "A0001",
    response_url: fields.responseUrl,
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  }).toString();
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  ephemeral: boolean;
  userId?: string;
  channelId?: string;
  teamId?: string;
}

/** A block_actions interaction: Slack form-encodes it as one `payload` field holding JSON. */
export function blockActionsBody(click: ButtonClick): string {
  const channelId = click.channelId ?? "C0001";
  const teamId = click.teamId ?? "T0001";
  const payload = {
    type: "block_actions",
    user: { id: click.userId ?? "U0001", username: "alice", team_id: teamId },
    api_app_id: "A0001",
    token: "deprecated-verification-token",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: channelId, is_ephemeral: click.ephemeral },
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    team: { id: teamId, domain: "kubecon-test" },
    channel: { id: channelId, name: "general" },
    response_url: click.responseUrl,
    actions: [
      {
        type: "button",
        action_id: click.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "button", emoji: true },
        value: click.value,
        action_ts: "1700000001.000200",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
