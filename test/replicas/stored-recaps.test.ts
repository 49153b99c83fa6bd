import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import { createLogger } from "../../src/log/logger.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import { contentHash } from "../../src/store/content-hash.js";
import { PostgresRecapStore } from "../../src/store/postgres-recap-store.js";
import { BotProcess, gauge, search } from "../support/bot-process.js";
import { startPostgres, type TestPostgres } from "../support/postgres.js";
import { smallProgramme } from "../programme/small-programme.js";

const BODY = `Quillernetes operators at scale - Ada Lovelace, Example

- Quillernetes runs an operator for every cluster, and the team explained how they keep them upgraded.
`;
const DOCUMENT = `---
id: eu-2031-notes
title: "KubeCon Europe 2031 - Notes"
event: "KubeCon + CloudNativeCon Europe 2031"
event_id: eu-2031
year: 2031
language: en
---

${BODY}`;

let server: TestPostgres | undefined;
const replicas: BotProcess[] = [];
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await server?.stop();
});

describe("two replicas on one PostgreSQL database", () => {
  it("a recap (and a programme) stored by one is searchable on the other, which learns it from NOTIFY and rebuilds its index in a worker", { timeout: 180_000 }, async () => {
    const url = await server!.createDatabase("kubecon_replicas");
    // No periodic check: NOTIFY alone can tell them.
    const env = { DATABASE_URL: url, RECAP_CHECK_INTERVAL: "0" };
    const [first, second] = await Promise.all([new BotProcess(env).start(), new BotProcess(env).start()]);
    replicas.push(first!, second!);
    expect(await search(second!, "quillernetes")).not.toMatch(/Quillernetes operators/);
    expect(await gauge(second!, 'kubecon_recaps{origin="stored"}')).toBe(0);

    // What the first replica's refresh does with a new recap: one put, through a connection of its own.
    const store = new PostgresRecapStore({ url, logger: createLogger("silent") });
    await store.ready();
    const { outcome } = await store.putRecap({
      url: "https://blog.example/kubecon-eu-2031",
      document: DOCUMENT,
      title: "KubeCon Europe 2031 - Notes",
      eventId: "eu-2031",
      language: "en",
      contentType: "text/markdown",
      contentHash: contentHash(BODY),
      fetchedAt: new Date(),
    });
    await store.close();
    expect(outcome).toBe("added");

    await Promise.all([first!, second!].map((replica) => replica.logged("corpus reloaded", { why: "notified" })));
    for (const replica of [first!, second!]) {
      expect(await search(replica, "quillernetes")).toMatch(/Quillernetes operators/);
      expect(await gauge(replica, 'kubecon_recaps{origin="stored"}')).toBe(1);
      expect(await gauge(replica, 'kubecon_recaps{origin="shipped"}')).toBe(1);
    }

    // An event's programme imported by one (what `kubecon programme import` does): the others learn it alike.
    const sections = (replica: BotProcess) => replica.lines.filter((line) => line.msg === "corpus reloaded").map((line) => line.sections as number).at(-1)!;
    const before = [first!, second!].map(sections);
    const importer = new PostgresRecapStore({ url, logger: createLogger("silent") });
    await importer.ready();
    const { sessions } = readProgramme(smallProgramme(), "all.ics", { catalog: shippedCatalog() });
    await importer.putProgramme("eu-2026", sessions);
    await importer.close();
    await Promise.all([first!, second!].map((replica, i) => replica.logged("corpus reloaded", { why: "notified", sections: before[i]! + sessions.length })));
    for (const replica of [first!, second!]) expect(await search(replica, "packet tracing ebpf")).toMatch(/Hands-On Packet Tracing With eBPF/);
  });
});
