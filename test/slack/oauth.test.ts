import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter, EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH, type SlackAdapter } from "../../adapters/slack/app.js";
import { STATE_TTL_MS } from "../../adapters/slack/oauth-state.js";
import { HttpHost } from "../../src/http/server.js";
import { createLogger } from "../../src/log/logger.js";
import { PostError } from "../../src/daily/poster.js";
import type { InstallationStore } from "../../src/store/installation-store.js";
import { INSTALLATIONS_FILE, openSqliteInstallationStore } from "../../src/store/sqlite-installation-store.js";
import { FakeClock } from "../daily/helpers.js";
import { corpusBot, type CorpusBot } from "../discord/fixture.js";
import { LogCapture, postSigned, SIGNING_SECRET } from "./harness.js";
import { blockActionsBody, eventBody, slashCommandBody } from "./signing.js";
import { SlackStandIn, type StandInWorkspace } from "./standin.js";

type Json = Record<string, any>;

const CLIENT_ID = "1111111111.2222222222";
const ACME: StandInWorkspace = { teamId: "T0ACME", botToken: "xoxb-acme-token-1", botUserId: "UBOTACME", botId: "BACME" };
const GLOBEX: StandInWorkspace = { teamId: "T0GLOBEX", botToken: "xoxb-globex-token-2", botUserId: "UBOTGLOBEX", botId: "BGLOBEX" };

let standin: SlackStandIn;
let corpus: CorpusBot;
let dir: string;
let installations: InstallationStore;
let host: HttpHost;
let adapter: SlackAdapter;
let base: string;
const clock = new FakeClock("2026-03-02T08:00:00Z");
const logs = new LogCapture();

beforeAll(async () => {
  standin = new SlackStandIn();
  await standin.start();
  corpus = await corpusBot();
  dir = mkdtempSync(join(tmpdir(), "kubecon-oauth-"));
  installations = openSqliteInstallationStore(dir);
  const logger = createLogger("info", logs.stream);
  host = new HttpHost(logger);
  adapter = createSlackAdapter(
    corpus.bot,
    {
      signingSecret: SIGNING_SECRET,
      apiUrl: standin.apiUrl,
      oauth: { clientId: CLIENT_ID, clientSecret: "c".repeat(32), stateSecret: "state-secret-of-this-test", installationKey: randomBytes(32), dataDir: dir },
    },
    { logger, http: host, store: corpus.store, installations, clock },
  );
  await adapter.start();
  base = `http://127.0.0.1:${await host.listen(0, "127.0.0.1")}`;
});

afterAll(async () => {
  await host?.close();
  await installations?.close();
  await standin?.stop();
  await corpus?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens /slack/install as a browser would: the state in the Add to Slack link, and Bolt's state cookie. */
async function startInstall(): Promise<{ state: string; cookie: string; html: string }> {
  const response = await fetch(`${base}${INSTALL_PATH}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const link = new URL(/<a href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  return { state: link.searchParams.get("state")!, cookie, html };
}

function finishInstall(code: string, state: string, cookie: string): Promise<Response> {
  return fetch(`${base}${REDIRECT_PATH}?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: "manual" });
}

async function install(workspace: StandInWorkspace): Promise<void> {
  const { state, cookie } = await startInstall();
  standin.oauthCodes.set(`code-${workspace.teamId}`, workspace);
  expect((await finishInstall(`code-${workspace.teamId}`, state, cookie)).status).toBe(200);
}

const url = () => `${base}${EVENTS_PATH}`;

describe("Slack installs in many workspaces (OAuth)", () => {
  it("serves the install page with an Add to Slack link asking for the bot scopes, and a state cookie", async () => {
    const { state, cookie, html } = await startInstall();
    const link = new URL(/<a href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    expect(link.pathname).toBe("/oauth/v2/authorize");
    expect(link.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(link.searchParams.get("scope")).toBe("commands,chat:write,chat:write.public,app_mentions:read,im:history,channels:history,groups:history,users:read");
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toMatch(/^slack-app-oauth-state=/);
  });

  it("answers a HEAD of the install pages as Bolt's own server does (404), with no error line", async () => {
    const before = logs.lines.length;
    for (const path of [INSTALL_PATH, REDIRECT_PATH]) expect((await fetch(`${base}${path}`, { method: "HEAD" })).status).toBe(404);
    expect(logs.lines.slice(before).filter((line) => (line.level as number) >= 50)).toEqual([]);
  });

  it("exchanges the code at SLACK_API_URL and keeps the installation with its bot token sealed", async () => {
    await install(ACME);
    const exchange = standin.calls("oauth.v2.access").at(-1)!;
    expect(exchange.body.code).toBe(`code-${ACME.teamId}`);
    const stored = await installations.getInstallation("slack", ACME.teamId);
    expect(stored?.sealed).toMatch(/^v1:/);
    expect(stored?.sealed).not.toContain(ACME.botToken);
    expect(readFileSync(join(dir, INSTALLATIONS_FILE)).toString("latin1")).not.toContain(ACME.botToken);
  });

  it("answers each workspace's requests with that workspace's token", async () => {
    await install(GLOBEX);
    for (const workspace of [ACME, GLOBEX]) {
      const channel = `C0${workspace.teamId}`;
      const posted = standin.waitFor((r) => r.kind === "chat.postMessage" && r.body.channel === channel);
      const body = eventBody({ type: "app_mention", user: "U0001", text: `<@${workspace.botUserId}> ebpf`, ts: "1700000100.000200", channel, event_ts: "1700000100.000200" }, workspace.teamId);
      expect((await postSigned(url(), body)).status).toBe(200);
      expect((await posted).token).toBe(workspace.botToken);
    }
  });

  it("refuses a callback whose state was tampered with, comes from another browser, or has expired, with a page saying so", async () => {
    const before = standin.calls("oauth.v2.access").length;
    const linesBefore = logs.lines.length;
    // The installer's doing, not a failure of ours: an info line each.
    const refusal = (text: string) => logs.waitFor((line) => String(line.msg).includes(text) && line.level === 30);
    const refusedPage = async (response: Response) => {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("This install link can no longer be used");
      expect(html).toContain(`href="${INSTALL_PATH}"`);
    };
    // The same forged state in the link and the cookie: only its signature gives it away.
    const forged = `${(await startInstall()).state.slice(0, -2)}xx`;
    await refusedPage(await finishInstall("code-x", forged, `slack-app-oauth-state=${forged}`));
    await refusal("the OAuth state was not signed by this app");
    const elsewhere = await startInstall();
    await refusedPage(await finishInstall("code-x", elsewhere.state, ""));
    await refusal("The state parameter is not for this browser session");
    const late = await startInstall();
    clock.set(new Date(clock.now().getTime() + STATE_TTL_MS + 1000));
    await refusedPage(await finishInstall("code-x", late.state, late.cookie));
    await refusal("the OAuth state has expired");
    expect(standin.calls("oauth.v2.access")).toHaveLength(before);
    expect(logs.lines.slice(linesBefore).filter((line) => (line.level as number) >= 50)).toEqual([]);
  });

  it("answers an installer's Cancel with a page saying nothing was installed, and no error line", async () => {
    const before = { exchanges: standin.calls("oauth.v2.access").length, lines: logs.lines.length };
    const { state, cookie } = await startInstall();
    // What Slack sends the browser back with when the installer clicks Cancel on its consent screen.
    const response = await fetch(`${base}${REDIRECT_PATH}?error=access_denied&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: "manual" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Installation cancelled");
    expect(html).toContain(`href="${INSTALL_PATH}"`);
    await logs.waitFor((line) => String(line.msg).includes("User cancelled the OAuth installation flow") && line.level === 30);
    expect(standin.calls("oauth.v2.access")).toHaveLength(before.exchanges);
    expect(logs.lines.slice(before.lines).filter((line) => (line.level as number) >= 50)).toEqual([]);
  });

  it("answers a code Slack refuses to exchange with a page asking to try again, and an error line for us", async () => {
    const { state, cookie } = await startInstall();
    // No workspace waits on this code at the stand-in: oauth.v2.access answers invalid_code.
    const response = await finishInstall("code-nobody-issued", state, cookie);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("The installation did not complete");
    await logs.waitFor((line) => String(line.msg).includes("invalid_code") && line.level === 50);
  });

  it("gives a workspace that never installed the app no answer", async () => {
    const answer = await postSigned(url(), slashCommandBody({ text: "ebpf", teamId: "T0NOBODY", responseUrl: standin.responseUrl("nobody") }));
    expect(answer.text).toBe("");
    await logs.waitFor((line) => line.code === "slack_bolt_authorization_error");
  });

  it("posts daily takeaways with the workspace's own token", async () => {
    const target = { channelId: "C0POST", spaceId: GLOBEX.teamId };
    const claim = "0123456789abcdef01234567";
    await adapter.poster.post(target, { title: "A KubeCon takeaway" }, claim);
    expect(standin.calls("chat.postMessage").at(-1)!.token).toBe(GLOBEX.botToken);
    expect(await adapter.poster.findPosted!(target, claim, new Date(Date.now() - 60_000))).toBeDefined();
    expect(standin.calls("conversations.history").at(-1)!.token).toBe(GLOBEX.botToken);
    await expect(adapter.poster.post({ ...target, spaceId: "T0NOBODY" }, { title: "x" }, claim)).rejects.toMatchObject({ kind: "permanent" });
    await expect(adapter.poster.post({ ...target, spaceId: "T0NOBODY" }, { title: "x" }, claim)).rejects.toBeInstanceOf(PostError);
  });

  it("forgets a workspace that uninstalls: installation deleted, daily posts off, its votes refused", async () => {
    const slash = (text: string, id: string) => postSigned(url(), slashCommandBody({ text, teamId: ACME.teamId, channelId: "C0ACMEDAILY", responseUrl: standin.responseUrl(id) }));
    expect((await slash("daily on 09:00", "acme-daily")).status).toBe(200);
    expect((await corpus.store.getSubscription("slack:C0ACMEDAILY"))?.enabled).toBe(true);
    const search = (await slash("kubernetes", "acme-search")).json();
    const up = (search.blocks as Json[]).flatMap((b) => b.elements ?? []).find((e: Json) => e.text?.text === "👍");

    expect((await postSigned(url(), eventBody({ type: "app_uninstalled" }, ACME.teamId))).status).toBe(200);
    await logs.waitFor((line) => line.msg === "slack workspace removed the app" && line.team === ACME.teamId);
    expect(await installations.getInstallation("slack", ACME.teamId)).toBeUndefined();
    const subscription = await corpus.store.getSubscription("slack:C0ACMEDAILY");
    expect(subscription?.enabled).toBe(false);
    expect(subscription?.disabledReason).toBe("the app was uninstalled from this workspace");

    const votesBefore = (await corpus.feedback.votes()).length;
    const click = blockActionsBody({ actionId: up.action_id, value: up.value, responseUrl: standin.responseUrl("acme-vote"), ephemeral: true, teamId: ACME.teamId });
    expect((await postSigned(url(), click)).text).toBe("");
    expect((await corpus.feedback.votes()).length).toBe(votesBefore);
    expect(standin.received.some((r) => r.id === "acme-vote")).toBe(false);
  });

  it("forgets a workspace whose bot token was revoked", async () => {
    const revoked = eventBody({ type: "tokens_revoked", tokens: { oauth: [], bot: [GLOBEX.botUserId] } }, GLOBEX.teamId);
    expect((await postSigned(url(), revoked)).status).toBe(200);
    await logs.waitFor((line) => line.msg === "slack workspace removed the app" && line.team === GLOBEX.teamId);
    expect(await installations.getInstallation("slack", GLOBEX.teamId)).toBeUndefined();
  });
});
