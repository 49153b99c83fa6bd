import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { postSigned, startHarness, type Harness } from "./harness.js";
import { blockActionsBody, messageShortcutBody, slashCommandBody } from "./signing.js";

/**
 * What Slack sends that no listener of ours takes is acknowledged at once: Bolt alone would answer
 * it when its 3-second timer ran out, with a 404, and Slack would show the user an error.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") }));
});

afterAll(async () => {
  await harness.close();
});

const interaction = (payload: Record<string, unknown>) =>
  new URLSearchParams({ payload: JSON.stringify({ team: { id: "T0001", domain: "kubecon-test" }, user: { id: "U0001" }, api_app_id: "A0001", ...payload }) }).toString();

describe("requests no listener of ours takes", () => {
  it("acknowledges a click on a talk's Watch link button, and sends nothing back", async () => {
    const answer = await postSigned(harness.url, blockActionsBody({ actionId: "kubecon.link.2", value: "", responseUrl: harness.standin.responseUrl("watched"), ephemeral: true }));
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    // Anything the click caused would go out before the next request is answered; nothing does.
    await postSigned(harness.url, slashCommandBody({ text: "help", responseUrl: harness.standin.responseUrl("after") }));
    expect(harness.standin.calls("response_url").filter((call) => call.id === "watched")).toEqual([]);
  });

  const others: Record<string, string> = {
    "another app's button": blockActionsBody({ actionId: "other.app.button", value: "x", responseUrl: "https://example.invalid/r", ephemeral: false }),
    "a shortcut of another manifest": messageShortcutBody({ text: "ebpf", responseUrl: "https://example.invalid/r" }).replace("kubecon_find_talks", "retired_shortcut"),
    "a global shortcut with the message shortcut's id": interaction({ type: "shortcut", callback_id: "kubecon_find_talks", trigger_id: "1.2.3" }),
    "a modal submitted": interaction({ type: "view_submission", view: { id: "V1", type: "modal", callback_id: "old_modal", state: { values: {} } } }),
    "a modal closed": interaction({ type: "view_closed", view: { id: "V1", type: "modal", callback_id: "old_modal" }, is_cleared: false }),
    "a menu asking for options": interaction({ type: "block_suggestion", action_id: "old_menu", block_id: "b1", value: "eb" }),
    "a legacy attachment button": interaction({ type: "interactive_message", callback_id: "old_attachment", actions: [{ name: "go", type: "button", value: "1" }] }),
    "a legacy dialog submitted": interaction({ type: "dialog_submission", callback_id: "old_dialog", submission: { name: "x" } }),
  };
  for (const [name, body] of Object.entries(others)) {
    it(`acknowledges ${name} at once`, async () => {
      const answer = await postSigned(harness.url, body);
      expect(answer.status).toBe(200);
    });
  }

  it("answers another slash command with what this app answers", async () => {
    const answer = await postSigned(harness.url, slashCommandBody({ text: "x", responseUrl: harness.standin.responseUrl("other-command") }).replace("%2Fkubecon", "%2Fretired"));
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ response_type: "ephemeral", text: "This app answers /kubecon; try `/kubecon help`." });
  });

  it("logs none of them as unacknowledged", () => {
    expect(harness.logs.lines.filter((line) => String(line.msg).includes("not acknowledged"))).toEqual([]);
  });
});
