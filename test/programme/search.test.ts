import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sectionJson } from "../../src/cli/section-json.js";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import { synonymsFile, topicsFile } from "../../src/paths.js";
import { readProgramme } from "../../src/programme/read-programme.js";
import { buildSearchData, type SearchData } from "../../src/search/snapshot.js";
import { smallProgramme } from "./small-programme.js";

const RECAP = `---
id: eu-2026-our-notes
title: "Our notes from KubeCon Europe 2026"
event: "KubeCon + CloudNativeCon Europe 2026"
event_id: eu-2026
year: 2026
language: en
---

## Tutorial: Hands-On Packet Tracing With eBPF - Ada Lovelace, Example Corp

- We traced packets through the kernel with eBPF probes, hands on.
- Every packet drop showed up with its reason.

## Service meshes without sidecars - Mary Major, Example Corp

- Ambient mode moved the proxies to the node.

## Pull, Don't Push - Joe Bloggs, Other Corp

- GitOps kept our fleets in step: every cluster pulls its own state.
`;

let dir: string;
let data: SearchData;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kubecon-programme-search-"));
  writeFileSync(join(dir, "eu-2026-our-notes.md"), RECAP);
  const programme = readProgramme(smallProgramme(), "all.ics", { catalog: shippedCatalog() }).sessions;
  data = await buildSearchData({ corpusDir: dir, topicsFile: topicsFile(), synonymsFile: synonymsFile(), programme });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hits = (query: string) => data.engine.search(query).hits.map((hit) => ({ id: hit.section.id, kind: hit.section.kind }));
const TUTORIAL = "programme-eu-2026--tut-ebpf-42";

describe("search over recaps and the programme", () => {
  it("finds programme talks, and says which they are in --json", () => {
    const [first] = data.engine.search("clock skew distributed systems").hits;
    expect(first?.section.id).toBe("programme-eu-2026--before-dst");
    expect(sectionJson(first!.section)).toMatchObject({ kind: "programme", session: { room: "Auditorium", timeZone: "Europe/Amsterdam" } });
  });

  it("shows a talk both views match once, by the recap's section, carrying the programme's id and schedule", () => {
    const found = hits("packet tracing ebpf");
    expect(found.filter((h) => h.id === TUTORIAL)).toEqual([]);
    const talk = data.engine.search("packet tracing ebpf").hits.find((hit) => hit.section.programmeId === TUTORIAL);
    expect(talk).toBeDefined();
    expect(talk!.section.kind).toBe("talk");
    expect(found[0]!.id).toBe(talk!.section.id);
    expect(sectionJson(talk!.section)).toMatchObject({ programmeId: TUTORIAL, session: { room: "Hall 7 | Room A", scheduleUrl: "https://schedule.example/event/tut-ebpf-42" } });
  });

  it("ranks a recap's talk above another talk's programme entry that matches as well: what was said before what was announced", () => {
    const found = hits("gitops fleets");
    expect(found.slice(0, 2).map((h) => h.kind)).toEqual(["talk", "programme"]);
    expect(found[1]!.id).toBe("programme-eu-2026--dash-in-title");
  });

  it("shows the programme's entry when only its abstract matches, with the recap sections it is linked to", () => {
    const [first] = data.engine.search("bring a laptop clusters").hits;
    expect(first?.section).toMatchObject({ id: TUTORIAL, kind: "programme", recapSectionIds: [expect.stringMatching(/^eu-2026-our-notes--/)] });
    expect(hits("bring a laptop clusters").filter((h) => h.kind === "talk" && h.id.startsWith("eu-2026-our-notes--tutorial"))).toEqual([]);
  });
});
