import { afterEach, describe, expect, it } from "vitest";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import type { ProgrammeSession } from "../../src/programme/session.js";
import { contentHash } from "../../src/store/content-hash.js";
import type { RecapInput, RecapStore } from "../../src/store/recap-store.js";
import { smallProgramme } from "../programme/small-programme.js";

/** A store under test: a fresh, empty database, another connection to it (as another replica has), and cleanup. */
export interface OpenedRecapStore {
  store: RecapStore;
  connect(): Promise<RecapStore>;
  cleanup(): Promise<void>;
}

const T = (iso: string) => new Date(iso);

/** A recap as a source refresh would put it; `text` stands for its article. */
export function recapInput(text: string, overrides: Partial<RecapInput> = {}): RecapInput {
  return {
    url: "https://blog.example/kubecon-eu-2026",
    document: `---\nid: kubecon-eu-2026-notes\ntitle: Notes\n---\n${text}`,
    title: "Notes from KubeCon EU 2026",
    eventId: "kubecon-eu-2026",
    language: "en",
    contentType: "text/html",
    etag: '"v1"',
    contentHash: contentHash(text),
    fetchedAt: T("2026-04-01T10:00:00Z"),
    ...overrides,
  };
}

/** The sessions of our small programme (test/programme/small-programme.ts). */
function programmeSessions(): ProgrammeSession[] {
  return readProgramme(smallProgramme(), "all.ics", { catalog: shippedCatalog() }).sessions;
}

/** The behaviour every RecapStore must have, run against SQLite and PostgreSQL alike. */
export function recapStoreContract(name: string, open: () => Promise<OpenedRecapStore>): void {
  describe(`${name}: the RecapStore contract`, () => {
    let env: OpenedRecapStore | undefined;
    afterEach(async () => {
      await env?.cleanup();
      env = undefined;
    });
    const fresh = async () => (env = await open());

    it("adds a recap once: the same canonical URL with the same text, or the same text elsewhere, is unchanged", async () => {
      const { store } = await fresh();
      const first = await store.putRecap(recapInput("Talk one\n- eBPF everywhere", { canonicalUrl: "https://blog.example/p/1", sourceId: 3 }));
      expect(first.outcome).toBe("added");
      expect(first.recap).toEqual({
        ...recapInput("Talk one\n- eBPF everywhere"),
        id: first.recap.id,
        canonicalUrl: "https://blog.example/p/1",
        sourceId: 3,
        updatedAt: T("2026-04-01T10:00:00Z"),
      });
      const refetched = await store.putRecap(
        recapInput("Talk one\r\n-   eBPF everywhere\n", { canonicalUrl: "https://blog.example/p/1", etag: '"v2"', fetchedAt: T("2026-04-02T10:00:00Z") }),
      );
      expect(refetched.outcome).toBe("unchanged");
      expect(refetched.recap).toMatchObject({ id: first.recap.id, etag: '"v2"', fetchedAt: T("2026-04-02T10:00:00Z"), updatedAt: T("2026-04-01T10:00:00Z") });
      const elsewhere = await store.putRecap(recapInput("Talk one\n- eBPF everywhere", { url: "https://mirror.example/copy", etag: '"m"' }));
      expect(elsewhere.outcome).toBe("unchanged");
      expect(elsewhere.recap).toMatchObject({ id: first.recap.id, url: "https://blog.example/kubecon-eu-2026", etag: '"v2"' });
      expect(await store.listRecaps()).toHaveLength(1);
    });

    it("replaces an earlier version of the same canonical URL, keeping its id, and moves the revision on each change only", async () => {
      const { store } = await fresh();
      const start = await store.revision();
      const first = await store.putRecap(recapInput("Version one"));
      const afterAdd = await store.revision();
      expect(afterAdd).toBeGreaterThan(start);
      await store.putRecap(recapInput("Version one"));
      expect(await store.revision()).toBe(afterAdd);
      const edited = await store.putRecap(recapInput("Version two", { title: "Edited", etag: undefined, lastModified: "Thu, 02 Apr 2026 10:00:00 GMT", fetchedAt: T("2026-04-02T10:00:00Z") }));
      expect(edited.outcome).toBe("changed");
      expect(edited.recap.id).toBe(first.recap.id);
      expect(edited.recap).toMatchObject({ title: "Edited", lastModified: "Thu, 02 Apr 2026 10:00:00 GMT", updatedAt: T("2026-04-02T10:00:00Z") });
      expect(edited.recap.etag).toBeUndefined();
      expect(await store.revision()).toBeGreaterThan(afterAdd);
      expect((await store.listRecaps()).map((r) => r.contentHash)).toEqual([contentHash("Version two")]);
    });

    it("lists recaps by id or by source, finds one by its address or canonical URL, and deletes one", async () => {
      const { store } = await fresh();
      const a = await store.putRecap(recapInput("A", { url: "https://a.example/x", canonicalUrl: "https://a.example/canonical", sourceId: 1 }));
      const b = await store.putRecap(recapInput("B", { url: "https://b.example/y", sourceId: 2 }));
      const c = await store.putRecap(recapInput("C", { url: "https://c.example/z" }));
      expect((await store.listRecaps()).map((r) => r.id)).toEqual([a.recap.id, b.recap.id, c.recap.id]);
      expect((await store.listRecaps({ sourceId: 2 })).map((r) => r.id)).toEqual([b.recap.id]);
      expect((await store.getRecapByUrl("https://a.example/x"))?.id).toBe(a.recap.id);
      expect((await store.getRecapByUrl("https://a.example/canonical"))?.id).toBe(a.recap.id);
      expect(await store.getRecapByUrl("https://nowhere.example/")).toBeUndefined();
      expect((await store.getRecapByUrl("https://c.example/z"))?.sourceId).toBeUndefined();

      const before = await store.revision();
      expect(await store.deleteRecap(b.recap.id)).toBe(true);
      expect(await store.deleteRecap(b.recap.id)).toBe(false);
      expect(await store.revision()).toBeGreaterThan(before);
      expect((await store.listRecaps()).map((r) => r.id)).toEqual([a.recap.id, c.recap.id]);
    });

    it("shares recaps and the revision with another connection", async () => {
      const { store, connect } = await fresh();
      const other = await connect();
      await store.putRecap(recapInput("Shared"));
      expect(await other.revision()).toBe(await store.revision());
      expect((await other.listRecaps()).map((r) => r.title)).toEqual(["Notes from KubeCon EU 2026"]);
      // Two connections putting the same text at once store it once.
      const outcomes = await Promise.all([store.putRecap(recapInput("Raced", { url: "https://x.example/1" })), other.putRecap(recapInput("Raced", { url: "https://y.example/2" }))]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(["added", "unchanged"]);
      expect(await store.listRecaps()).toHaveLength(2);
    });

    it("follows a source once per URL, records its refreshes and counts failures in a row, and removes it leaving its recaps", async () => {
      const { store } = await fresh();
      const input = { url: "https://blog.example/feed.xml", kind: "feed" as const, eventHint: "KubeCon EU 2026", addedBy: "U1", addedAt: T("2026-04-01T09:00:00Z") };
      const { source, added } = await store.addSource(input);
      expect(added).toBe(true);
      expect(source).toEqual({ ...input, id: source.id, failures: 0 });
      const again = await store.addSource({ ...input, kind: "page", addedBy: "U2" });
      expect(again).toEqual({ source, added: false });
      const list = await store.addSource({ url: "https://notes.example/urls.txt", kind: "list", addedBy: "cli", addedAt: T("2026-04-01T09:05:00Z") });
      expect((await store.listSources()).map((s) => s.id)).toEqual([source.id, list.source.id]);

      await store.putRecap(recapInput("From the feed", { sourceId: source.id }));
      expect(await store.recordRefresh(source.id, { at: T("2026-04-01T10:00:00Z"), result: "ok", etag: '"feed-1"', lastModified: "Wed, 01 Apr 2026 09:00:00 GMT" })).toBe(true);
      expect(await store.recordRefresh(source.id, { at: T("2026-04-01T16:00:00Z"), result: "failed", error: "timed out after 15 s", nextAttemptAt: T("2026-04-01T16:10:00Z") })).toBe(true);
      await store.recordRefresh(source.id, { at: T("2026-04-01T16:10:00Z"), result: "refused", error: "a redirect to a private address", nextAttemptAt: T("2026-04-01T16:30:00Z") });
      expect(await store.getSource(source.id)).toEqual({
        ...source,
        lastRefreshAt: T("2026-04-01T16:10:00Z"),
        lastResult: "refused",
        lastError: "a redirect to a private address",
        nextAttemptAt: T("2026-04-01T16:30:00Z"),
        failures: 2,
        etag: '"feed-1"',
        lastModified: "Wed, 01 Apr 2026 09:00:00 GMT",
      });
      await store.recordRefresh(source.id, { at: T("2026-04-01T16:30:00Z"), result: "not-modified" });
      const recovered = await store.getSource(source.id);
      expect(recovered).toMatchObject({ lastResult: "not-modified", failures: 0, etag: '"feed-1"' });
      expect(recovered?.lastError).toBeUndefined();
      expect(recovered?.nextAttemptAt).toBeUndefined();

      expect(await store.removeSource(source.id)).toBe(true);
      expect(await store.removeSource(source.id)).toBe(false);
      expect(await store.getSource(source.id)).toBeUndefined();
      expect(await store.recordRefresh(source.id, { at: T("2026-04-02T10:00:00Z"), result: "ok" })).toBe(false);
      expect(await store.listRecaps({ sourceId: source.id })).toHaveLength(1);
    });

    it("gives a lease to one holder at a time, renewed by its holder, free again once expired or released", async () => {
      const { store, connect } = await fresh();
      const other = await connect();
      const now = T("2026-04-01T10:00:00Z");
      const later = (ms: number) => new Date(now.getTime() + ms);
      expect(await store.tryLease("refresh", "replica-a", now, 60_000)).toBe(true);
      expect(await other.tryLease("refresh", "replica-b", later(30_000), 60_000)).toBe(false);
      expect(await store.tryLease("refresh", "replica-a", later(50_000), 60_000)).toBe(true);
      expect(await other.tryLease("refresh", "replica-b", later(90_000), 60_000)).toBe(false);
      expect(await other.tryLease("other-job", "replica-b", later(90_000), 60_000)).toBe(true);
      expect(await other.tryLease("refresh", "replica-b", later(110_000), 60_000)).toBe(true);
      await store.releaseLease("refresh", "replica-a");
      expect(await store.tryLease("refresh", "replica-a", later(120_000), 60_000)).toBe(false);
      await other.releaseLease("refresh", "replica-b");
      expect(await store.tryLease("refresh", "replica-a", later(120_000), 60_000)).toBe(true);
      // Replicas racing for a free lease: exactly one wins.
      const racers = [await connect(), await connect(), await connect()];
      const won = await Promise.all(racers.map((s, i) => s.tryLease("race", `r${i}`, now, 60_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    it("keeps an event's programme: a new import adds, replaces what changed and removes what is gone, one session an id", async () => {
      const { store, connect } = await fresh();
      const sessions = programmeSessions();
      const byStart = [...sessions].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
      const before = await store.revision();
      expect(await store.putProgramme("eu-2026", sessions)).toEqual({ added: sessions.length, changed: 0, removed: 0, unchanged: 0 });
      const afterFirst = await store.revision();
      expect(afterFirst).toBeGreaterThan(before);
      expect(await store.listProgramme("eu-2026")).toEqual(byStart);
      // The same programme again: nothing moves.
      expect(await store.putProgramme("eu-2026", [...sessions, sessions[0]!])).toEqual({ added: 0, changed: 0, removed: 0, unchanged: sessions.length });
      expect(await store.revision()).toBe(afterFirst);
      // A retitled session, a cancelled one, and another event's programme left alone.
      const [first, gone, ...rest] = sessions;
      const retitled = { ...first!, title: `${first!.title} (updated)` };
      const other = { ...rest[0]!, id: "programme-na-2026--x", eventId: "na-2026" };
      await store.putProgramme("na-2026", [other]);
      expect(await store.putProgramme("eu-2026", [retitled, ...rest])).toEqual({ added: 0, changed: 1, removed: 1, unchanged: rest.length });
      expect(await store.revision()).toBeGreaterThan(afterFirst);
      const stored = await (await connect()).listProgramme("eu-2026");
      expect(stored.map((s) => s.id)).not.toContain(gone!.id);
      expect(stored.find((s) => s.id === retitled.id)).toEqual(retitled);
      expect(await store.listProgramme()).toHaveLength(rest.length + 2);
      expect(await store.listProgramme("na-2026")).toEqual([other]);
      // A programme can be followed as a source of its own kind.
      const { source } = await store.addSource({ url: "https://schedule.example/all.ics", kind: "programme", addedBy: "cli", addedAt: T("2026-03-01T10:00:00Z") });
      expect(source.kind).toBe("programme");
    });

    it("answers its health check", async () => {
      const { store } = await fresh();
      expect(await store.health()).toEqual({ ok: true });
    });
  });
}
