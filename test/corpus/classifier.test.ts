import { describe, expect, it } from "vitest";
import { RULES, classifyBlock, type HeadingContext, type OutlineEntry } from "../../src/corpus/headings.js";
import { parseMarkdown } from "../../src/corpus/markdown.js";

/** Classifies the first block of `markdown` (or its `at`-th), with the block after it as context. */
function verdict(markdown: string, extra: Partial<HeadingContext> = {}, at = 0) {
  const [line, next] = parseMarkdown(markdown).blocks.slice(at);
  return classifyBlock(line!, { previousIsHeading: false, next, contents: new Set(), recapLanguage: "en", ...extra });
}
const outline = (fields: Partial<OutlineEntry> = {}): OutlineEntry => ({ level: 1, hasSubheadings: false, underGroup: false, pageTitle: false, ...fields });

/** One example a rule decides, and what it decides. */
const EXAMPLES: Record<string, { input: string; at?: number; context?: Partial<HeadingContext>; expect: object }> = {
  "table-talk": {
    input: "| Talk | Speakers |\n| --- | --- |\n| [Zero Trust](https://youtu.be/z) | Jane Doe (Acme) |",
    at: 1,
    expect: { heading: { kind: "talk", title: "Zero Trust", speakers: [{ name: "Jane Doe", company: "Acme" }], url: "https://youtu.be/z" } },
  },
  verbatim: { input: "```\nSession: Not A Talk\n```", expect: { text: true } },
  "page-furniture": { input: "## Related posts", context: { outline: outline() }, expect: { skip: true } },
  "inner-label": { input: "### Key points:", context: { outline: outline({ level: 2 }) }, expect: { text: true } },
  "speaker-line": { input: "Panel: Dawn Chen (Google), Mrunal Patel (Red Hat)", expect: { text: true } },
  "qa-line": { input: "Q: Is Swap Production Ready?", expect: { text: true } },
  "media-labels": {
    input: "### Crossplane in Practice ([slides](https://slides.example.org/xp.pdf), [video](https://videos.example.org/xp.mp4))",
    context: { outline: outline() },
    expect: { heading: { kind: "talk", title: "Crossplane in Practice", url: "https://slides.example.org/xp.pdf" } },
  },
  "time-slot": { input: "14:30 – Zero Trust Networking - Jane Doe, Acme", expect: { heading: { kind: "talk", title: "Zero Trust Networking", speakers: [{ name: "Jane Doe", company: "Acme" }] } } },
  "time-after": {
    input: "1. **Scaling to 65,000 Nodes** by Jane Doe (Acme) — 31:45\n   - Spanner replaced etcd.",
    expect: { heading: { kind: "talk", title: "Scaling to 65,000 Nodes", speakers: [{ name: "Jane Doe", company: "Acme" }] } },
  },
  "numbered-heading": { input: "## 3) eBPF Everywhere", context: { outline: outline() }, expect: { heading: { kind: "talk", title: "eBPF Everywhere" } } },
  "bracket-label": { input: "## 【セッション名】eBPFで実現するゼロトラスト", context: { outline: outline(), recapLanguage: "ja" }, expect: { heading: { kind: "talk", title: "eBPFで実現するゼロトラスト" } } },
  "quoted-title": { input: "「Ciliumで始めるeBPF入門」", context: { recapLanguage: "ja" }, expect: { heading: { kind: "sub", title: "Ciliumで始めるeBPF入門", titleLike: true } } },
  "explicit-talk": { input: "Talk 3: Securing the Supply Chain - Ann Lee, Chainguard", expect: { heading: { kind: "talk", title: "Securing the Supply Chain", speakers: [{ name: "Ann Lee", company: "Chainguard" }] } } },
  "narrated-talk": {
    input: "In “Debugging Networking with eBPF”, Duffie Cooley (Isovalent) showed how to follow a packet.",
    expect: { heading: { kind: "talk", title: "Debugging Networking with eBPF", speakers: [{ name: "Duffie Cooley", company: "Isovalent" }] } },
  },
  "contents-item": { input: "Notes on security", context: { contents: new Set(["notes on security"]) }, expect: { heading: { kind: "group", title: "Notes on security" } } },
  "link-bullet": { input: "- [Zero Trust - Jane Doe, Acme](https://youtu.be/x)", expect: { heading: { kind: "talk", title: "Zero Trust", url: "https://youtu.be/x" } } },
  "talk-bullet": {
    input: "- **Cilium Mesh** — Thomas Graf, Isovalent\n  - Sidecarless.",
    expect: { heading: { kind: "talk", title: "Cilium Mesh", speakers: [{ name: "Thomas Graf", company: "Isovalent" }] } },
  },
  bullet: { input: "- [the docs](https://kubernetes.io)", expect: { text: true } },
  "outline-heading": { input: "## Day 2", context: { outline: outline({ hasSubheadings: true }) }, expect: { heading: { kind: "day", title: "Day 2", day: "Day 2" } } },
  "not-a-heading": { input: "This line ends like a sentence.", expect: { text: true } },
  "title-and-speakers": { input: "Debugging Distroless Containers by John Smith", expect: { heading: { kind: "talk", title: "Debugging Distroless Containers", speakers: [{ name: "John Smith" }] } } },
  "marked-talk": { input: "Stop Writing Operators\nLink to slides", expect: { heading: { kind: "talk", title: "Stop Writing Operators" } } },
  "long-question": { input: "So why would anyone write yet another operator for this today?", expect: { text: true } },
  date: { input: "5 May", expect: { heading: { kind: "day", title: "5 May", day: "5 May" } } },
  group: { input: "Notes on autoscaling", expect: { heading: { kind: "group", title: "Notes on autoscaling" } } },
  "parenthesis-in-title": { input: "Zero Trust at Scale (Acme Corp)", expect: { heading: { kind: "sub", title: "Zero Trust at Scale (Acme Corp)", speakers: [], titleLike: true } } },
  "plain-heading": { input: "Seccomp Profiles Explained", expect: { heading: { kind: "sub", title: "Seccomp Profiles Explained", titleLike: true } } },
};

describe("the block classifier", () => {
  it("has an example for every rule, and no example for a rule that does not exist", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(RULES.map((r) => r.name).sort());
  });

  it.each(Object.entries(EXAMPLES))("rule %s decides its example", (name, example) => {
    expect(verdict(example.input, example.context, example.at)).toMatchObject({ rule: name, ...example.expect });
  });

  it("outline headings: a page title is dropped, a heading under a topic is a sub-section, a leaf heading a talk", () => {
    expect(verdict("# My Recap", { outline: outline({ pageTitle: true, hasSubheadings: true }) })).toMatchObject({ rule: "outline-heading", skip: true });
    expect(verdict("### Seccomp", { outline: outline({ level: 2, underGroup: true }) })).toMatchObject({ heading: { kind: "sub", title: "Seccomp" } });
    expect(verdict("## Networking", { outline: outline({ hasSubheadings: true }) })).toMatchObject({ heading: { kind: "group" } });
    expect(verdict("## [Zero Trust at Scale](https://youtu.be/x)", { outline: outline() })).toMatchObject({ heading: { kind: "talk", title: "Zero Trust at Scale", url: "https://youtu.be/x" } });
  });

  it("a Japanese sentence is never a heading; a short line alone between blank lines is a title", () => {
    expect(verdict("発表はとても分かりやすかったです。", { recapLanguage: "ja" })).toMatchObject({ rule: "not-a-heading" });
    const [line, next] = parseMarkdown("eBPFによるネットワーク可視化\n\n本文です。").blocks;
    expect(classifyBlock(line!, { previousIsHeading: false, next, contents: new Set(), recapLanguage: "ja" })).toMatchObject({ heading: { kind: "sub", titleLike: true } });
  });

  it("a name-like prefix before a colon is no speaker unless marked as one (a company, a handle, two people)", () => {
    expect(verdict("Open Source: Building Communities Around Projects")).toMatchObject({ rule: "plain-heading", heading: { title: "Open Source: Building Communities Around Projects", speakers: [] } });
    expect(verdict("Jane Doe (Acme): Building Communities Around Projects")).toMatchObject({
      rule: "title-and-speakers",
      heading: { title: "Building Communities Around Projects", speakers: [{ name: "Jane Doe", company: "Acme" }] },
    });
    expect(verdict("## Deep Dive: Running Etcd at Scale", { outline: outline() })).toMatchObject({ heading: { kind: "talk", title: "Deep Dive: Running Etcd at Scale", speakers: [] } });
  });

  it("a parenthesis names speakers only when it marks them; a company, a product or a lone name stays in the title", () => {
    expect(verdict("Cluster API (Deep Dive)")).toMatchObject({ rule: "parenthesis-in-title", heading: { title: "Cluster API (Deep Dive)", speakers: [] } });
    expect(verdict("## Zero Trust at Scale (Acme Corp)", { outline: outline() })).toMatchObject({ heading: { kind: "talk", title: "Zero Trust at Scale (Acme Corp)", speakers: [] } });
    expect(verdict("Zero Trust at Scale (Jane Doe, Acme Corp)")).toMatchObject({ rule: "title-and-speakers", heading: { speakers: [{ name: "Jane Doe", company: "Acme Corp" }] } });
    expect(verdict("Zero Trust at Scale (Jane Doe @jdoe)")).toMatchObject({ heading: { title: "Zero Trust at Scale", speakers: [{ name: "Jane Doe" }] } });
  });

  it("a table's header row is dropped when it names a title and a speaker column; any other table is notes", () => {
    expect(verdict("| Title | Speaker |\n| --- | --- |\n| Zero Trust | Jane Doe |")).toMatchObject({ rule: "table-talk", skip: true });
    expect(verdict("| Flag | Default |\n| --- | --- |\n| --max-pods | 110 |", {}, 1)).toMatchObject({ rule: "verbatim", text: true });
  });

  it("French talk markers and Chinese day headings", () => {
    expect(verdict("Conférence : Sécuriser la chaîne logistique – Marie Curie (Acme)", { recapLanguage: "fr" })).toMatchObject({
      rule: "explicit-talk",
      heading: { title: "Sécuriser la chaîne logistique", speakers: [{ name: "Marie Curie", company: "Acme" }] },
    });
    expect(verdict("## 第2天", { outline: outline({ hasSubheadings: true }), recapLanguage: "zh" })).toMatchObject({ heading: { kind: "day", day: "Day 2" } });
  });

  it("a link bullet to a project's site is a note, not a talk", () => {
    expect(verdict("- [Kyverno policies](https://kyverno.io/policies)")).toMatchObject({ rule: "bullet" });
  });
  it("quotes and brackets: a title with its speakers loses them, a quotation opening a sentence is left alone", () => {
    expect(verdict("« Istio en mode ambiant » par Louis Ryan (Google)", { recapLanguage: "fr" })).toMatchObject({
      rule: "quoted-title",
      heading: { kind: "talk", title: "Istio en mode ambiant", speakers: [{ name: "Louis Ryan", company: "Google" }] },
    });
    expect(verdict("【eBPFで実現するゼロトラストネットワーク】", { recapLanguage: "ja" })).toMatchObject({ rule: "quoted-title", heading: { title: "eBPFで実現するゼロトラストネットワーク", titleLike: true } });
    expect(verdict("“Kubernetes is the new Linux”, said a speaker.")).toMatchObject({ rule: "not-a-heading" });
  });

  it("a narrated paragraph is a talk only when it names people before a verb; a bullet tree's top is a talk only when bold or marked", () => {
    expect(verdict("In “the old days”, we all wrote our own operators.")).toMatchObject({ text: true });
    expect(verdict("- Hardware support (Intel TDX, IBM PEF)\n  - Memory encryption")).toMatchObject({ rule: "bullet" });
    expect(verdict("- **Pros**\n  - fast")).toMatchObject({ rule: "bullet" });
    expect(verdict("- Keynote: CNCF at 10\n  - 12,000 people")).toMatchObject({ rule: "talk-bullet", heading: { title: "CNCF at 10" } });
  });

  it("a part of the day heads its talks as a day does; a day named in passing is no day", () => {
    expect(verdict("## Afternoon", { outline: outline({ hasSubheadings: true }) })).toMatchObject({ heading: { kind: "day", title: "Afternoon" } });
    expect(verdict("## Afternoon", { outline: outline({ hasSubheadings: true }) }).heading?.day).toBeUndefined();
    expect(verdict("Our booth on day two (Acme Corp)").heading?.day).toBeUndefined();
    expect(verdict("Keynote day 3")).toMatchObject({ rule: "group", heading: { day: "Day 3" } });
  });

  it("a countdown's number is no part of a heading's title", () => {
    for (const input of ["## #5: In-Place Pod Resize", "## No. 5 – In-Place Pod Resize", "## 5. In-Place Pod Resize"]) {
      expect(verdict(input, { outline: outline() }), input).toMatchObject({ rule: "numbered-heading", heading: { title: "In-Place Pod Resize" } });
    }
    expect(verdict("## 2024 Roadmap", { outline: outline() })).toMatchObject({ heading: { title: "2024 Roadmap" } });
  });
});
