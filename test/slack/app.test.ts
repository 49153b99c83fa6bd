import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionKind } from "../../adapters/slack/render.js";
import type { Bot } from "../../src/commands/bot.js";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { liveMentions, violations } from "./check.js";
import { postSigned, startHarness, type Harness } from "./harness.js";
import { blockActionsBody, slashCommandBody } from "./signing.js";

type Json = Record<string, any>;

let bot: Bot;
let harness: Harness;

beforeAll(async () => {
  bot = await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") });
  harness = await startHarness(bot);
});

afterAll(async () => {
  await harness.close();
});

async function slash(text: string, responseId = "slash") {
  return postSigned(harness.url, slashCommandBody({ text, responseUrl: harness.standin.responseUrl(responseId) }));
}

async function click(button: Json, responseId: string, ephemeral = true) {
  const answer = await postSigned(
    harness.url,
    blockActionsBody({ actionId: button.action_id, value: button.value, responseUrl: harness.standin.responseUrl(responseId), ephemeral }),
  );
  expect(answer.status).toBe(200);
  return answer;
}

const buttons = (blocks: Json[]): Json[] => blocks.flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]);
const buttonLabelled = (blocks: Json[], label: RegExp) => buttons(blocks).find((button) => label.test(button.text.text))!;

describe("Slack adapter over HTTP with the real Bolt app", () => {
  it("checks the bot token with auth.test at start", () => {
    expect(harness.standin.calls("auth.test")).toHaveLength(1);
  });

  it("answers /kubecon ebpf in the acknowledgement itself, ephemeral, within the limits", async () => {
    const answer = await slash("ebpf");
    expect(answer.status).toBe(200);
    const message = answer.json();
    expect(message.response_type).toBe("ephemeral");
    expect(violations({ text: message.text, blocks: message.blocks })).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "KubeCon talks on “ebpf”" } });
    const results = message.blocks.filter((block: Json) => block.type === "section" && block.accessory);
    expect(results.length).toBeGreaterThan(1);
    expect(results[0].text.text).toMatch(/^\*1\. .+\*\n/);
    expect(results.some((block: Json) => /\*e?BPF\*/.test(block.text.text))).toBe(true);
    expect(buttonLabelled(message.blocks, /Share in channel/).value).toBe("search ebpf");
  });

  it("pages by replacing the ephemeral card in place through response_url", async () => {
    const first = (await slash("kubernetes")).json();
    const next = buttonLabelled(first.blocks, /Next/);
    expect(actionKind(next.action_id)).toBe("command");
    await click(next, "page-2");
    const posted = await harness.standin.waitFor((received) => received.id === "page-2");
    expect(posted.body.replace_original).toBe(true);
    expect(posted.body.response_type).toBeUndefined();
    const blocks = posted.body.blocks as Json[] & [Json];
    expect(violations({ text: posted.body.text as string, blocks } as never)).toEqual([]);
    expect(JSON.stringify(blocks)).toMatch(/page 2 of/);
    expect(JSON.stringify(blocks)).not.toEqual(JSON.stringify(first.blocks));
  });

  it("opens a result's Details in place, showing the talk in full", async () => {
    const first = (await slash("ebpf")).json();
    const details = buttonLabelled(first.blocks, /^Details$/);
    expect(details.value).toMatch(/^talk /);
    await click(details, "details");
    const posted = await harness.standin.waitFor((received) => received.id === "details");
    expect(posted.body.replace_original).toBe(true);
    const blocks = posted.body.blocks as Json[] & [Json];
    const title = first.blocks.find((block: Json) => block.accessory?.value === details.value).text.text.split("\n")[0];
    expect(blocks[0].type).toBe("header");
    expect(title).toContain(blocks[0].text.text.replace("…", "").slice(0, 20));
  });

  it("shares a card publicly with the sharer's name and no unfurls, then deletes the ephemeral one", async () => {
    const first = (await slash("ebpf")).json();
    const share = buttonLabelled(first.blocks, /Share in channel/);
    expect(actionKind(share.action_id)).toBe("share");
    const before = harness.standin.calls("chat.postMessage").length;
    await click(share, "share");
    const deleted = await harness.standin.waitFor((received) => received.id === "share");
    expect(deleted.body).toEqual({ delete_original: true });
    const post = harness.standin.calls("chat.postMessage")[before]!;
    expect(post.body).toMatchObject({ channel: "C0001", unfurl_links: "false", unfurl_media: "false" });
    expect(post.body.link_names).toBeUndefined();
    expect(post.body.parse).toBeUndefined();
    const blocks = post.body.blocks as Json[] & [Json];
    expect(violations({ text: post.body.text as string, blocks } as never, "U0001")).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("Shared by <@U0001>");
    expect(blocks[0].text.text).toBe("KubeCon talks on “ebpf”");
  });

  it("tells the sharer when Slack refuses the post, and keeps the ephemeral card", async () => {
    harness.standin.failApi("chat.postMessage", "not_in_channel");
    const first = (await slash("ebpf")).json();
    await click(buttonLabelled(first.blocks, /Share in channel/), "share-refused");
    const told = await harness.standin.waitFor((received) => received.id === "share-refused");
    expect(told.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(told.body.text).toMatch(/Invite me/);
    await harness.logs.waitFor((line) => line.msg === "slack share post failed");
    expect(harness.standin.received.filter((received) => received.id === "share-refused")).toHaveLength(1);
  });

  it("answers a click on a public card to the clicker alone instead of replacing it", async () => {
    const first = (await slash("ebpf")).json();
    await click(buttonLabelled(first.blocks, /^Details$/), "public-click", false);
    const posted = await harness.standin.waitFor((received) => received.id === "public-click");
    expect(posted.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
  });

  it("logs an expired response_url with context and keeps serving", async () => {
    harness.standin.failResponseUrl("expired", 404);
    const first = (await slash("ebpf")).json();
    await click(buttonLabelled(first.blocks, /Next|Details/), "expired");
    const line = await harness.logs.waitFor((entry) => entry.msg === "slack response_url post failed");
    expect(line).toMatchObject({ level: 40, component: "slack", user: "U0001", channel: "C0001" });
    expect(line.action).toMatch(/^kubecon\./);
    expect((await slash("help")).status).toBe(200);
  });

  it("never lets a query ping anyone", async () => {
    const message = (await slash("<!channel> <!here> <@U123> <!subteam^S1> & <https://evil.example|x>")).json();
    const everything = [message.text, ...JSON.stringify(message.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g)!];
    expect(everything.flatMap((text) => liveMentions(text))).toEqual([]);
    expect(violations({ text: message.text, blocks: message.blocks })).toEqual([]);
  });

  it("answers a 10,000-character command briefly and within the limits", async () => {
    const message = (await slash("x".repeat(10_000))).json();
    expect(violations({ text: message.text, blocks: message.blocks })).toEqual([]);
  });

  it("renders help, events, topics and takeaway as cards within the limits", async () => {
    for (const command of ["", "help", "events", "event eu-2018", "topics", "takeaway"]) {
      const message = (await slash(command)).json();
      expect(message.blocks[0].type, command).toBe("header");
      expect(violations({ text: message.text, blocks: message.blocks }), command).toEqual([]);
    }
  });
});

describe("request verification", () => {
  const body = () => slashCommandBody({ text: "ebpf", responseUrl: harness.standin.responseUrl("verify") });

  it("rejects a tampered body with 401", async () => {
    const signed = body();
    const answer = await postSigned(harness.url, signed.replace("ebpf", "help"), { signedBody: signed });
    expect(answer.status).toBe(401);
  });

  it("rejects a signature made with another secret with 401", async () => {
    expect((await postSigned(harness.url, body(), { secret: "0".repeat(32) })).status).toBe(401);
  });

  it("rejects a timestamp older than five minutes with 401", async () => {
    const stale = Math.floor(Date.now() / 1000) - 5 * 60 - 30;
    expect((await postSigned(harness.url, body(), { timestampSec: stale })).status).toBe(401);
  });

  it("rejects an unsigned request with 401", async () => {
    const answer = await fetch(harness.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body() });
    expect(answer.status).toBe(401);
  });

  it("answers 405 to anything but a POST on the events path, and serves /healthz", async () => {
    expect((await fetch(harness.url)).status).toBe(405);
    expect((await fetch(harness.url.replace("/slack/events", "/healthz"))).status).toBe(200);
  });
});

describe("slow or failing core", () => {
  it("acknowledges empty when the core is slow, then answers through response_url", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Bot = { ...bot, commands: bot.commands, complete: bot.complete.bind(bot), run: async (...args) => (await gate, bot.run(...args)) };
    const slowHarness = await startHarness(slow, { ackDeadlineMs: 10, standin: harness.standin });
    try {
      const answer = await postSigned(slowHarness.url, slashCommandBody({ text: "ebpf", responseUrl: harness.standin.responseUrl("late") }));
      expect(answer.status).toBe(200);
      expect(answer.text).toBe("");
      release();
      const late = await harness.standin.waitFor((received) => received.id === "late");
      expect(late.body.response_type).toBe("ephemeral");
      expect((late.body.blocks as [Json])[0].text.text).toBe("KubeCon talks on “ebpf”");
    } finally {
      await slowHarness.close();
    }
  });
});
