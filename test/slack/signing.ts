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

let triggers = 0;
/** A trigger_id of its own for each request, as Slack gives one to every command and click (a replay is the same bytes again). */
export function nextTriggerId(): string {
  triggers += 1;
  return `13345224609.${process.pid}${String(triggers).padStart(6, "0")}.8088930838d88f008e0`;
}
export const JSON_TYPE = "application/json";

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
    trigger_id: nextTriggerId(),
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
  /** A button of the Home tab: Slack sends no channel and no response_url with it. */
  homeTab?: boolean;
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
    trigger_id: nextTriggerId(),
    team: { id: teamId, domain: "kubecon-test" },
    ...(click.homeTab
      ? { container: { type: "view", view_id: "V0001" }, view: { id: "V0001", type: "home", blocks: [] } }
      : {
          container: { type: "message", message_ts: "1700000000.000100", channel_id: channelId, is_ephemeral: click.ephemeral },
          channel: { id: channelId, name: "general" },
          response_url: click.responseUrl,
        }),
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

let eventCount = 0;

/** An Events API callback (JSON) carrying `event`, for the workspace `teamId`. */
export function eventBody(event: Record<string, unknown>, teamId = "T0001"): string {
  eventCount += 1;
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0001",
    event,
    type: "event_callback",
    event_id: `Ev${String(eventCount).padStart(8, "0")}`,
    event_time: 1700000000 + eventCount,
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

export interface MessageShortcutFields {
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
}

/** "Find KubeCon talks" used on a message: a `message_action` payload, form-encoded like every interaction. */
export function messageShortcutBody(fields: MessageShortcutFields): string {
  const teamId = fields.teamId ?? "T0001";
  const payload = {
    type: "message_action",
    callback_id: "kubecon_find_talks",
    trigger_id: nextTriggerId(),
    action_ts: "1700000002.000300",
    team: { id: teamId, domain: "kubecon-test" },
    user: { id: fields.userId ?? "U0001", username: "alice", team_id: teamId, name: "alice" },
    channel: { id: fields.channelId ?? "C0001", name: "general" },
    message_ts: "1700000000.000100",
    message: { type: "message", user: "U0002", ts: "1700000000.000100", text: fields.text },
    response_url: fields.responseUrl,
    token: "deprecated-verification-token",
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
