import { parse } from "node:querystring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSlackRequest } from "../../adapters/slack/request-shape.js";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { postSigned, startHarness, type Harness } from "./harness.js";
import { blockActionsBody, eventBody, FORM, JSON_TYPE, messageShortcutBody, slashCommandBody } from "./signing.js";

/** A body as Bolt parses it (node:querystring, as Bolt does): a form's fields, its `payload` field's JSON, or the JSON itself. */
function parsed(body: string): unknown {
  if (body.startsWith("{")) return JSON.parse(body);
  const fields = parse(body);
  return typeof fields.payload === "string" ? JSON.parse(fields.payload) : fields;
}

const responseUrl = "http://127.0.0.1:9/response";
const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const who = { user: { id: "U0001", team_id: "T0001" }, team: { id: "T0001" } };

/** What Slack sends, in the shapes the other Slack tests use. */
const sent: Record<string, string> = {
  "a slash command": slashCommandBody({ text: "ebpf", responseUrl }),
  "a card's button": blockActionsBody({ actionId: "kubecon.command.1", value: "search ebpf page:2", responseUrl, ephemeral: true }),
  "a Home tab button": blockActionsBody({ actionId: "kubecon.command.1", value: "events", responseUrl, ephemeral: false, homeTab: true }),
  "the message shortcut": messageShortcutBody({ text: "ebpf", responseUrl }),
  "a mention": eventBody({ type: "app_mention", user: "U0001", text: "<@UBOT> ebpf", ts: "1700000000.000100", channel: "C0001" }),
  "a direct message": eventBody({ type: "message", channel_type: "im", user: "U0001", text: "ebpf", ts: "1700000000.000100", channel: "D0001" }),
  "the Home tab opened": eventBody({ type: "app_home_opened", user: "U0001", channel: "D0001", tab: "home" }),
  "an uninstall": eventBody({ type: "app_uninstalled" }),
  "an event no listener takes": eventBody({ type: "reaction_added", user: { id: "U0001" }, item: { type: "message", channel: "C0001" } }),
  "a modal closed": form({ ...who, type: "view_closed", view: { id: "V1", callback_id: "old_modal" } }),
  "a menu asking for options": form({ ...who, type: "block_suggestion", action_id: "old_menu", value: "eb" }),
  "a legacy attachment button": form({ ...who, type: "interactive_message", callback_id: "old", actions: [{ name: "go", type: "button", value: "1" }] }),
  "an org-wide install's click (team null)": form({ ...JSON.parse(new URLSearchParams(blockActionsBody({ actionId: "kubecon.command.1", value: "help", responseUrl, ephemeral: true })).get("payload")!), team: null, enterprise: { id: "E0001" } }),
  "Slack's SSL check": "ssl_check=1&token=x",
  "the URL verification": JSON.stringify({ type: "url_verification", challenge: "abc", token: "x" }),
};

/** Signed bodies Bolt would fail on, each with where the problem is. */
const broken: Record<string, [body: string, problem: RegExp]> = {
  "null": ["null", /^\(body\)/],
  "a list": ["[1]", /^\(body\)/],
  "a form with one unknown field": ["name", /^user:/],
  "an event that is null": [JSON.stringify({ type: "event_callback", event: null }), /^event:/],
  "a mention with no channel": [eventBody({ type: "app_mention", text: "ebpf", ts: "1" }), /^event\.channel:/],
  "authorizations of null": [JSON.stringify({ event: { type: "app_uninstalled" }, authorizations: [null] }), /^authorizations\.0:/],
  "a click with no user": [form({ type: "block_actions", team: { id: "T1" }, actions: [{ action_id: "kubecon.command.1" }], container: { type: "message" } }), /^user:/],
  "a click with actions null": [form({ ...who, type: "block_actions", actions: null }), /^actions:/],
  "a click with no actions": [form({ ...who, type: "block_actions", actions: [], container: { type: "message" } }), /^actions:/],
  "a click with a numeric action id": [form({ ...who, type: "block_actions", actions: [{ action_id: 7 }], container: { type: "message" } }), /^actions\.0\.action_id:/],
  "a shortcut with no callback id": [form({ ...who, type: "shortcut" }), /^callback_id:/],
  "a message shortcut with no message": [form({ ...who, type: "message_action", callback_id: "x", channel: { id: "C1" }, response_url: responseUrl }), /^message:/],
  "a view submission with view null": [form({ ...who, type: "view_submission", view: null }), /^view:/],
  "a slash command with its text twice": [`${slashCommandBody({ text: "a", responseUrl })}&text=b`, /^text:/],
  "a type Slack does not send": [JSON.stringify({ type: "nothing_known" }), /^\(body\)/],
};

describe("the shape of a Slack request", () => {
  for (const [name, body] of Object.entries(sent)) {
    it(`lets ${name} through`, () => {
      expect(readSlackRequest(parsed(body))).toEqual({ kind: "pass" });
    });
  }

  for (const [name, [body, problem]] of Object.entries(broken)) {
    it(`refuses ${name}, saying where`, () => {
      const read = readSlackRequest(parsed(body));
      expect(read.kind).toBe("malformed");
      expect(read.kind === "malformed" && read.problem).toMatch(problem);
    });
  }

  it("tells Slack's pause of event delivery apart", () => {
    expect(readSlackRequest({ type: "app_rate_limited", team_id: "T1", minute_rate_limited: 1518467820 })).toEqual({ kind: "rate-limited", minute: 1518467820 });
  });
});

describe("signed requests Bolt would fail on, against the real app", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") }));
  });
  afterAll(async () => {
    await harness.close();
  });

  it("answers each with 400 and a warning naming the problem, never a 500 or Bolt's unacknowledged 404", async () => {
    for (const [body] of Object.values(broken)) {
      const contentType = body.startsWith("{") || body === "null" || body.startsWith("[") ? JSON_TYPE : FORM;
      expect((await postSigned(harness.url, body, { contentType })).status).toBe(400);
    }
    const warnings = harness.logs.lines.filter((line) => line.msg === "slack request malformed");
    expect(warnings).toHaveLength(Object.keys(broken).length);
    expect(warnings.every((line) => line.level === 40 && typeof line.problem === "string")).toBe(true);
    expect(harness.logs.lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });

  it("still leaves an unsigned or badly signed body to Bolt, which refuses it with 401", async () => {
    expect((await postSigned(harness.url, "null", { contentType: JSON_TYPE, secret: "not-the-secret" })).status).toBe(401);
    expect((await postSigned(harness.url, slashCommandBody({ text: "ebpf", responseUrl }), { secret: "not-the-secret" })).status).toBe(401);
  });

  it("answers Slack's pause of event delivery with 200 and a warning", async () => {
    const answer = await postSigned(harness.url, JSON.stringify({ token: "x", type: "app_rate_limited", team_id: "T0001", minute_rate_limited: 1518467820, api_app_id: "A0001" }));
    expect(answer.status).toBe(200);
    expect(harness.logs.lines.some((line) => line.level === 40 && String(line.msg).startsWith("slack paused event delivery"))).toBe(true);
  });

  it("answers the SSL check and the URL verification as Bolt does", async () => {
    expect((await postSigned(harness.url, "ssl_check=1&token=x")).status).toBe(200);
    const verification = await postSigned(harness.url, JSON.stringify({ type: "url_verification", challenge: "abc", token: "x" }));
    expect(verification.json()).toEqual({ challenge: "abc" });
  });
});
