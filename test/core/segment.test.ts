import { describe, expect, it } from "vitest";
import { segment, type FoundSection } from "../../src/corpus/segment.js";

const en = (recapTitle = "My recap") => ({ recapTitle, language: "en" });
const summary = (sections: FoundSection[]) => sections.map((s) => ({ title: s.title, notes: s.bullets.map((b) => b.text) }));

describe("segment() on small texts", () => {
  it("splits a Markdown recap at its headings, without the # marks and without the blog's own title; an official \"Keynote:\" stays in the title", () => {
    const text = [
      "# My recap",
      "",
      "We had a great week in the city.",
      "",
      "## Keynote: The Future of Kubernetes",
      "- Kubernetes is boring now.",
      "- Boring is good.",
      "",
      "## Scaling Prometheus Storage",
      "- Thanos for long-term storage.",
      "",
    ].join("\n");
    expect(summary(segment(text, en()))).toEqual([
      { title: "Keynote: The Future of Kubernetes", notes: ["Kubernetes is boring now.", "Boring is good."] },
      { title: "Scaling Prometheus Storage", notes: ["Thanos for long-term storage."] },
    ]);
  });

  it("reads “Session: Title - Name, Company” lines as talks with their speakers", () => {
    const text = [
      "My recap",
      "",
      "Session: Zero Trust Networking - Jane Doe, Acme Corp",
      "- Every request is authenticated.",
      "- Identity comes from SPIFFE.",
      "",
      "Session: Fast Builds with Buildpacks - John Smith, Initech & Mary Major, Globex",
      "- Buildpacks detect the language.",
    ].join("\n");
    const sections = segment(text, en());
    expect(sections.map((s) => ({ title: s.title, speakers: s.speakers }))).toEqual([
      { title: "Zero Trust Networking", speakers: [{ name: "Jane Doe", company: "Acme Corp" }] },
      {
        title: "Fast Builds with Buildpacks",
        speakers: [
          { name: "John Smith", company: "Initech" },
          { name: "Mary Major", company: "Globex" },
        ],
      },
    ]);
    expect(sections[0]!.bullets).toEqual([
      { text: "Every request is authenticated.", depth: 1 },
      { text: "Identity comes from SPIFFE.", depth: 1 },
    ]);
  });

  it("gives a shared company to every speaker named before it", () => {
    const [talk] = segment("x\n\nHow the Agency Runs Clusters - Ann Lee & Bob Ray, Department of Defense\n- Flux everywhere.\n", en());
    expect(talk?.speakers).toEqual([
      { name: "Ann Lee", company: "Department of Defense" },
      { name: "Bob Ray", company: "Department of Defense" },
    ]);
  });

  it("drops a table of contents and makes its items the sections", () => {
    const text = [
      "Notes from the show",
      "In this post:",
      "- Storage Deep Dive",
      "- Networking Changes",
      "- Security Basics",
      "Storage Deep Dive",
      "CSI drivers are maturing quickly.",
      "Networking Changes",
      "Cilium replaces kube-proxy.",
      "Security Basics",
      "Falco detects odd syscalls.",
    ].join("\n");
    expect(summary(segment(text, en("Notes from the show")))).toEqual([
      { title: "Storage Deep Dive", notes: ["CSI drivers are maturing quickly."] },
      { title: "Networking Changes", notes: ["Cilium replaces kube-proxy."] },
      { title: "Security Basics", notes: ["Falco detects odd syscalls."] },
    ]);
  });

  it("finds an English talk title line in a French recap", () => {
    const text = [
      "Intro du blog, avec des photos.",
      "",
      "Logs Told Us It Was DNS - Laurent Bernaille, Datadog",
      "Une enquête sur des erreurs réseau.",
      "Le coupable était le noyau.",
      "",
      "A Guided Tour of Cilium Service Mesh",
      "Liz Rice a présenté le maillage de services de Cilium.",
    ].join("\n");
    expect(summary(segment(text, { recapTitle: "Jour 3", language: "fr" }))).toEqual([
      { title: "Logs Told Us It Was DNS", notes: ["Une enquête sur des erreurs réseau.", "Le coupable était le noyau."] },
      { title: "A Guided Tour of Cilium Service Mesh", notes: ["Liz Rice a présenté le maillage de services de Cilium."] },
    ]);
  });

  it("keeps a text without headings whole, as one section titled as the recap", () => {
    const text = "We went to KubeCon and it was great. The talks on eBPF were good.\nEveryone talked about platform engineering, and the hallway track was the best part.\n";
    expect(summary(segment(text, en("A short trip report")))).toEqual([
      {
        title: "A short trip report",
        notes: [
          "We went to KubeCon and it was great. The talks on eBPF were good.",
          "Everyone talked about platform engineering, and the hallway track was the best part.",
        ],
      },
    ]);
  });

  it("keeps “Summary” under a talk title as the label of the notes nested under it, and drops an empty “Talk Abstract”", () => {
    const text = [
      "Notes",
      "",
      "Day 2 Keynote: Pushing Kubernetes Forward",
      "",
      "  • Talk Abstract",
      "  • Summary",
      "    • Where is it going?",
      "      • Simpler installs",
    ].join("\n");
    const [keynote, ...others] = segment(text, en("Notes"));
    expect(others).toEqual([]);
    expect(keynote).toMatchObject({
      title: "Day 2 Keynote: Pushing Kubernetes Forward",
      day: "Day 2",
      bullets: [
        { text: "Summary", depth: 0, part: true },
        { text: "Where is it going?", depth: 1 },
        { text: "Simpler installs", depth: 2 },
      ],
    });
  });

  it("drops page leftovers wherever they stand, and the page footer after the article", () => {
    const text = [
      "Session: Chaos at Scale - Ann Lee, Acme",
      "Image description",
      "We broke things on purpose.",
      "Vote on Hacker News",
      "It was fun.",
      "More notes.",
      "Even more notes.",
      "Discussion (0)",
      "Subscribe for more posts like this one",
    ].join("\n");
    expect(summary(segment(text, en()))).toEqual([
      { title: "Chaos at Scale", notes: ["We broke things on purpose.", "It was fun.", "More notes.", "Even more notes."] },
    ]);
  });

  it("joins a sentence the page broke across lines", () => {
    const text = "Session: Operators Today - Ann Lee, Acme\nThe operator pattern works well with\nstateful workloads.\nIt needs care.\n";
    expect(summary(segment(text, en()))[0]?.notes).toEqual(["The operator pattern works well with stateful workloads.", "It needs care."]);
  });

  it("returns no sections for an empty text", () => {
    expect(segment("", en())).toEqual([]);
    expect(segment("\n  \n\t\n", en())).toEqual([]);
  });

  it("opens a section at every plain Markdown heading, even with no other sign of a talk", () => {
    const text = "## Service Mesh in Production\n- Linkerd is simple to run.\n\n## Scaling Prometheus Storage\n- Thanos for long-term storage.\n";
    expect(summary(segment(text, en()))).toEqual([
      { title: "Service Mesh in Production", notes: ["Linkerd is simple to run."] },
      { title: "Scaling Prometheus Storage", notes: ["Thanos for long-term storage."] },
    ]);
  });

  it("takes English title lines of a French recap as talks when nothing else marks them", () => {
    const text = "Intro du blog.\n\nBetter Bandwidth Management with eBPF\nCilium gère la bande passante.\n\nA Guided Tour of Cilium Service Mesh\nLiz Rice a présenté le maillage.\n";
    expect(segment(text, { recapTitle: "Jour 3", language: "fr" }).map((s) => s.title)).toEqual([
      "Better Bandwidth Management with eBPF",
      "A Guided Tour of Cilium Service Mesh",
    ]);
  });

  it("reads a “Speakers:” line under a title and “Name (Company)” speakers", () => {
    const text = [
      "# My notes",
      "",
      "Scaling Prometheus to a Billion Series",
      "Speakers: Jane Doe (Grafana Labs), John Smith (Acme)",
      "",
      "- Use remote write with sharding.",
      "",
      "Zero Trust Service Mesh - Ana Lopez (Tetrate)",
      "",
      "- mTLS everywhere is table stakes.",
    ].join("\n");
    expect(segment(text, en("My notes")).map((s) => ({ title: s.title, speakers: s.speakers, notes: s.bullets.length }))).toEqual([
      { title: "Scaling Prometheus to a Billion Series", speakers: [{ name: "Jane Doe", company: "Grafana Labs" }, { name: "John Smith", company: "Acme" }], notes: 1 },
      { title: "Zero Trust Service Mesh", speakers: [{ name: "Ana Lopez", company: "Tetrate" }], notes: 1 },
    ]);
  });
});

