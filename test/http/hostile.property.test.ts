import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PATH } from "../../adapters/slack/app.js";
import { INTERACTIONS_PATH } from "../../adapters/discord/http.js";
import { loadBot } from "../../src/app/load-bot.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  messageCommandInteraction,
  pingInteraction,
  stringOption,
} from "../discord/payloads.js";
import { LogCapture, SIGNING_SECRET } from "../slack/harness.js";
import { blockActionsBody, eventBody, FORM, messageShortcutBody, signedHeaders, slashCommandBody } from "../slack/signing.js";
import { mountBothAdapters, type BothAdapters } from "../support/both-adapters.js";

const MAX_BODY = 4096;

let platforms: BothAdapters;
let port: number;
const logs = new LogCapture();

beforeAll(async () => {
  const logger = createLogger("info", logs.stream);
  const bot = await loadBot({ logger });
  // Small limits so the property runs reach them; a request that stalls is cut off quickly.
  const host = new HttpHost(logger, {
    limits: { maxBodyBytes: MAX_BODY, headersTimeoutMs: 500, requestTimeoutMs: 1000, timeoutCheckIntervalMs: 50, keepAliveTimeoutMs: 200 },
  });
  platforms = await mountBothAdapters(bot, logger, host, { slackBotToken: "xoxb-test-token", slackSigningSecret: SIGNING_SECRET, discordToken: "t".repeat(60) });
  port = await host.listen(0, "127.0.0.1");
});

afterAll(async () => {
  await platforms?.stop();
});

/** Sends raw bytes on a fresh connection, half-closes it and resolves with what came back once the server closed. */
function exchange(bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    // A reset is a fine answer to garbage; only a hang is not, and the test's timeout would catch it.
    socket.on("error", () => {});
    socket.on("connect", () => socket.end(bytes));
  });
}

const discordSigned = (body: string, timestamp = String(Math.floor(Date.now() / 1000))) => ({
  "content-type": "application/json",
  "x-signature-ed25519": platforms.discordSignature(timestamp, body),
  "x-signature-timestamp": timestamp,
});

const slackSigned = (body: string, contentType = FORM) => signedHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000), contentType);

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/);
const anyText = fc.string({ unit: "binary", maxLength: 300 });
const method = fc.oneof(fc.constantFrom("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "CONNECT"), token);
const path = fc.oneof(
  fc.constantFrom(EVENTS_PATH, INTERACTIONS_PATH, "/healthz", "/readyz", "/", "*", "//slack/events", "/slack/events/", "/%00", "/discord/interactions?x=%zz"),
  fc.webPath(),
  fc.string({ unit: "binary-ascii", maxLength: 200 }).map((p) => `/${p.replace(/[\s]/g, "")}`),
);
const contentType = fc.oneof(
  fc.constantFrom(FORM, "application/json", "application/json; charset=utf-8", "text/plain", "multipart/form-data; boundary=x", "", ";", "application/json;;;"),
  anyText.map((t) => t.replace(/[\r\n]/g, "")),
);
const jsonish = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify({ type: v, data: v, id: v, token: v })),
  fc.record({ type: fc.integer({ min: -1, max: 12 }), data: fc.jsonValue(), member: fc.jsonValue(), channel: fc.jsonValue() }).map((v) => JSON.stringify(v)),
);
/** Every path to a value inside a JSON object, the object's own keys first. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...paths(inner, path)];
  });
}

/** `valid` with one part broken: removed, or replaced by another JSON value (a list where an object belongs, `null`, an unknown type). */
const brokenPart = (valid: () => readonly object[]) =>
  fc.tuple(fc.nat(), fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })).map(([which, at, replacement]) => {
    const all = valid();
    const value = structuredClone(all[which % all.length]!) as Record<string, unknown>;
    const every = paths(value);
    const path = every[at % every.length]!;
    const parent = path.slice(0, -1).reduce<any>((object, key) => object[key], value);
    if (replacement === undefined) delete parent[path.at(-1)!];
    else parent[path.at(-1)!] = replacement;
    return value;
  });

/** Interactions as Discord sends them, one part broken (`{"type":2}` with no data, `data: null`). */
const brokenInteraction = brokenPart(() => [
  pingInteraction(),
  commandInteraction("search", [stringOption("query", "ebpf")]),
  autocompleteInteraction("search", [stringOption("query", "eb", true)]),
  buttonInteraction("p:search ebpf page:2", { components: [{ type: 1, components: [{ type: 2, style: 2, label: "Next", custom_id: "p:search ebpf page:2" }] }], flags: 64 }),
  messageCommandInteraction("ebpf and service mesh"),
]).map((interaction) => JSON.stringify(interaction));

/**
 * What Slack sends, one part broken: Events API callbacks (JSON), and slash commands and
 * interactivity payloads (form-encoded, the latter as JSON in `payload`).
 */
const fromForm = (body: string) => {
  const fields = Object.fromEntries(new URLSearchParams(body));
  return fields.payload === undefined ? { form: fields } : { payload: JSON.parse(fields.payload) as object };
};
const brokenSlackRequest = brokenPart(() => {
  const responseUrl = platforms.slackStandIn.responseUrl("hostile");
  return [
    fromForm(slashCommandBody({ text: "ebpf", responseUrl })),
    fromForm(blockActionsBody({ actionId: "kubecon.command.1", value: "search ebpf page:2", responseUrl, ephemeral: true })),
    fromForm(blockActionsBody({ actionId: "kubecon.command.1", value: "events", responseUrl, ephemeral: false, homeTab: true })),
    fromForm(messageShortcutBody({ text: "ebpf", responseUrl })),
    { event: JSON.parse(eventBody({ type: "app_mention", user: "U0001", text: "<@UBOT> ebpf", ts: "1700000000.000100", channel: "C0001" })) },
    { event: JSON.parse(eventBody({ type: "message", channel_type: "im", user: "U0001", text: "ebpf", ts: "1700000000.000100", channel: "D0001" })) },
    { event: JSON.parse(eventBody({ type: "app_home_opened", user: "U0001", channel: "D0001", tab: "home" })) },
    { event: JSON.parse(eventBody({ type: "tokens_revoked", tokens: { bot: ["UBOT"] } }, "T0404")) },
  ];
}).map((broken) => {
  const { form, payload, event } = broken as { form?: Record<string, string>; payload?: unknown; event?: unknown };
  if (event !== undefined) return { type: "application/json", body: JSON.stringify(event) };
  const fields = form ?? { payload: JSON.stringify(payload) };
  // A broken part of a form field is whatever JSON took its place, as text.
  return { type: FORM, body: new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : String(JSON.stringify(v))])).toString() };
});

const body = fc.oneof(anyText, jsonish, fc.uint8Array({ maxLength: MAX_BODY + 100 }).map((b) => Buffer.from(b).toString("latin1")));

/** Mutations of a valid request: flipped, dropped or repeated bytes. */
const mutate = (bytes: Buffer) =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom("flip", "drop", "dup"), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }).map((edits) => {
    let out = Buffer.from(bytes);
    for (const [at, kind, value] of edits) {
      const i = at % Math.max(out.length, 1);
      if (kind === "flip") out[i] = value;
      if (kind === "drop") out = Buffer.concat([out.subarray(0, i), out.subarray(i + 1)]);
      if (kind === "dup") out = Buffer.concat([out.subarray(0, i), out.subarray(i, i + 8), out.subarray(i)]);
    }
    return out;
  });

const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
const request = (verb: string, target: string, headers: Record<string, string>, payload: string) =>
  Buffer.from(`${verb} ${target} HTTP/1.1\r\nhost: x\r\n${headerLines(headers)}content-length: ${Buffer.byteLength(payload, "latin1")}\r\n\r\n${payload}`, "latin1");

/**
 * Requests of every shape: random parts, byte mutations of good requests, random bytes, and
 * (`signed`) random bodies correctly signed, which only a platform holding the keys could send.
 */
const unsigned = fc.oneof(
  fc.tuple(method, path, contentType, fc.dictionary(token, anyText.map((t) => t.replace(/[\r\n]/g, "")), { maxKeys: 4 }), body).map(
    ([verb, target, type, extra, payload]) => request(verb, target, { ...extra, "content-type": type }, payload),
  ),
  fc.constant(null).chain(() => {
    const payload = JSON.stringify(commandInteraction("search", [stringOption("query", "ebpf")]));
    return mutate(request("POST", INTERACTIONS_PATH, discordSigned(payload), payload));
  }),
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
);
const signed = fc.oneof(
  jsonish.map((payload) => request("POST", INTERACTIONS_PATH, discordSigned(payload), payload)),
  brokenInteraction.map((payload) => request("POST", INTERACTIONS_PATH, discordSigned(payload), payload)),
  fc.tuple(anyText, fc.constantFrom(FORM, "application/json")).map(([payload, type]) => request("POST", EVENTS_PATH, slackSigned(payload, type), payload)),
  brokenSlackRequest.map(({ type, body: payload }) => request("POST", EVENTS_PATH, slackSigned(payload, type), payload)),
  fc
    .string({ maxLength: 200 })
    .map((text) => slashCommandBody({ text, responseUrl: platforms.slackStandIn.responseUrl("hostile") }))
    .map((payload) => request("POST", EVENTS_PATH, slackSigned(payload), payload)),
);
const hostile = fc.oneof(unsigned.map((bytes) => ({ bytes, signed: false })), signed.map((bytes) => ({ bytes, signed: true })));

async function stillServing(): Promise<void> {
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  const slash = slashCommandBody({ text: "ebpf", responseUrl: platforms.slackStandIn.responseUrl("check") });
  const slackAnswer = await fetch(`http://127.0.0.1:${port}${EVENTS_PATH}`, { method: "POST", headers: slackSigned(slash), body: slash });
  expect(slackAnswer.status).toBe(200);
  expect(JSON.stringify(await slackAnswer.json())).toMatch(/eBPF|ebpf/i);
  const interaction = JSON.stringify(commandInteraction("search", [stringOption("query", "ebpf")]));
  const discordAnswer = await fetch(`http://127.0.0.1:${port}${INTERACTIONS_PATH}`, { method: "POST", headers: discordSigned(interaction), body: interaction });
  expect(discordAnswer.status).toBe(200);
  expect(((await discordAnswer.json()) as { type: number }).type).toBe(4);
}

describe("hostile traffic against the real server with both adapters mounted", () => {
  it("answers or closes on any request, never crashes or hangs, and still serves /healthz and signed commands", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async ({ bytes, signed }) => {
        const answer = await exchange(bytes);
        // Whatever came back is HTTP with a status we mean. A correctly signed body that is no
        // request we take is refused (400), never a failure of ours (500) nor left to Bolt's
        // 3-second timer (404).
        if (answer !== "") expect(answer).toMatch(signed ? /^HTTP\/1\.1 (200|400|401) / : /^HTTP\/1\.1 (200|400|401|404|405|408|413|415|431) /);
      }),
      { numRuns: 300 },
    );
    await stillServing();
    // A signed body that is malformed is a warning, never an error line.
    const errors = logs.lines.filter((line) => (line.level as number) >= 50);
    expect(errors.map((line) => JSON.stringify(line).slice(0, 400))).toEqual([]);
    expect(logs.lines.filter((line) => /^(discord interaction|slack request) malformed$/.test(String(line.msg))).every((line) => line.level === 40)).toBe(true);
  });

  it("answers the statuses that belong to each refusal", async () => {
    const ping = JSON.stringify({ type: 1 });
    expect(await exchange(request("GET", INTERACTIONS_PATH, {}, ""))).toMatch(/^HTTP\/1\.1 405 /);
    expect(await exchange(request("POST", "/nowhere", {}, ""))).toMatch(/^HTTP\/1\.1 404 /);
    expect(await exchange(request("POST", INTERACTIONS_PATH, { ...discordSigned(ping), "content-type": "text/plain" }, ping))).toMatch(/^HTTP\/1\.1 415 /);
    const big = "x".repeat(MAX_BODY + 1);
    expect(await exchange(request("POST", EVENTS_PATH, slackSigned(big), big))).toMatch(/^HTTP\/1\.1 413 /);
    expect(await exchange(request("POST", INTERACTIONS_PATH, discordSigned(ping, String(Math.floor(Date.now() / 1000) - 600)), ping))).toMatch(/^HTTP\/1\.1 401 /);
    expect(await exchange(request("POST", INTERACTIONS_PATH, discordSigned(ping), ping))).toMatch(/^HTTP\/1\.1 200 /);
    await stillServing();
  });
});
