import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusBot, type CorpusBot } from "../discord/fixture.js";
import { postSigned, startHarness, type Harness } from "./harness.js";
import { blockActionsBody, eventBody, messageShortcutBody, slashCommandBody } from "./signing.js";
import type { Received } from "./standin.js";

type Json = Record<string, any>;

let corpus: CorpusBot;
let harness: Harness;

beforeAll(async () => {
  corpus = await corpusBot();
  harness = await startHarness(corpus.bot, { store: corpus.store });
});

afterAll(async () => {
  await harness?.close();
  await corpus?.close();
});

async function event(payload: Json): Promise<void> {
  expect((await postSigned(harness.url, eventBody(payload))).status).toBe(200);
}

const posts = (channel: string): Received[] => harness.standin.calls("chat.postMessage").filter((call) => call.body.channel === channel);
const header = (call: Received) => (call.body.blocks as Json[])[0]?.text?.text;

describe("Slack: mentions", () => {
  it("answers `@kubecon ebpf` in a thread, publicly, in that thread", async () => {
    const posted = harness.standin.waitFor((r) => r.kind === "chat.postMessage" && r.body.channel === "C0MENTION1");
    await event({ type: "app_mention", user: "U0001", text: "<@UBOT> ebpf", ts: "1700000100.000200", thread_ts: "1700000050.000100", channel: "C0MENTION1", event_ts: "1700000100.000200" });
    const { body } = await posted;
    expect(body.thread_ts).toBe("1700000050.000100");
    expect(body.response_type).toBeUndefined();
    expect((body.blocks as Json[])[0]).toMatchObject({ type: "header", text: { text: "KubeCon talks on “ebpf”" } });
    expect(String(body.unfurl_links)).toBe("false");
  });

  it("starts a thread under a mention in the channel, running any command of the grammar", async () => {
    const posted = harness.standin.waitFor((r) => r.kind === "chat.postMessage" && r.body.channel === "C0MENTION2");
    await event({ type: "app_mention", user: "U0001", text: "<@UBOT> events", ts: "1700000200.000200", channel: "C0MENTION2", event_ts: "1700000200.000200" });
    const { body } = await posted;
    expect(body.thread_ts).toBe("1700000200.000200");
    expect(JSON.stringify(body.blocks)).toMatch(/KubeCon events/i);
  });
});

describe("Slack: direct messages", () => {
  it("answers a DM there, with the help card first the first time, and only the answer after that", async () => {
    const dm = (text: string, ts: string) => event({ type: "message", channel_type: "im", channel: "D0ALICE", user: "U0001", text, ts, event_ts: ts });
    const both = harness.standin.waitFor(() => posts("D0ALICE").length === 2);
    await dm("service mesh", "1700000300.000100");
    await both;
    expect(posts("D0ALICE").map(header)).toEqual(["kubecon: KubeCon talks from recap write-ups", "KubeCon talks on “service mesh”"]);

    const third = harness.standin.waitFor(() => posts("D0ALICE").length === 3);
    await dm("gitops", "1700000400.000100");
    await third;
    expect(header(posts("D0ALICE")[2]!)).toBe("KubeCon talks on “gitops”");
    expect(harness.standin.calls("conversations.history").filter((call) => call.body.channel === "D0ALICE")).toHaveLength(2);
  });

  it("ignores its own messages and edits", async () => {
    await event({ type: "message", channel_type: "im", channel: "D0QUIET", user: "UBOT", bot_id: "BBOT", text: "hello", ts: "1700000500.000100" });
    await event({ type: "message", subtype: "message_changed", channel_type: "im", channel: "D0QUIET", ts: "1700000501.000100", message: { text: "x" } });
    // A later DM in another conversation is answered: so the two above were seen and skipped.
    const answered = harness.standin.waitFor((r) => r.kind === "chat.postMessage" && r.body.channel === "D0LATER");
    await event({ type: "message", channel_type: "im", channel: "D0LATER", user: "U0003", text: "help", ts: "1700000502.000100" });
    await answered;
    expect(posts("D0QUIET")).toEqual([]);
  });
});

describe("Slack: the Home tab", () => {
  it("publishes what the bot can do, the events and this workspace's daily posts with their next time", async () => {
    const slash = await postSigned(harness.url, slashCommandBody({ text: "daily on 09:00 Europe/Paris ebpf", channelId: "C0DAILY", responseUrl: harness.standin.responseUrl("home-daily") }));
    expect(slash.status).toBe(200);
    const published = harness.standin.waitFor((r) => r.kind === "views.publish");
    await event({ type: "app_home_opened", user: "U0001", channel: "D0ALICE", tab: "home", event_ts: "1700000600.000100" });
    const { body } = await published;
    expect(body.user_id).toBe("U0001");
    const view = body.view as Json;
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view.blocks);
    expect(text).toMatch(/kubecon: KubeCon talks from recap write-ups/);
    expect(text).toMatch(/KubeCon events/i);
    expect(text).toMatch(/<#C0DAILY>: every day at 09:00 \(Europe\/Paris\) · topic eBPF\\nnext post \w{3} \d{1,2} \w{3} \d{4} at 09:00 \(Europe\/Paris\)/);
    const buttons = view.blocks.flatMap((block: Json) => block.elements ?? []).filter((element: Json) => element.type === "button");
    expect(buttons.map((button: Json) => button.value)).toContain("search ebpf");
  });

  it("answers a Home tab button in the user's messages with the app", async () => {
    const posted = harness.standin.waitFor((r) => r.kind === "chat.postMessage" && r.body.channel === "U0HOME");
    const body = blockActionsBody({ actionId: "kubecon.command.0", value: "search ebpf", responseUrl: "", ephemeral: false, userId: "U0HOME", homeTab: true });
    expect((await postSigned(harness.url, body)).status).toBe(200);
    expect(header(await posted)).toBe("KubeCon talks on “ebpf”");
  });
});

describe("Slack: the “Find KubeCon talks” message shortcut", () => {
  it("searches the message's text, mentions and links left out, answering the user alone", async () => {
    const body = messageShortcutBody({ text: "<@U0002> has anyone seen a talk on <https://x.invalid|opentelemetry> tracing?", responseUrl: harness.standin.responseUrl("shortcut") });
    expect((await postSigned(harness.url, body)).status).toBe(200);
    const { body: answer } = await harness.standin.waitFor((r) => r.id === "shortcut");
    expect(answer.response_type).toBe("ephemeral");
    expect((answer.blocks as Json[])[0]!.text.text).toBe("KubeCon talks on “has anyone seen a talk on opentelemetry tracing?”");
  });

  it("says so when the message has no text", async () => {
    expect((await postSigned(harness.url, messageShortcutBody({ text: "<@U0002>", responseUrl: harness.standin.responseUrl("shortcut-empty") }))).status).toBe(200);
    const { body } = await harness.standin.waitFor((r) => r.id === "shortcut-empty");
    expect((body.blocks as Json[])[0]!.text.text).toBe("That message has no text to search for.");
  });
});

describe("Slack: uninstalls in the single-workspace setup", () => {
  it("turn the workspace's daily posts off", async () => {
    await postSigned(harness.url, slashCommandBody({ text: "daily on 10:00", channelId: "C0GONE", responseUrl: harness.standin.responseUrl("gone") }));
    expect((await corpus.store.getSubscription("slack:C0GONE"))?.enabled).toBe(true);
    await event({ type: "app_uninstalled" });
    await harness.logs.waitFor((line) => line.msg === "slack workspace removed the app");
    const subscription = await corpus.store.getSubscription("slack:C0GONE");
    expect(subscription?.enabled).toBe(false);
    expect(subscription?.disabledReason).toBe("the app was uninstalled from this workspace");
  });
});
