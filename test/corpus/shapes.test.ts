import { describe, expect, it } from "vitest";
import { segment, type FoundSection } from "../../src/corpus/segment.js";

const en = { recapTitle: "My KubeCon recap", language: "en" };
const brief = (sections: FoundSection[]) => sections.map((s) => ({ title: s.title, speakers: s.speakers.map((p) => p.name), notes: s.bullets.length }));
/** Title, speakers as "Name (Company)" and link of each section. */
const talks = (sections: FoundSection[]) =>
  sections.map((s) => ({ title: s.title, speakers: s.speakers.map((p) => (p.company ? `${p.name} (${p.company})` : p.name)), url: s.url }));

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
  it("15. a Notion or outliner export: each talk the top bullet of a tree (bold title, speakers after it), its notes the bullets under it", () => {
    const text = [
      "# KubeCon EU 2024 Paris — team notes",
      "",
      "Created: March 22, 2024 6:12 PM",
      "Tags: conference, kubernetes",
      "",
      "<aside>",
      "💡 These are our raw notes from the three days.",
      "",
      "</aside>",
      "",
      "## Day 1",
      "",
      "- **Keynote: CNCF at 10 years**",
      "    - 12,000 attendees, biggest KubeCon ever",
      "- **Cilium Mesh: One Mesh to Rule Them All** — Thomas Graf, Isovalent",
      "    - Sidecarless mesh with eBPF datapath",
      "    - Slides: [link](https://slides.example.org/cilium-mesh.pdf)",
      "- **Building a Platform with Backstage and Crossplane** — Ana Margarita Medina (Lightstep), Viktor Farcic (Upbound)",
      "    - Golden paths, not golden cages",
      "",
      "## Day 2",
      "",
      "- **OpenTelemetry Profiling: The Fourth Signal**",
      "    - Profiles join traces, metrics and logs",
      "- Dependencies (Intel TDX, IBM PEF)",
      "    - Memory encryption",
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "CNCF at 10 years", speakers: [], url: undefined },
      { title: "Cilium Mesh: One Mesh to Rule Them All", speakers: ["Thomas Graf (Isovalent)"], url: "https://slides.example.org/cilium-mesh.pdf" },
      { title: "Building a Platform with Backstage and Crossplane", speakers: ["Ana Margarita Medina (Lightstep)", "Viktor Farcic (Upbound)"], url: undefined },
      { title: "OpenTelemetry Profiling: The Fourth Signal", speakers: [], url: undefined },
    ]);
    expect(sections.map((s) => s.day)).toEqual(["Day 1", "Day 1", "Day 1", "Day 2"]);
    // A bullet that is not set in bold and names no one stays a note, with its own sub-bullets.
    expect(sections[3]!.bullets.map((b) => [b.text, b.depth])).toEqual([
      ["Profiles join traces, metrics and logs", 2],
      ["Dependencies (Intel TDX, IBM PEF)", 1],
      ["Memory encryption", 2],
    ]);
  });

  it("16. a Hugo post with shortcodes: embeds, notices and tweets are markup, the “Speakers:” line after an embed is the talk's", () => {
    const text = [
      '{{< figure src="/images/rai.jpg" caption="The RAI in Amsterdam" >}}',
      "",
      "KubeCon came back to Amsterdam.",
      "",
      "{{% notice info %}}",
      "All recordings are on the CNCF channel.",
      "{{% /notice %}}",
      "",
      "## Kubernetes SIG Network: Intro and Deep Dive",
      "",
      "{{< youtube Bv8n0mEXdKE >}}",
      "",
      "Speakers: Antonio Ojea (Google), Dan Winship (Red Hat)",
      "",
      "kube-proxy gets an nftables backend.",
      "",
      "## Flux Beyond Git: OCI Artifacts for GitOps",
      "",
      '{{< youtube id="x7Ts1kPqGmA" title="Flux OCI" >}}',
      "",
      "Speakers: Stefan Prodan (Weaveworks)",
      "",
      "Flux pulls manifests from an OCI registry.",
      "",
      '{{< tweet user="stefanprodan" id="1648000000000000000" >}}',
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "Kubernetes SIG Network: Intro and Deep Dive", speakers: ["Antonio Ojea (Google)", "Dan Winship (Red Hat)"], url: undefined },
      { title: "Flux Beyond Git: OCI Artifacts for GitOps", speakers: ["Stefan Prodan (Weaveworks)"], url: undefined },
    ]);
    expect(sections.map((s) => s.bullets.map((b) => b.text))).toEqual([["kube-proxy gets an nftables backend."], ["Flux pulls manifests from an OCI registry."]]);
  });

  it("17. one paragraph per talk, “In “Title”, Speaker (Company) explained …”; the author's sign-off is no note", () => {
    const text = [
      "# KubeCon North America 2022 Detroit recap",
      "",
      "Rather than bullet points, here is what each talk I attended was about.",
      "",
      'In "Keynote: The Future of Cloud Native Security", Emily Fox (Apple) explained how the community moved from talking about supply chain attacks to shipping tooling against them.',
      "",
      "In “Debugging Kubernetes Networking with eBPF”, Duffie Cooley (Isovalent) showed how to follow a packet through a cluster without tcpdump.",
      "",
      'In "How Spotify Runs Backstage at Scale", Helen Greul and Pia Nilsson (Spotify) explained how they keep two thousand plugins working.',
      "",
      'In "the old days", we all wrote our own operators.',
      "",
      "That's all for this year. Thanks for reading, and tell me which talk I missed!",
    ].join("\n");
    const sections = segment(text, { recapTitle: "KubeCon North America 2022 Detroit recap", language: "en" });
    expect(talks(sections)).toEqual([
      { title: "The Future of Cloud Native Security", speakers: ["Emily Fox (Apple)"], url: undefined },
      { title: "Debugging Kubernetes Networking with eBPF", speakers: ["Duffie Cooley (Isovalent)"], url: undefined },
      { title: "How Spotify Runs Backstage at Scale", speakers: ["Helen Greul (Spotify)", "Pia Nilsson (Spotify)"], url: undefined },
    ]);
    expect(sections[2]!.bullets.map((b) => b.text)).toEqual([
      'In "How Spotify Runs Backstage at Scale", Helen Greul and Pia Nilsson (Spotify) explained how they keep two thousand plugins working.',
      'In "the old days", we all wrote our own operators.',
    ]);
  });

  it("18. a countdown listicle: emoji and “#5:” off the headings, each “Watch:” line the talk's link", () => {
    const text = [
      "KubeCon London had over 400 sessions. Here is my top 3, counting down.",
      "",
      "*This post is sponsored by Example Observability Inc.*",
      "",
      "## 🏆 #3: In-Place Pod Resize Is Finally Beta 🎥",
      "",
      "**Speakers:** Tim Allclair (Google), Kevin Hannon (Red Hat)",
      "",
      "Resizing a pod without a restart is beta in 1.33.",
      "",
      "Watch: [recording](https://videos.example.org/kceu25/inplace.mp4)",
      "",
      "## ⚡ No. 2 – WebAssembly on Kubernetes Without the Hype 🎥",
      "",
      "**Speakers:** Danielle Lancashire (Fermyon)",
      "",
      "SpinKube runs Wasm apps as pods.",
      "",
      "Watch: [recording](https://videos.example.org/kceu25/wasm.mp4)",
      "",
      "## 🥇 #1: Kubernetes at 10,000 Nodes: What Broke 🎥",
      "",
      "Etcd was not the bottleneck.",
    ].join("\n");
    expect(talks(segment(text, en))).toEqual([
      { title: "In-Place Pod Resize Is Finally Beta", speakers: ["Tim Allclair (Google)", "Kevin Hannon (Red Hat)"], url: "https://videos.example.org/kceu25/inplace.mp4" },
      { title: "WebAssembly on Kubernetes Without the Hype", speakers: ["Danielle Lancashire (Fermyon)"], url: "https://videos.example.org/kceu25/wasm.mp4" },
      { title: "Kubernetes at 10,000 Nodes: What Broke", speakers: [], url: undefined },
    ]);
  });

  it("19. a French recap: « Titre » par Nom (Société), the quotes off the title; “Merci de nous avoir lus” ends it", () => {
    const text = [
      "# Retour sur la KubeCon Europe 2024 à Paris",
      "",
      "Voici les conférences qui nous ont marqués.",
      "",
      "« Sécuriser la chaîne logistique logicielle avec Sigstore » par Marie Dupont (Chainguard)",
      "",
      "Marie a présenté la signature sans clé avec des identités OIDC.",
      "",
      "« Istio en mode ambiant : adieu les sidecars » par Louis Ryan (Google) et Lin Sun (Solo.io)",
      "",
      "Le mode ambiant sépare le ztunnel du proxy de couche 7.",
      "",
      "“Observabilité : OpenTelemetry en production” - Julien Martin, Decathlon",
      "",
      "L'échantillonnage en queue a divisé la facture par deux.",
      "",
      "« Kubernetes, c'est le nouveau Linux », disait un intervenant.",
      "",
      "Merci de nous avoir lus ! N'hésitez pas à partager cet article.",
    ].join("\n");
    const sections = segment(text, { recapTitle: "Retour sur la KubeCon Europe 2024 à Paris", language: "fr" });
    expect(talks(sections)).toEqual([
      { title: "Sécuriser la chaîne logistique logicielle avec Sigstore", speakers: ["Marie Dupont (Chainguard)"], url: undefined },
      { title: "Istio en mode ambiant : adieu les sidecars", speakers: ["Louis Ryan (Google)", "Lin Sun (Solo.io)"], url: undefined },
      { title: "Observabilité : OpenTelemetry en production", speakers: ["Julien Martin (Decathlon)"], url: undefined },
    ]);
    expect(sections[2]!.bullets.map((b) => b.text)).toEqual(["L'échantillonnage en queue a divisé la facture par deux.", "« Kubernetes, c'est le nouveau Linux », disait un intervenant."]);
  });

  it("20. a Japanese blog: 【セッション名】 and 【基調講演】 labels off the titles, “スピーカー：” lines, the author's box dropped", () => {
    const text = [
      "# KubeCon Japan 2025 参加レポート",
      "",
      "こんにちは、インフラチームの鈴木です。",
      "",
      "## 【セッション名】Kubernetesのアップグレードを安全に行う方法",
      "",
      "スピーカー：田中 一郎（Example株式会社）",
      "",
      "カナリアクラスタを用意して段階的に展開する方法が紹介されました。",
      "",
      "## 【基調講演】CNCFの10年とこれから",
      "",
      "スピーカー：山本 花子（CNCF）",
      "",
      "会場は満員でした。",
      "",
      "【eBPFで実現するゼロトラストネットワーク】",
      "",
      "CiliumとSPIFFEを組み合わせる仕組みが解説されました。",
      "",
      "この記事を書いた人",
      "",
      "鈴木 太郎 / インフラエンジニア",
    ].join("\n");
    expect(talks(segment(text, { recapTitle: "KubeCon Japan 2025 参加レポート", language: "ja" }))).toEqual([
      { title: "Kubernetesのアップグレードを安全に行う方法", speakers: ["田中 一郎 (Example株式会社)"], url: undefined },
      { title: "CNCFの10年とこれから", speakers: ["山本 花子 (CNCF)"], url: undefined },
      { title: "eBPFで実現するゼロトラストネットワーク", speakers: [], url: undefined },
    ]);
  });

  it("21. a Q&A transcript: “Panel:” names the speakers, “Q:” and “A:” lines are notes however short", () => {
    const text = [
      "# KubeCon NA 2024: ask-the-maintainers sessions",
      "",
      "## Ask the Kubernetes SIG Node Maintainers",
      "",
      "Panel: Dawn Chen (Google), Mrunal Patel (Red Hat)",
      "",
      "Q: Is Swap Production Ready?",
      "A: Beta since 1.28.",
      "",
      "Q: Cgroup v1 Removal?",
      "A: Not before 1.35.",
      "",
      "## Ask the Argo CD Maintainers",
      "",
      "Panel: Michael Crenshaw (Intuit), Alexandre Gaudreault (Intuit)",
      "",
      "Q: One Argo CD per cluster?",
      "A: One per cluster if you need isolation.",
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "Ask the Kubernetes SIG Node Maintainers", speakers: ["Dawn Chen (Google)", "Mrunal Patel (Red Hat)"], url: undefined },
      { title: "Ask the Argo CD Maintainers", speakers: ["Michael Crenshaw (Intuit)", "Alexandre Gaudreault (Intuit)"], url: undefined },
    ]);
    expect(sections[0]!.bullets).toHaveLength(4);
  });

  it("22. a plain-text newsletter: underlined titles, “[1]” citations as each talk's link, speakers from the first sentence, the footer gone", () => {
    const text = [
      "CLOUD NATIVE WEEKLY - Issue #142",
      "KubeCon + CloudNativeCon Europe 2022 Valencia special",
      "=====================================================",
      "",
      "Hello everyone, this week's issue is all about KubeCon Valencia.",
      "",
      "Kubernetes Gateway API Beta [1]",
      "-------------------------------",
      "",
      "Rob Scott (Google) and Nick Young (Isovalent) presented the beta of the",
      "Gateway API: HTTPRoute, TLS routes and ReferenceGrant.",
      "",
      "Securing Kubernetes with Kyverno [2]",
      "------------------------------------",
      "",
      "Jim Bugwadia (Nirmata) walked through policies written as Kubernetes",
      "resources.",
      "",
      "That's it for this week. Reply to this email to tell us what you want.",
      "",
      "Links:",
      "[1] https://videos.example.org/kceu22/gateway-api.mp4",
      "[2] https://slides.example.org/kceu22/kyverno.pdf",
      "",
      "--",
      "Unsubscribe: https://news.example.org/unsubscribe",
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "Kubernetes Gateway API Beta", speakers: ["Rob Scott (Google)", "Nick Young (Isovalent)"], url: "https://videos.example.org/kceu22/gateway-api.mp4" },
      { title: "Securing Kubernetes with Kyverno", speakers: ["Jim Bugwadia (Nirmata)"], url: "https://slides.example.org/kceu22/kyverno.pdf" },
    ]);
    expect(sections[1]!.bullets.map((b) => b.text)).toEqual(["Jim Bugwadia (Nirmata) walked through policies written as Kubernetes resources."]);
  });

  it("23. an awesome list: link bullets with their speakers then a sentence of notes; the license is no section", () => {
    const text = [
      "# Awesome KubeCon China 2024 [![Awesome](https://badges.example.org/awesome.svg)](https://awesome.example.org)",
      "",
      "> A curated list of the best talks of KubeCon China 2024.",
      "",
      "## Security",
      "",
      "- [Kubernetes Security Auditing at Scale](https://videos.example.org/kccn24/audit.mp4) - Kevin Wang, Huawei. How to turn audit logs into alerts.",
      "- [Confidential Containers in Production](https://videos.example.org/kccn24/coco.mp4) - Jiang Liu & Xu Wang, Ant Group.",
      "",
      "## Observability",
      "",
      "- [eBPF-based Profiling with Pixie](https://videos.example.org/kccn24/pixie.mp4) - Zain Asgar, New Relic",
      "",
      "## License",
      "",
      "To the extent possible under law, the authors have waived all copyright.",
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "Kubernetes Security Auditing at Scale", speakers: ["Kevin Wang (Huawei)"], url: "https://videos.example.org/kccn24/audit.mp4" },
      { title: "Confidential Containers in Production", speakers: ["Jiang Liu (Ant Group)", "Xu Wang (Ant Group)"], url: "https://videos.example.org/kccn24/coco.mp4" },
      { title: "eBPF-based Profiling with Pixie", speakers: ["Zain Asgar (New Relic)"], url: "https://videos.example.org/kccn24/pixie.mp4" },
    ]);
    expect(sections[0]!.bullets.map((b) => b.text)).toEqual(["How to turn audit logs into alerts."]);
  });
  it("24. the labels of a talk's links after its title, “[VIDEO]” before it, and a programme line of people and fields under it", () => {
    const text = [
      "I was in LA for KubeCon NA 2021. Below, every talk with its slides and recording.",
      "",
      "### Kubernetes Is Not a Platform ([slides](https://slides.example.org/kna21/platform.pdf), [video](https://videos.example.org/kna21/platform.mp4))",
      "",
      "*Jane Doe, Acme · Track: Platform · Level: Intermediate*",
      "",
      "Kubernetes gives you building blocks.",
      "",
      "### [VIDEO] Multi-Cluster Failover with Linkerd",
      "",
      "Speaker: William Morgan (Buoyant)",
      "",
      "Failover is a traffic split.",
      "",
      "### Crossplane Compositions in Practice [Slides](https://slides.example.org/kna21/xp.pdf) | [Video](https://videos.example.org/kna21/xp.mp4)",
      "",
      "Compositions turn a claim into cloud resources.",
      "",
      "### Streaming Video at the Edge",
      "",
      "Edge caches close to the viewers.",
    ].join("\n");
    expect(talks(segment(text, en))).toEqual([
      { title: "Kubernetes Is Not a Platform", speakers: ["Jane Doe (Acme)"], url: "https://slides.example.org/kna21/platform.pdf" },
      { title: "Multi-Cluster Failover with Linkerd", speakers: ["William Morgan (Buoyant)"], url: undefined },
      { title: "Crossplane Compositions in Practice", speakers: [], url: "https://slides.example.org/kna21/xp.pdf" },
      { title: "Streaming Video at the Edge", speakers: [], url: undefined },
    ]);
  });

  it("25. a Japanese plain-text page: ■ marks its headings, 資料： and 動画： lines are the talks' links, the closing words end it", () => {
    const text = [
      "KubeCon Japan 2025 レポート（2日目）",
      "",
      "2日目も多くのセッションに参加しました。",
      "",
      "■ マルチテナントKubernetesの運用",
      "登壇者：中村 翔（Example Cloud）",
      "資料：https://slides.example.org/kcjp25/multitenant.pdf",
      "",
      "Namespaceごとにクォータを設定する方法が紹介されました。",
      "",
      "■ OpenTelemetryで始める分散トレーシング",
      "登壇者：小林 さくら（Example Observability）",
      "動画：https://videos.example.org/kcjp25/otel.mp4",
      "",
      "トレースとログをつなげる方法です。",
      "",
      "以上、2日目のレポートでした。最後まで読んでいただき、ありがとうございました。",
    ].join("\n");
    const sections = segment(text, { recapTitle: "KubeCon Japan 2025 レポート（2日目）", language: "ja" });
    expect(talks(sections)).toEqual([
      { title: "マルチテナントKubernetesの運用", speakers: ["中村 翔 (Example Cloud)"], url: "https://slides.example.org/kcjp25/multitenant.pdf" },
      { title: "OpenTelemetryで始める分散トレーシング", speakers: ["小林 さくら (Example Observability)"], url: "https://videos.example.org/kcjp25/otel.mp4" },
    ]);
    expect(sections[1]!.bullets.map((b) => b.text)).toEqual(["トレースとログをつなげる方法です。"]);
  });

  it("26. a dev.to post: Liquid embeds gone, a bold “By …” line the speakers, “If you liked this” ends it", () => {
    const text = [
      "The first virtual KubeCon! Here are my favourites.",
      "",
      "## Talk: Kubernetes Policy with OPA Gatekeeper",
      "",
      "{% youtube abcdEFGhij0 %}",
      "",
      "**By Rita Zhang (Microsoft) and Max Smythe (Google)**",
      "",
      "Gatekeeper v3 uses constraint templates written in Rego.",
      "",
      "## Talk: Helm 3 Deep Dive",
      "",
      "{% youtube uvwxYZabcd2 %}",
      "",
      "**By Matt Farina (Samsung SDS)**",
      "",
      "Tiller is gone.",
      "",
      "{% github helm/helm %}",
      "",
      "---",
      "",
      "*If you liked this, leave a ❤️ and follow me for more!*",
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "Kubernetes Policy with OPA Gatekeeper", speakers: ["Rita Zhang (Microsoft)", "Max Smythe (Google)"], url: undefined },
      { title: "Helm 3 Deep Dive", speakers: ["Matt Farina (Samsung SDS)"], url: undefined },
    ]);
    expect(sections[1]!.bullets.map((b) => b.text)).toEqual(["Tiller is gone."]);
  });

  it("27. talks under a “Talks” heading keep the speakers their headings name", () => {
    const text = [
      "# KubeCon North America 2019 San Diego: Day 1",
      "## Talks",
      "### Kubernetes Networking Intro and Deep Dive - Bowei Du, Google & Tim Hockin, Google",
      "- EndpointSlices replace Endpoints for large services",
      "### Linkerd 2.6 Deep Dive - Oliver Gould, Buoyant",
      "- Distributed tracing support",
    ].join("\n");
    expect(talks(segment(text, en))).toEqual([
      { title: "Talks › Kubernetes Networking Intro and Deep Dive", speakers: ["Bowei Du (Google)", "Tim Hockin (Google)"], url: undefined },
      { title: "Talks › Linkerd 2.6 Deep Dive", speakers: ["Oliver Gould (Buoyant)"], url: undefined },
    ]);
  });
  it("28. “Speakers:” then one bullet a person; “Morning” and “Afternoon” over the talks are parts of the day, not topics", () => {
    const text = [
      "# KubeCon + CloudNativeCon Europe 2024 Paris",
      "## Day 2",
      "### Morning",
      "#### Kubernetes SIG Security Update",
      "Speakers:",
      "",
      "- Tabitha Sable (Datadog)",
      "- Ian Coldwater (Independent)",
      "",
      "A new threat model for the kubelet.",
      "#### Gateway API: The Next Chapter",
      "**Speakers:**",
      "- Rob Scott (Google)",
      "- Shane Utt (Kong)",
      "",
      "GAMMA brings Gateway API to the mesh.",
      "### Afternoon",
      "#### Running LLMs on Kubernetes",
      "Key points:",
      "- GPU sharing with MIG.",
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "Kubernetes SIG Security Update", speakers: ["Tabitha Sable (Datadog)", "Ian Coldwater (Independent)"], url: undefined },
      { title: "Gateway API: The Next Chapter", speakers: ["Rob Scott (Google)", "Shane Utt (Kong)"], url: undefined },
      { title: "Running LLMs on Kubernetes", speakers: [], url: undefined },
    ]);
    expect(sections.map((s) => [s.day, s.bullets.map((b) => b.text)])).toEqual([
      ["Day 2", ["A new threat model for the kubelet."]],
      ["Day 2", ["GAMMA brings Gateway API to the mesh."]],
      ["Day 2", ["Key points:", "GPU sharing with MIG."]],
    ]);
  });

  it("29. an ordered list of talks, each with its paragraph: bold title, “by” speakers, the recording's length dropped", () => {
    const text = [
      "These are the talks I'd recommend, with the length of each recording.",
      "",
      "1. **Scaling Kubernetes to 65,000 Nodes** by Maciek Różacki (Google) — 31:45",
      "",
      "   The control plane needed a new storage backend.",
      "",
      "2. **Platform Engineering Anti-Patterns** by Sarah Wells (Independent) — 28:10",
      "",
      "   Start with a thin platform.",
      "",
      "3. A list item that is a plain note",
      "",
      "   with a second paragraph.",
    ].join("\n");
    const sections = segment(text, en);
    expect(talks(sections)).toEqual([
      { title: "Scaling Kubernetes to 65,000 Nodes", speakers: ["Maciek Różacki (Google)"], url: undefined },
      { title: "Platform Engineering Anti-Patterns", speakers: ["Sarah Wells (Independent)"], url: undefined },
    ]);
    expect(sections[1]!.bullets.map((b) => [b.text, b.depth])).toEqual([
      ["Start with a thin platform.", 2],
      ["A list item that is a plain note", 1],
      ["with a second paragraph.", 2],
    ]);
  });

  it("30. a photo caption naming a day in passing sets no day", () => {
    const text = [
      "We went to London with the whole team.",
      "",
      "Our booth on day two (Acme Corp)",
      "",
      "Zero Trust Workloads with SPIFFE - Evan Gilman, SPIRL",
      "Every workload gets an identity.",
      "",
      "Keynote day 3",
      "",
      "The CNCF announced three graduations.",
    ].join("\n");
    expect(segment(text, en).map((s) => [s.title, s.day])).toEqual([
      ["Zero Trust Workloads with SPIFFE", undefined],
      ["Keynote day 3", "Day 3"],
    ]);
  });
  it("31. French day headings with a weekday (“Jour 1 – mardi 19 mars”) are days, “🎤 Intervenant :” lines the speakers", () => {
    const text = [
      "# KubeCon Europe 2024 Paris : nos notes",
      "## Jour 1 – mardi 19 mars",
      "### Le futur de Kubernetes",
      "🎤 Intervenant : Tim Hockin (Google)",
      "- Les API stables ne changent plus.",
      "## Jour 2 – mercredi 20 mars",
      "### Retour d'expérience : GitOps chez Exemple",
      "🎤 Intervenants : Paul Leroy (Exemple), Anne Petit (Exemple)",
      "- Argo CD gère 400 applications.",
    ].join("\n");
    const sections = segment(text, { recapTitle: "Recap", language: "fr" });
    expect(talks(sections)).toEqual([
      { title: "Le futur de Kubernetes", speakers: ["Tim Hockin (Google)"], url: undefined },
      { title: "Retour d'expérience : GitOps chez Exemple", speakers: ["Paul Leroy (Exemple)", "Anne Petit (Exemple)"], url: undefined },
    ]);
    expect(sections.map((s) => s.day)).toEqual(["Jour 1", "Jour 2"]);
  });
});
