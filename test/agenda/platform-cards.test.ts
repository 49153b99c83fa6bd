import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../adapters/discord/start.js";
import { renderCard } from "../../adapters/slack/render.js";
import { renderText } from "../../src/cards/text.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import type { Section } from "../../src/corpus/section.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { CONTEXT } from "../core/helpers.js";
import { discordViolations } from "../discord/check.js";
import { buttonInteraction, commandInteraction, stringOption } from "../discord/payloads.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { violations } from "../slack/check.js";
import { postSigned, startHarness, type Harness } from "../slack/harness.js";
import { blockActionsBody, slashCommandBody } from "../slack/signing.js";
import { agendaBot, agendaData } from "./programme-bot.js";

type Json = Record<string, any>;

const TUTORIAL = "programme-eu-2026--ag-tutorial";
const data = agendaData();
const byId = (id: string) => data.corpus.sections.find((s) => s.id === id)!;
const tutorial = byId(TUTORIAL);
// Two shipped recap talks on eBPF, linked to the tutorial as the programme's linker links the same talk.
const notes: Section[] = data.corpus.sections.filter((s) => s.kind === "talk" && s.tags.includes("eBPF")).slice(0, 2);
tutorial.recapSectionIds = notes.map((s) => s.id);
for (const noted of notes) Object.assign(noted, { programmeId: TUTORIAL, session: tutorial.session });

const at = new Date("2026-03-24T09:20:00Z");
let bot: LoadedBot;
let slack: Harness;
let standIn: DiscordStandIn;
let discordHost: HttpHost;
let discordUrl: string;
const { publicKey, privateKey } = generateKeyPairSync("ed25519");

beforeAll(async () => {
  bot = agendaBot(() => at, data);
  slack = await startHarness(bot);
  standIn = await new DiscordStandIn().start();
  discordHost = new HttpHost(createLogger("silent"));
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  await startDiscord({ config: { token: "t".repeat(60), publicKey: publicKeyHex, apiUrl: standIn.apiUrl }, bot, logger: createLogger("silent"), host: discordHost, deferAfterMs: 60_000 });
  discordUrl = `http://127.0.0.1:${await discordHost.listen(0, "127.0.0.1")}/discord/interactions`;
});

afterAll(async () => {
  await slack?.close();
  await discordHost?.close();
  await standIn?.stop();
});

describe("cards of programme talks in the terminal", () => {
  it("a programme talk: time in the event's zone, room, format, track, schedule, and the recap notes written of it", async () => {
    const card = (await bot.run(`talk ${TUTORIAL}`, CONTEXT)).card;
    const text = renderText(card);
    expect(text).toContain("When: Tue 24 Mar 10:00–11:30 CET\nRoom: Hall 7 | Room A\nFormat: Tutorial\nTrack: 📚 TUTORIALS");
    expect(text).toContain("Schedule: https://schedule.example/event/ag-tutorial");
    expect(card.fields?.find((f) => f.label === "Notes from 2 recaps")).toBeDefined();
    expect(card.actions?.filter((a) => /^Recap notes/.test(a.label)).map((a) => a.command)).toEqual(notes.map((s) => `talk ${s.id}`));
  });

  it("a recap section linked to a programme talk: an extract of the abstract and the schedule beside its own link", async () => {
    const card = (await bot.run(`talk ${notes[0]!.id}`, CONTEXT)).card;
    expect(card.fields?.find((f) => f.label === "Abstract")?.value).toBe("Write your first eBPF program and attach it to the network stack, step by step.");
    expect(card.fields?.find((f) => f.label === "When")?.value).toBe("Tue 24 Mar 10:00–11:30 CET");
    expect(card.links).toEqual([{ label: "Schedule", url: "https://schedule.example/event/ag-tutorial", talk: true }]);
    expect(card.actions?.find((a) => a.label === "Programme entry")?.command).toBe(`talk ${TUTORIAL}`);
  });

  it("cuts a long abstract on a word, with an ellipsis", async () => {
    const long = { ...tutorial, text: `${"Packets travel through the kernel. ".repeat(20)}End.` };
    const { talkCard } = await import("../../src/cards/talk-card.js");
    const abstract = talkCard(notes[0]!, undefined, { programme: long }).fields!.find((f) => f.label === "Abstract")!.value;
    expect(abstract.length).toBeLessThanOrEqual(300);
    expect(abstract.endsWith("…")).toBe(true);
    const kept = abstract.slice(0, -1);
    expect(long.text.startsWith(kept)).toBe(true);
    expect(long.text[kept.length]).toMatch(/[ .]/);
  });
});

describe("on Slack, through the Bolt app", () => {
  const buttons = (blocks: Json[]): Json[] => blocks.flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]);
  const slash = async (text: string, id: string) => (await postSigned(slack.url, slashCommandBody({ text, responseUrl: slack.standin.responseUrl(id) }))).json();

  it("/kubecon now ebpf: each session's time, room and format in a context line, and a Schedule link button", async () => {
    const message = await slash("now ebpf", "now");
    expect(violations({ text: message.text, blocks: message.blocks })).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "On now at KubeCon + CloudNativeCon Europe 2026 on “ebpf”" } });
    const context = message.blocks.filter((b: Json) => b.type === "context").map((b: Json) => b.elements[0].text);
    expect(context).toContain("Tue 24 Mar 10:00–11:30 CET · Hall 7 | Room A · Tutorial · 📚 TUTORIALS · Ada Lovelace, Example Corp");
    const schedule = buttons(message.blocks).find((b) => b.text.text === "Schedule");
    expect(schedule).toMatchObject({ url: "https://schedule.example/event/ag-tutorial" });
  });

  it("a programme talk's card opens its recap notes through the talk command, and a recap's shows the schedule", async () => {
    const message = await slash(`talk ${TUTORIAL}`, "talk");
    expect(violations({ text: message.text, blocks: message.blocks })).toEqual([]);
    const fields = message.blocks.flatMap((b: Json) => b.fields ?? []).map((f: Json) => f.text);
    expect(fields).toContain("*When*\nTue 24 Mar 10:00–11:30 CET");
    expect(fields.some((f: string) => f.startsWith("*Notes from 2 recaps*"))).toBe(true);
    expect(buttons(message.blocks).find((b) => b.text.text === "Schedule")?.url).toBe("https://schedule.example/event/ag-tutorial");
    const open = buttons(message.blocks).find((b) => b.text.text === "Recap notes 1")!;
    expect(open.value).toBe(`talk ${notes[0]!.id}`);
    const clicked = await postSigned(slack.url, blockActionsBody({ actionId: open.action_id, value: open.value, responseUrl: slack.standin.responseUrl("notes"), ephemeral: true }));
    expect(clicked.status).toBe(200);
    const posted = await slack.standin.waitFor((received) => received.id === "notes");
    const blocks = posted.body.blocks as Json[];
    expect(violations({ text: posted.body.text as string, blocks } as never)).toEqual([]);
    expect(blocks.flatMap((b) => b.fields ?? []).map((f: Json) => f.text)).toContain("*Abstract*\nWrite your first eBPF program and attach it to the network stack, step by step.");
    expect(buttons(blocks).find((b) => b.text.text === "Schedule")?.url).toBe("https://schedule.example/event/ag-tutorial");
  });

  it("keeps a day's list within Slack's limits", async () => {
    const card = (await bot.run("today", CONTEXT)).card;
    expect(violations(renderCard(card))).toEqual([]);
  });
});

describe("on Discord, through the HTTP interactions endpoint", () => {
  async function interact(interaction: unknown): Promise<Json> {
    const body = JSON.stringify(interaction);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
    const response = await fetch(discordUrl, { method: "POST", headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp }, body });
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  }
  const components = (message: Json): Json[] => message.components.flatMap((row: Json) => row.components);

  it("/kubecon now topic:ebpf: the session's time and room in its field, a Schedule link button", async () => {
    const answer = await interact(commandInteraction("now", [stringOption("topic", "ebpf")]));
    expect(discordViolations(answer.data)).toEqual([]);
    const [embed] = answer.data.embeds;
    expect(embed.title).toBe("On now at KubeCon + CloudNativeCon Europe 2026 on “ebpf”");
    expect(embed.fields[0].name).toBe("1. Tracing Packets With eBPF From Scratch");
    // Discord's markdown escapes the room's bar.
    expect(embed.fields[0].value).toContain("Tue 24 Mar 10:00–11:30 CET · Hall 7 \\| Room A · Tutorial");
    expect(components(answer.data).find((b) => b.label === "Schedule")).toMatchObject({ style: 5, url: "https://schedule.example/event/ag-tutorial" });
  });

  it("a programme talk's Recap notes button opens the recap section, which shows the abstract and the schedule", async () => {
    const answer = await interact(commandInteraction("talk", [stringOption("id", TUTORIAL)]));
    expect(discordViolations(answer.data)).toEqual([]);
    const [embed] = answer.data.embeds;
    expect(embed.fields.map((f: Json) => f.name)).toEqual(expect.arrayContaining(["When", "Room", "Format", "Track", "Notes from 2 recaps"]));
    expect(components(answer.data).find((b) => b.label === "Schedule")?.url).toBe("https://schedule.example/event/ag-tutorial");
    const open = components(answer.data).find((b) => b.label === "Recap notes 1")!;
    const opened = await interact(buttonInteraction(open.custom_id, { ...answer.data, flags: 64 }));
    expect(discordViolations(opened.data)).toEqual([]);
    expect(opened.data.embeds[0].title).toBe(notes[0]!.title.slice(0, 256));
    expect(opened.data.embeds[0].fields.find((f: Json) => f.name === "Abstract")?.value).toBe("Write your first eBPF program and attach it to the network stack, step by step.");
    expect(components(opened.data).find((b) => b.label === "Schedule")?.url).toBe("https://schedule.example/event/ag-tutorial");
  });
});
