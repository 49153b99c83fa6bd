import { describe, expect, it } from "vitest";
import { findSection } from "../../src/corpus/section-ids.js";
import type { Section } from "../../src/corpus/section.js";
import { segment, type FoundSection } from "../../src/corpus/segment.js";
import { peel } from "../../src/corpus/peel.js";
import { LEXICONS } from "../../src/lexicon/index.js";
import { TITLE_THRESHOLD, TITLE_WEIGHTS } from "../../src/corpus/title-score.js";

/** The segmenter's design, each point on a short text of our own. */
const read = (text: string, language = "en", recapTitle = "Our recap") => segment(text, { recapTitle, language });
const talks = (sections: FoundSection[]) => sections.filter((s) => s.kind === "talk").map((s) => s.talk);

describe("structure first: the document's headings decide where talks begin", () => {
  it("a day file: `#` days, `##` talks, and the talks' `###` parts stay inside them as labelled groups", () => {
    const text = [
      "# Day 1",
      "## Running VMs Next to Pods",
      "### Summary",
      "- KubeVirt schedules VMs as pods.",
      "### Notes",
      "- Live migration needs shared storage.",
      "## Databases on Kubernetes",
      "### Summary",
      "- Operators handle failover.",
      "# Day 2",
      "## Platform Teams That Last",
      "- Start with one paved road.",
    ].join("\n");
    const sections = read(text);
    expect(talks(sections)).toEqual(["Running VMs Next to Pods", "Databases on Kubernetes", "Platform Teams That Last"]);
    const vms = sections[0]!;
    expect(vms.day).toBe("Day 1");
    expect(vms.bullets).toEqual([
      { text: "Summary", depth: 0, part: true },
      { text: "KubeVirt schedules VMs as pods.", depth: 1 },
      { text: "Notes", depth: 0, part: true },
      { text: "Live migration needs shared storage.", depth: 1 },
    ]);
    expect(sections[2]!.day).toBe("Day 2");
  });

  it("a per-talk file: the heading naming the speaker is the talk, the other headings its parts", () => {
    const text = ["# Keynote - Ada Byron", "Why simple systems win.", "# First principles", "- One source of truth", "# Solutions", "## Code over configuration", "- Fewer YAML files"].join("\n");
    const sections = read(text);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ kind: "talk", talk: "Keynote", speakers: [{ name: "Ada Byron" }] });
    expect(sections[0]!.bullets.filter((b) => b.part).map((b) => b.text)).toEqual(["First principles", "Code over configuration"]);
  });

  it("a per-talk file with a bold Speakers label over its people: one talk, with those speakers", () => {
    const text = ["# Reading Audit Logs Well", "", "**Speakers**", "* Ada Brook, Acme", "* Ben Cole, Acme", "", "**Notes**", "* Audit logs show who asked for what.", "* Sample the noisy verbs."].join("\n");
    const sections = read(text, "en", "Reading Audit Logs Well");
    expect(sections.map((s) => [s.kind, s.talk])).toEqual([["talk", "Reading Audit Logs Well"]]);
    expect(sections[0]!.speakers.map((s) => s.name)).toEqual(["Ada Brook", "Ben Cole"]);
  });

  it("a keynote roundup: one talk a heading, even without speakers", () => {
    expect(talks(read("## Opening Remarks\n- Record attendance.\n## Kata Containers ( Intel )\n- VMs that feel like containers.\n## AWS\n- Four kinds of deployments."))).toEqual([
      "Opening Remarks",
      "Kata Containers ( Intel )",
      "AWS",
    ]);
  });

  it("a bold phrase that ends the sentence of the line before it is no heading", () => {
    const text = [
      "Our take: the conference is turning into",
      "**The Meeting Place of Platform and AI**",
      "",
      "More people came than ever, and the keynote room was full for every session of the morning.",
      "",
      "## Platform Teams That Last",
      "- Start with one paved road.",
    ].join("\n");
    expect(talks(read(text))).toEqual(["Platform Teams That Last"]);
  });

  it("a stated title broken before its parenthesized original takes the original", () => {
    const text = [
      "## Speakers",
      "### Mei Chen",
      "她演讲的主题是：让多集群网络更简单",
      "（Making Multi-Cluster Networking Boring Again）",
      "",
      "她介绍了跨集群服务发现的做法。",
    ].join("\n");
    const [talk] = read(text, "zh").filter((s) => s.kind === "talk");
    expect(talk?.talk).toBe("Making Multi-Cluster Networking Boring Again");
    expect(talk?.speakers.map((s) => s.name)).toEqual(["Mei Chen"]);
  });

  it("a day's keynotes with text of their own are the day's keynote block, a talk; the day's talks stay talks", () => {
    const text = [
      "## Day 2 keynotes",
      "The release lead said Kubernetes now ships three releases a year instead of four.",
      "",
      "## Platform Teams That Last",
      "- Start with one paved road.",
    ].join("\n");
    const sections = read(text);
    expect(talks(sections)).toEqual(["Day 2 keynotes", "Platform Teams That Last"]);
    expect(sections[0]!.day).toBe("Day 2");
  });

  it("never makes a note line a heading where the document has headings", () => {
    const text = "## Debugging Clusters\nThey are useful for debugging\n- Ephemeral containers help.\nStart With Logs First\n- Then metrics.\n";
    expect(talks(read(text))).toEqual(["Debugging Clusters"]);
  });
});

describe("peel, then decide", () => {
  it("peels numbering, time slots, category brackets, quotes, anchors and media labels once", () => {
    expect(peel("3. Scaling Etcd").text).toBe("Scaling Etcd");
    expect(peel("14:30 – Zero Trust Networking").text).toBe("Zero Trust Networking");
    expect(peel("【基調講演】CNCFの10年").text).toBe("CNCFの10年");
    expect(peel("「Ciliumで始めるeBPF入門」").text).toBe("Ciliumで始めるeBPF入門");
    expect(peel("Gotchas {#gotchas}").text).toBe("Gotchas");
    expect(peel("Session: Fast Builds").text).toBe("Fast Builds");
    expect(peel("Etcd Deep Dive (video)", [{ label: "video", url: "https://www.youtube.com/watch?v=x" }])).toEqual({
      text: "Etcd Deep Dive",
      mediaUrl: "https://www.youtube.com/watch?v=x",
    });
  });

  it("scores the soft question with named weights in one place", () => {
    expect(Object.keys(TITLE_WEIGHTS)).toEqual(expect.arrayContaining(["speakers", "capitalized", "sentence", "named", "linkOnly"]));
    expect(TITLE_THRESHOLD).toBeGreaterThan(0);
  });
});

describe("talks named in prose", () => {
  it("a bold title with “by” people is a talk of its own, with the sentences that speak of it", () => {
    const text = [
      "## Day 2",
      "The day opened with coffee.",
      "",
      "I joined **Migration 101: From VMs to Kubernetes by Ann Lee and Bo Chen**, which showed a staged move. It was practical.",
      "",
      "Later, *Observability for Everyone by Cy Diaz* covered tracing for small teams.",
    ].join("\n");
    const sections = read(text);
    expect(talks(sections)).toEqual(["Migration 101: From VMs to Kubernetes", "Observability for Everyone"]);
    expect(sections.find((s) => s.talk.startsWith("Migration"))!.speakers.map((s) => s.name)).toEqual(["Ann Lee", "Bo Chen"]);
    expect(sections.find((s) => s.talk.startsWith("Migration"))!.bullets.map((b) => b.text).join(" ")).toContain("staged move");
  });

  it("a quoted title with its recording, in French, under a topic heading", () => {
    const text = "### Le scaling vertical\nLa conférence “How We Tuned Requests Everywhere” ([vidéo](https://www.youtube.com/watch?v=abc)) montrait leur outil interne.\n";
    const [talk] = read(text, "fr").filter((s) => s.kind === "talk");
    expect(talk).toMatchObject({ talk: "How We Tuned Requests Everywhere", url: "https://www.youtube.com/watch?v=abc", urlKind: "video" });
  });

  it("a talk described rather than named, marked by its recording, is a talk of its own", () => {
    const text = [
      "## Scaling nodes",
      "",
      "The talk given by Fastly ([video](https://www.youtube.com/watch?v=abc)) covered spot instances and their interruptions.",
      "",
      "- Spot capacity needs a drain handler on every node.",
      "",
      "A talk about costs (no recording) said little we did not know.",
    ].join("\n");
    expect(talks(read(text))).toEqual(["The talk given by Fastly"]);
  });

  it("a list of sessions attended, with nothing said of them, is no talk", () => {
    const text = "## All the sessions I went to\n- [Gateway API Deep Dive](https://www.youtube.com/watch?v=a) - Ann Lee, Acme\n- [Etcd at Scale](https://www.youtube.com/watch?v=b) - Bo Chen, Initech\n";
    expect(talks(read(text))).toEqual([]);
  });
});

describe("not every part of a recap is a talk", () => {
  it("introduction, travel and conclusion are the recap's notes: one section of kind notes, titled as the recap", () => {
    const intro = "This was my third KubeCon and the biggest one yet, with more than twelve thousand people in the halls and a queue for every coffee machine. ";
    const text = [`## Intro`, intro.repeat(2), "## Gateway API in Practice", "- Routes per team.", "## Travel", "The train was late, as always, and the hotel was far from the venue but cheap.", "## Conclusion", "See you next year."].join("\n");
    const sections = read(text, "en", "My week at KubeCon");
    expect(sections.map((s) => [s.kind, s.title])).toEqual([
      ["notes", "My week at KubeCon"],
      ["talk", "Gateway API in Practice"],
    ]);
  });

  it("lines at the top naming the recap's author or their site are the page's byline, unless the page is the author's one talk", () => {
    // A page saved as text, as the shipped recaps are.
    const notes = ["Notes from the week.", "", "Platform Teams That Last", "", "Start with one paved road, then widen it as teams ask for more.", "", "Gateway API in Practice", "", "Routes per team keep the ownership of each hostname clear."];
    const blog = ["Cooking With Clusters - Ada Brook", "", ...notes].join("\n");
    expect(talks(segment(blog, { recapTitle: "KubeCon notes", language: "en", author: "Ada Brook (Cooking With Clusters)" }))).toEqual(["Platform Teams That Last", "Gateway API in Practice"]);
    const site = ["Cluster Notes Weekly", "", "Written by Ada Brook for Acme", "", "Posted on", "", ...notes].join("\n");
    expect(talks(segment(site, { recapTitle: "KubeCon notes", language: "en", author: "Acme (Cluster Notes Weekly)" }))).toEqual(["Platform Teams That Last", "Gateway API in Practice"]);
    const own = ["## Scaling Builds - Ada Brook, Acme", "", "I showed how we cut build times by caching layers per branch, and what it cost us."].join("\n");
    expect(talks(segment(own, { recapTitle: "My talk", language: "en", author: "Ada Brook" }))).toEqual(["Scaling Builds"]);
  });
});

describe("each language in one file", () => {
  it("every lexicon fills the same fields, for en, fr, ja, zh, de, es and pt", () => {
    expect(LEXICONS.map((l) => l.code)).toEqual(["en", "fr", "ja", "zh", "de", "es", "pt"]);
    const fields = Object.keys(LEXICONS[0]!).sort();
    for (const lexicon of LEXICONS) expect(Object.keys(lexicon).sort(), lexicon.code).toEqual(fields);
  });

  it("a Japanese recap: 感想 under a talk is a part of it, スポンサーブース is the recap's notes", () => {
    const booth = "スポンサーブースでは多くの会社と話をして、製品の説明を聞いたり、相談をさせていただいたりした。とても楽しかった。".repeat(8);
    const text = ["## Scaling Clusters at Airbnb", "Ann Leeさんによる発表。", "### 感想", "とても良かった。", "## スポンサーブース", booth].join("\n");
    const sections = read(text, "ja");
    expect(sections.map((s) => [s.kind, s.talk])).toEqual([
      ["talk", "Scaling Clusters at Airbnb"],
      ["notes", "Our recap"],
    ]);
    expect(sections[0]!.speakers).toEqual([{ name: "Ann Lee" }]);
    expect(sections[0]!.bullets.find((b) => b.part)?.text).toBe("感想");
  });
});

describe("section ids live on", () => {
  const section = (id: string, text: string, kind: Section["kind"] = "talk") => ({ id, kind, recapId: id.split("--")[0]!, text }) as Section;
  const corpus = [section("r--vm-on-k8s", "KubeVirt notes"), section("r--notes-on-security-apparmor", "AppArmor profiles. Seccomp filters syscalls.")];

  it("an id of a former part opens its talk; an id whose words another talk holds opens that talk", () => {
    expect(findSection(corpus, "r--vm-on-k8s")).toMatchObject({ moved: false });
    expect(findSection(corpus, "r--vm-on-k8s-summary")).toMatchObject({ section: { id: "r--vm-on-k8s" }, moved: true });
    expect(findSection(corpus, "r--notes-on-security-seccomp")).toMatchObject({ section: { id: "r--notes-on-security-apparmor" }, moved: true });
  });

  it("says plainly when the talk or its recap left the corpus", () => {
    expect(findSection(corpus, "r--quantum-networking")).toEqual({ gone: "talk" });
    expect(findSection(corpus, "other--anything")).toEqual({ gone: "recap" });
  });
});
