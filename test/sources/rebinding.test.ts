import type { LookupAddress } from "node:dns";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { addressPolicy, type AddressPolicyOptions } from "../../src/sources/address-policy.js";
import { PoliteFetcher } from "../../src/sources/polite-fetch.js";
import { recapMatcher } from "../../src/sources/recap-match.js";
import { refreshSource, type RefreshContext } from "../../src/sources/refresh.js";
import type { RecapStore, SourceKind } from "../../src/store/recap-store.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { recapPage } from "./fixtures.js";
import { startSite } from "./site.js";

/**
 * DNS rebinding: a name that answers a public address once and a private one the next time. The
 * public site is the tests' server on 127.0.0.1; a "private" server listens on 127.0.0.2, same port,
 * and serves a recap too, so that a connection to it would be seen (and its recap stored).
 * Both close every connection after one answer, so each request resolves its host again.
 */
let publicSite: Awaited<ReturnType<typeof startSite>>;
let privateSite: Awaited<ReturnType<typeof startSite>>;
let dir: string;
let store: RecapStore;
let fetcher: PoliteFetcher | undefined;
/** What the resolver answers for a name, one answer a call (the last one kept), and how often it was asked. */
let answers: Map<string, string[][]>;
let asked: string[];

beforeEach(async () => {
  publicSite = await startSite({ closeConnections: true });
  privateSite = await startSite({ host: "127.0.0.2", port: Number(new URL(publicSite.base).port), closeConnections: true });
  for (const site of [publicSite, privateSite]) {
    site.pages.set("/notes", { body: recapPage({ base: site.base, slug: "notes", title: "KubeCon + CloudNativeCon Europe 2026: my notes", talk: "Gateway API in Production - Sam Doe, Acme", note: "Gateway API replaced ingress." }) });
  }
  dir = mkdtempSync(join(tmpdir(), "kubecon-rebinding-"));
  store = openSqliteRecapStore(dir);
  answers = new Map();
  asked = [];
});

afterEach(async () => {
  await fetcher?.close();
  await store.close();
  await Promise.all([publicSite.close(), privateSite.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const port = () => new URL(publicSite.base).port;

function context(options: Omit<AddressPolicyOptions, "resolve"> = {}): RefreshContext {
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const queue = answers.get(hostname);
    if (!queue) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    return answer.map((address) => ({ address, family: 4 }));
  };
  fetcher = new PoliteFetcher({ userAgent: "kubecon-bot/test", addresses: addressPolicy({ publicAddresses: ["127.0.0.1"], resolve, ...options }), pace: { now: () => 0, sleep: async () => {} } });
  return { store, fetcher, isRecap: recapMatcher(), now: () => new Date("2026-04-06T12:00:00Z"), logger: createLogger("silent"), intervalMs: 3_600_000 };
}

async function refresh(url: string, ctx: RefreshContext, kind: SourceKind = "page") {
  const { source } = await store.addSource({ url, kind, addedBy: "test", addedAt: new Date("2026-04-06T12:00:00Z") });
  return refreshSource(source, ctx);
}

describe("a name that answers public, then private (DNS rebinding)", () => {
  it("is connected to only at the address the policy checked: the private answer is refused, never connected to", async () => {
    answers.set("blog.test", [["127.0.0.1"], ["127.0.0.2"]]);
    const report = await refresh(`http://blog.test:${port()}/notes`, context());
    expect(report).toMatchObject({ result: "refused", error: expect.stringContaining(`blog.test:${port()}, a private or loopback address (127.0.0.2): refused`) });
    // robots.txt came over the first connection (the public answer); the page's connection got the private one.
    expect(publicSite.requests.map((r) => r.path)).toEqual(["/robots.txt"]);
    expect(asked).toEqual(["blog.test", "blog.test"]);
    expect(privateSite.connections()).toBe(0);
    expect(await store.listRecaps()).toEqual([]);
  });

  it("through a redirect: the public site points to the name, which turns private once its robots.txt is read", async () => {
    publicSite.pages.set("/moved", { location: `http://blog.test:${port()}/notes` });
    answers.set("blog.test", [["127.0.0.1"], ["127.0.0.2"]]);
    const report = await refresh(`${publicSite.base}/moved`, context());
    expect(report).toMatchObject({ result: "refused", error: expect.stringContaining(`redirects to blog.test:${port()}, a private or loopback address (127.0.0.2)`) });
    expect(publicSite.requests.map((r) => r.path)).toEqual(["/robots.txt", "/moved", "/robots.txt"]);
    expect(privateSite.connections()).toBe(0);
    expect(await store.listRecaps()).toEqual([]);
  });

  it("answering a public and a private address at once is refused before any connection", async () => {
    answers.set("blog.test", [["127.0.0.1", "127.0.0.2"]]);
    const report = await refresh(`http://blog.test:${port()}/notes`, context());
    expect(report).toMatchObject({ result: "refused", error: expect.stringContaining("(127.0.0.2): refused") });
    expect(publicSite.connections() + privateSite.connections()).toBe(0);
  });

  it("a name answering public every time is fetched and stored, each connection resolving once", async () => {
    answers.set("blog.test", [["127.0.0.1"]]);
    const report = await refresh(`http://blog.test:${port()}/notes`, context());
    expect(report.items).toMatchObject([{ outcome: "added" }]);
    expect(asked.length).toBe(publicSite.connections());
    expect(privateSite.connections()).toBe(0);
  });
});

describe("a host on a private network", () => {
  it("is reached only when the operator names it in SOURCE_PRIVATE_HOSTS", async () => {
    answers.set("wiki.internal", [["127.0.0.2"]]);
    const url = `http://wiki.internal:${port()}/notes`;
    expect(await refresh(url, context())).toMatchObject({ result: "refused", error: expect.stringContaining("(127.0.0.2): refused") });
    expect(privateSite.connections()).toBe(0);
    await store.removeSource((await store.listSources())[0]!.id);
    const report = await refresh(url, context({ privateHosts: ["Wiki.Internal"] }));
    expect(report.items).toMatchObject([{ outcome: "added" }]);
    expect(privateSite.requests.map((r) => r.path)).toEqual(["/robots.txt", "/notes"]);
  });

  it("naming one private host opens no other: its redirect to another private address is refused", async () => {
    answers.set("wiki.internal", [["127.0.0.2"]]);
    privateSite.pages.set("/elsewhere", { location: `http://127.0.0.3:${port()}/notes` });
    const report = await refresh(`http://wiki.internal:${port()}/elsewhere`, context({ privateHosts: ["wiki.internal"] }));
    expect(report).toMatchObject({ result: "refused", error: expect.stringContaining(`redirects to 127.0.0.3:${port()}, a private or loopback address (127.0.0.3)`) });
  });
});
