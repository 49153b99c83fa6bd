import { describe, expect, it } from "vitest";
import { segment, type FoundSection } from "../../src/corpus/segment.js";

const en = { recapTitle: "My KubeCon recap", language: "en" };
const brief = (sections: FoundSection[]) => sections.map((s) => ({ title: s.title, speakers: s.speakers.map((p) => p.name), notes: s.bullets.length }));

describe("the shapes recaps come in", () => {
  it("1. talks as link bullets, with a sentence before or after the link", () => {
    const text = [
      "# My KubeCon recap",
      "",
      "The talks I liked:",
      "",
      "- [Zero Trust Networking - Jane Doe, Acme](https://www.youtube.com/watch?v=abc)",
      "- Great intro to SPIFFE: [Workload Identity Everywhere - John Smith, Initech](https://speakerdeck.com/js/identity)",
      "- [Scaling Etcd in Production - Mary Major, Globex](https://kccnceu2024.sched.com/event/1) was the best talk of the day.",
      "  - Defragment often.",
    ].join("\n");
    const sections = segment(text, en);
    expect(sections.map((s) => ({ title: s.title, speakers: s.speakers, url: s.url, urlKind: s.urlKind }))).toEqual([
      { title: "Zero Trust Networking", speakers: [{ name: "Jane Doe", company: "Acme" }], url: "https://www.youtube.com/watch?v=abc", urlKind: "video" },
      { title: "Workload Identity Everywhere", speakers: [{ name: "John Smith", company: "Initech" }], url: "https://speakerdeck.com/js/identity", urlKind: "slides" },
      { title: "Scaling Etcd in Production", speakers: [{ name: "Mary Major", company: "Globex" }], url: "https://kccnceu2024.sched.com/event/1", urlKind: "page" },
    ]);
    expect(sections[1]!.bullets.map((b) => b.text)).toEqual(["Great intro to SPIFFE:"]);
    expect(sections[2]!.bullets.map((b) => b.text)).toEqual(["was the best talk of the day.", "Defragment often."]);
    for (const s of sections) expect(`${s.title} ${s.bullets.map((b) => b.text).join(" ")}`).not.toMatch(/[[\]()]|https?:/);
  });

  it("2. bold and emphasized lines used as headings: topic groups with their talks", () => {
    const text = [
      "***Networking***",
      "",
      "**Cilium Without kube-proxy**",
      "",
      "eBPF replaces iptables.",
      "",
      "**Gateway API in Practice**",
      "",
      "Routes are finally portable.",
      "",
      "***Storage***",
      "",
      "**Rook at Scale**",
      "",
      "Ceph clusters of a petabyte.",
    ].join("\n");
    expect(segment(text, en).map((s) => [s.title, s.talk, s.parent])).toEqual([
      ["Networking › Cilium Without kube-proxy", "Cilium Without kube-proxy", "Networking"],
      ["Networking › Gateway API in Practice", "Gateway API in Practice", "Networking"],
      ["Storage › Rook at Scale", "Rook at Scale", "Storage"],
    ]);
  });

  it("3. numbered talks lose their numbering, speakers go to speakers", () => {
    const text = [
      "Intro.",
      "",
      "Talk 3: Securing the Supply Chain - Ann Lee, Chainguard",
      "Sigstore signs everything.",
      "",
      "Session 2 — Multi-Tenancy Done Right",
      "Namespaces are not enough.",
      "",
      "## Talk 4: Platform Engineering at Scale",
      "Golden paths help.",
    ].join("\n");
    expect(brief(segment(text, en))).toEqual([
      { title: "Securing the Supply Chain", speakers: ["Ann Lee"], notes: 1 },
      { title: "Multi-Tenancy Done Right", speakers: [], notes: 1 },
      { title: "Platform Engineering at Scale", speakers: [], notes: 1 },
    ]);
  });

  it("4. “Title (Speaker, Company @handle)”, “Title by Speaker”, “Speaker: Title”; handles dropped", () => {
    const text = [
      "Intro.",
      "",
      "Cost-Aware Autoscaling with Karpenter (Jane Doe, AWS @janedoe)",
      "Spot instances everywhere.",
      "",
      "Debugging Distroless Containers by John Smith",
      "Ephemeral containers save the day.",
      "",
      "Mary Major (Globex): Running Postgres on Kubernetes Safely",
      "Use an operator.",
    ].join("\n");
    expect(segment(text, en).map((s) => ({ title: s.title, speakers: s.speakers }))).toEqual([
      { title: "Cost-Aware Autoscaling with Karpenter", speakers: [{ name: "Jane Doe", company: "AWS" }] },
      { title: "Debugging Distroless Containers", speakers: [{ name: "John Smith" }] },
      { title: "Running Postgres on Kubernetes Safely", speakers: [{ name: "Mary Major", company: "Globex" }] },
    ]);
  });

  it("5. headings ending in a colon stay inside their talk", () => {
    const text = [
      "## Building a Platform Team",
      "Start small.",
      "### Steps:",
      "- Pick one team.",
      "- Measure lead time.",
      "### Key points:",
      "- Product thinking.",
      "**Demos worth checking out:**",
      "- Backstage templates.",
      "## Observability on a Budget",
      "Sample your traces.",
    ].join("\n");
    const sections = segment(text, en);
    expect(sections.map((s) => s.title)).toEqual(["Building a Platform Team", "Observability on a Budget"]);
    expect(sections[0]!.bullets.map((b) => b.text)).toEqual([
      "Start small.",
      "Steps:",
      "Pick one team.",
      "Measure lead time.",
      "Key points:",
      "Product thinking.",
      "Demos worth checking out:",
      "Backstage templates.",
    ]);
  });

  it("6. day headings with dates set the day; talks under them are talks, with their “Speakers:” line", () => {
    const text = [
      "# My KubeCon recap",
      "",
      "## Day 0 (Nov 12, 2024)",
      "",
      "### Cloud Native Rejekts Highlights",
      "Lots of hallway talk.",
      "",
      "## Day 2",
      "",
      "### Kubernetes Networking Deep Dive",
      "Speakers: Jane Doe (Isovalent), John Smith (Google)",
      "",
      "- Services are virtual.",
    ].join("\n");
    expect(segment(text, en).map((s) => ({ title: s.title, day: s.day, speakers: s.speakers.map((p) => p.name), notes: s.bullets.map((b) => b.text) }))).toEqual([
      { title: "Cloud Native Rejekts Highlights", day: "Day 0", speakers: [], notes: ["Lots of hallway talk."] },
      { title: "Kubernetes Networking Deep Dive", day: "Day 2", speakers: ["Jane Doe", "John Smith"], notes: ["Services are virtual."] },
    ]);
  });

  it("7. tables of contents in any language, related posts, comments, author bios and newsletter boxes are dropped", () => {
    const text = [
      "## Table des matières",
      "- [Le maillage de services](#maillage)",
      "- [La sécurité](#securite)",
      "## Le maillage de services",
      "Istio passe en mode ambiant.",
      "## La sécurité",
      "Falco détecte les appels système suspects.",
      "## Articles similaires",
      "- [Notre recap de 2023](https://blog.example.org/2023)",
      "## À propos de l'auteur",
      "Jean est SRE chez Acme.",
      "## Newsletter",
      "Inscrivez-vous pour recevoir nos articles.",
      "## Commentaires",
      "Super article !",
    ].join("\n");
    expect(segment(text, { recapTitle: "Recap", language: "fr" }).map((s) => [s.title, s.bullets.map((b) => b.text)])).toEqual([
      ["Le maillage de services", ["Istio passe en mode ambiant."]],
      ["La sécurité", ["Falco détecte les appels système suspects."]],
    ]);
    for (const toc of ["In this post", "Sommaire", "目次"]) {
      const sections = segment(`## ${toc}\n- [One](#one)\n- [Two](#two)\n## One\nFirst.\n## Two\nSecond.\n`, en);
      expect(sections.map((s) => s.title), toc).toEqual(["One", "Two"]);
    }
  });

  it("8. Japanese and Chinese recaps: CJK headings found, sentences never taken for headings", () => {
    const text = [
      "KubeCon Japan 2025 参加レポート",
      "",
      "eBPFによるネットワーク可視化",
      "",
      "CiliumとHubbleを使ってネットワークを可視化する方法が紹介されました。",
      "とても分かりやすい発表でした！",
      "",
      "プラットフォームエンジニアリングの実践",
      "",
      "開発者体験を向上させるためにBackstageを導入した事例です。",
    ].join("\n");
    expect(segment(text, { recapTitle: "KubeCon Japan 2025 参加レポート", language: "ja" }).map((s) => [s.title, s.bullets.length])).toEqual([
      ["eBPFによるネットワーク可視化", 2],
      ["プラットフォームエンジニアリングの実践", 1],
    ]);
    const zh = "## 服务网格的未来\n\nIstio 的 ambient 模式去掉了 sidecar。\n\n## 可观测性\n\nOpenTelemetry 已经成为标准。\n";
    expect(segment(zh, { recapTitle: "回顾", language: "zh" }).map((s) => s.title)).toEqual(["服务网格的未来", "可观测性"]);
  });

  it("9. a section ends where the next talk starts: none swallows the rest of the recap", () => {
    const notes = (topic: string) => Array.from({ length: 40 }, (_, i) => `- ${topic} note number ${i + 1}.`);
    const text = [
      "Session: Kubernetes at the Edge - Ann Lee, Acme",
      ...notes("edge"),
      "",
      "rethinking cluster upgrades",
      "",
      ...notes("upgrade"),
      "",
      "the cost of sidecars",
      "",
      ...notes("sidecar"),
    ].join("\n");
    const sections = segment(text, en);
    expect(sections.map((s) => [s.title, s.bullets.length])).toEqual([
      ["Kubernetes at the Edge", 40],
      ["rethinking cluster upgrades", 40],
      ["the cost of sidecars", 40],
    ]);
  });

  it("10. a table of talks: each row a talk with its link and speakers, the other cells its notes", () => {
    const text = [
      "# KubeCon EU 2024: the talks I saw",
      "",
      "| Title | Speaker | Notes |",
      "| --- | --- | --- |",
      "| [Zero Trust Networking](https://www.youtube.com/watch?v=a1) | Jane Doe, Acme | mTLS everywhere, SPIFFE ids. |",
      "| Scaling Etcd in Production | John Smith (Initech) | Defragment often; watch the db size. |",
      "| Karpenter Deep Dive | Mary Major | Consolidation saves money. |",
      "",
      "## My takeaways",
      "",
      "- Platform teams everywhere.",
      "",
      "| Flag | Default |",
      "| --- | --- |",
      "| --max-pods | 110 |",
    ].join("\n");
    const sections = segment(text, en);
    expect(sections.map((s) => ({ title: s.title, speakers: s.speakers, url: s.url, notes: s.bullets.map((b) => b.text) }))).toEqual([
      { title: "Zero Trust Networking", speakers: [{ name: "Jane Doe", company: "Acme" }], url: "https://www.youtube.com/watch?v=a1", notes: ["mTLS everywhere, SPIFFE ids."] },
      { title: "Scaling Etcd in Production", speakers: [{ name: "John Smith", company: "Initech" }], url: undefined, notes: ["Defragment often; watch the db size."] },
      { title: "Karpenter Deep Dive", speakers: [{ name: "Mary Major" }], url: undefined, notes: ["Consolidation saves money."] },
      { title: "My takeaways", speakers: [], url: undefined, notes: ["Platform teams everywhere.", "Flag · Default", "--max-pods · 110"] },
    ]);
  });

  it("11. a title line, then its speaker and company alone on the next line, then a paragraph", () => {
    const text = [
      "Intro paragraph about the conference.",
      "",
      "Zero Trust Networking in Practice",
      "Jane Doe — Acme",
      "The talk walked through SPIFFE identities and how mTLS is rolled out without downtime.",
      "",
      "Scaling Etcd in Production",
      "John Smith — Initech",
      "Defragment often, and watch the database size before it bites.",
      "",
      "Cost-Aware Autoscaling",
      "Mary Major, Globex",
      "Consolidation and spot instances cut the bill in half.",
    ].join("\n");
    expect(brief(segment(text, en))).toEqual([
      { title: "Zero Trust Networking in Practice", speakers: ["Jane Doe"], notes: 1 },
      { title: "Scaling Etcd in Production", speakers: ["John Smith"], notes: 1 },
      { title: "Cost-Aware Autoscaling", speakers: ["Mary Major"], notes: 1 },
    ]);
  });

  it("12. a schedule: time slots are dropped from the titles; a lone day heading is a day, not the page's title", () => {
    const text = [
      "## Day 1",
      "",
      "### 09:00 – Opening Keynote",
      "- CNCF turns ten.",
      "",
      "### 14:30 – Zero Trust Networking - Jane Doe, Acme",
      "- mTLS everywhere.",
      "",
      "### 16:00-16:35 Scaling Etcd in Production",
      "- Defragment often at 10:30 every day.",
      "",
      "11:00 Cost-Aware Autoscaling (Mary Major, Globex)",
      "- Spot instances.",
    ].join("\n");
    expect(segment(text, en).map((s) => [s.title, s.day, s.speakers.map((p) => p.name).join()])).toEqual([
      ["Opening Keynote", "Day 1", ""],
      ["Zero Trust Networking", "Day 1", "Jane Doe"],
      ["Scaling Etcd in Production", "Day 1", ""],
      ["Cost-Aware Autoscaling", "Day 1", "Mary Major"],
    ]);
  });

  it("13. a Japanese blog: 「」 titles without their brackets, 登壇者 lines with full-width parentheses", () => {
    const text = [
      "KubeCon Japan 2025 参加レポート",
      "",
      "こんにちは、SREチームの田中です。今回は注目のセッションを紹介します。",
      "",
      "「Ciliumで始めるeBPF入門」",
      "",
      "登壇者: 山田 太郎（Isovalent）、佐藤 花子（Google）",
      "",
      "eBPFの基本からCiliumのネットワークポリシーまで解説されました。",
      "",
      "「プラットフォームエンジニアリングの実践」",
      "",
      "Backstageを導入した事例が紹介されました。開発者体験が大きく向上したそうです。",
    ].join("\n");
    expect(segment(text, { recapTitle: "KubeCon Japan 2025 参加レポート", language: "ja" }).map((s) => [s.title, s.speakers, s.bullets.length])).toEqual([
      ["Ciliumで始めるeBPF入門", [{ name: "山田 太郎", company: "Isovalent" }, { name: "佐藤 花子", company: "Google" }], 1],
      ["プラットフォームエンジニアリングの実践", [], 1],
    ]);
  });

  it("14. numbered Markdown headings lose their number; an italic “Speakers:” line is the talk's speakers, not a heading", () => {
    const text = [
      "# KubeCon NA 2023",
      "## 1. Gateway API Is GA",
      "*Speakers: John Smith, Initech & Ann Lee, Globex*",
      "",
      "Routes are portable.",
      "## 2) Sidecarless Service Mesh",
      "Ambient mode.",
      "## 2024 Roadmap",
      "Graduations.",
    ].join("\n");
    expect(brief(segment(text, en))).toEqual([
      { title: "Gateway API Is GA", speakers: ["John Smith", "Ann Lee"], notes: 1 },
      { title: "Sidecarless Service Mesh", speakers: [], notes: 1 },
      { title: "2024 Roadmap", speakers: [], notes: 1 },
    ]);
  });
});
