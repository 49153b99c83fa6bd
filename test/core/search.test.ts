import { describe, expect, it } from "vitest";
import { analyze, stem } from "../../src/search/analyzer.js";
import { SearchEngine, type SearchAnswer } from "../../src/search/engine.js";
import { fold } from "../../src/text/fold.js";
import { expandSynonyms } from "../../src/search/synonyms.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { synonymsFile } from "../../src/paths.js";
import { loadShipped, sectionOf, strongWords } from "./helpers.js";

const synonyms = loadSynonyms(synonymsFile());

/** Sections that each use one spelling only, so a hit under the other spelling can only come from a synonym. */
const small = [
  sectionOf({ id: "t--a", title: "Running Clusters at the Edge", text: "Kubernetes clusters on tiny boxes." }),
  sectionOf({ id: "t--b", title: "Tracing Everything", text: "We rolled out OpenTelemetry collectors." }),
  sectionOf({ id: "t--c", title: "Fast Networking", text: "eBPF replaces iptables in the data path." }),
  sectionOf({ id: "t--d", title: "Locking Down Pods", text: "Pod Security Policy is deprecated in favour of admission." }),
  sectionOf({ id: "t--e", title: "Isolation des conteneurs", text: "La sécurité des conteneurs passe par l'isolation.", language: "fr" }),
  sectionOf({ id: "t--f", title: "Livraison continue", text: "Les déploiements continus sont la norme.", language: "fr" }),
  sectionOf({ id: "t--g", title: "Edge Notes", text: "k8s on a Raspberry Pi works." }),
  sectionOf({ id: "t--h", title: "Old Kernel Tricks", text: "BPF programs were once only for packet filters." }),
  sectionOf({ id: "t--i", title: "Admission", text: "PSP removal is planned." }),
  sectionOf({ id: "t--j", title: "GitOps Today", text: "Flux and Argo reconcile from Git." }),
  sectionOf({ id: "t--k", title: "Operators in Practice", text: "The operator pattern is useful.\nOperators reconcile state in a loop." }),
];
const withSynonyms = new SearchEngine(small, synonyms);
const withoutSynonyms = new SearchEngine(small, []);
const ids = (answer: SearchAnswer) => answer.hits.map((h) => h.section.id).sort();
const all = { offset: 0, limit: 50 };

describe("synonyms", () => {
  it.each([
    ["k8s", ["t--a", "t--g"]],
    ["kubernetes", ["t--a", "t--g"]],
    ["otel", ["t--b"]],
    ["opentelemetry", ["t--b"]],
    ["bpf", ["t--c", "t--h"]],
    ["ebpf", ["t--c", "t--h"]],
    ["psp", ["t--d", "t--i"]],
    ["pod security policy", ["t--d", "t--i"]],
  ])("“%s” finds the sections written either way", (query, expected) => {
    expect(ids(withSynonyms.search(query, {}, all))).toEqual(expected);
  });

  it("come from the synonym list: without it each spelling finds only itself", () => {
    expect(ids(withoutSynonyms.search("k8s", {}, all))).toEqual(["t--g"]);
    expect(ids(withoutSynonyms.search("otel", {}, all))).toEqual([]);
    expect(ids(withoutSynonyms.search("psp", {}, all))).toEqual(["t--i"]);
  });

  it("mark the synonym in the snippet, not only the typed word", () => {
    const hit = withSynonyms.search("psp", {}, all).hits.find((h) => h.section.id === "t--d")!;
    expect(strongWords(hit.snippet)).toEqual(["Pod", "Security", "Policy"]);
  });

  it("match the longest phrase first, case and accents aside", () => {
    const concepts = expandSynonyms(["pod", "security", "policy", "audit"], synonyms);
    expect(concepts.map((c) => c.length)).toEqual([3, 1]);
    expect(concepts[0]!.alternatives).toContainEqual(["psp"]);
    expect(expandSynonyms([fold("Sécurité")], synonyms)[0]!.alternatives).toContainEqual(["security"]);
  });
});

describe("analysis", () => {
  it("folds accents: “securite” finds the section that writes “sécurité”", () => {
    const answer = withoutSynonyms.search("securite", {}, all);
    const hit = answer.hits.find((h) => h.section.id === "t--e");
    expect(hit).toBeDefined();
    expect(strongWords(hit!.snippet)).toContain("sécurité");
  });

  it("stems French: singular, plural, with or without accents", () => {
    for (const query of ["déploiement", "deploiement", "déploiements"]) {
      const answer = withoutSynonyms.search(query, {}, all);
      expect(ids(answer), query).toEqual(["t--f"]);
      expect(strongWords(answer.hits[0]!.snippet)).toEqual(["déploiements"]);
    }
    expect(stem("conteneurs", "fr")).toBe(stem("conteneur", "fr"));
  });

  it("stems English and drops stop words of both languages", () => {
    expect(analyze("The operators are reconciling", "en")).toBe([stem("operator", "en"), stem("reconcile", "en")].join(" "));
    expect(analyze("les déploiements de la plateforme", "fr")).toBe([stem("déploiement", "fr"), stem("plateforme", "fr")].join(" "));
  });

  it("cuts text written without spaces into words", () => {
    const japanese = sectionOf({ id: "t--jp", title: "クラウドネイティブ", text: "私はクラウドネイティブが好きです" });
    const engine = new SearchEngine([...small, japanese], []);
    expect(ids(engine.search("クラウドネイティブ", {}, all))).toEqual(["t--jp"]);
  });

  it("marks the matched words of the snippet in strong runs and nothing else", () => {
    const hit = withoutSynonyms.search("operators", {}, all).hits[0]!;
    expect(hit.section.id).toBe("t--k");
    expect(strongWords(hit.snippet).map(fold)).toEqual(["operator"]);
    // The runs put back together are the line as written.
    expect(hit.snippet.map((r) => r.text).join("")).toBe("The operator pattern is useful.");
  });
});

describe("typo tolerance", () => {
  it("finds “gitpos” and suggests “gitops”", () => {
    const answer = withoutSynonyms.search("gitpos", {}, all);
    expect(answer.suggestion).toBe("gitops");
    expect(ids(answer)).toEqual(["t--j"]);
  });

  it("stems an accented French query word as written, so it is known and not “corrected”", () => {
    const answer = withoutSynonyms.search("sécurité", {}, all);
    expect(answer.suggestion).toBeUndefined();
    // French "sécurité" and, through its English stem, "Security".
    expect(ids(answer)).toEqual(["t--d", "t--e"]);
  });

  it("does not look for typos in a word the corpus knows", () => {
    const answer = withoutSynonyms.search("flux", {}, all);
    expect(answer.suggestion).toBeUndefined();
    expect(ids(answer)).toEqual(["t--j"]);
  });

  it("suggests nothing for a word far from every word", () => {
    const answer = withoutSynonyms.search("zzyzxqw", {}, all);
    expect(answer).toMatchObject({ total: 0, hits: [], empty: false });
    expect(answer.suggestion).toBeUndefined();
  });
});

describe("search over the shipped corpus", () => {
  const corpus = loadShipped();
  const engine = new SearchEngine(corpus.sections, synonyms);

  it("puts “Stop Writing Operators” first for “should I write an operator”", () => {
    expect(engine.search("should I write an operator").hits[0]?.section.title).toBe("Stop Writing Operators");
  });

  it("finds the 2021 keynote note on three releases a year for a question on Kubernetes releases", () => {
    const first = engine.search("kubernetes releases per year").hits[0]!;
    expect(first.section.recapId).toBe("eu-2021-homecooked");
    expect(first.section.text).toContain("three releases per year");
    expect(strongWords(first.snippet).map(fold)).toEqual(expect.arrayContaining(["releases", "year"]));
  });

  it("corrects “gitpos” to the GitOps talk", () => {
    const answer = engine.search("gitpos");
    expect(answer.suggestion).toBe("gitops");
    expect(answer.hits[0]?.section.title).toBe("GitOps Is Likely More Than You Think It Is");
  });

  it("suggests nothing for words the corpus has, written as typed or as a synonym", () => {
    for (const query of ["ebpf", "bpf", "k8s", "otel", "psp", "service mesh"]) {
      const answer = engine.search(query);
      expect(answer.suggestion, query).toBeUndefined();
      expect(answer.total, query).toBeGreaterThan(0);
    }
  });

  it("answers only stop words with empty: true", () => {
    for (const query of ["the and of", "what is the", "le la les de", "", "   ", "?!…"]) {
      expect(engine.search(query), query).toEqual({ total: 0, hits: [], empty: true });
    }
  });

  describe("filters", () => {
    const unfiltered = engine.search("ebpf", {}, { offset: 0, limit: 100 });

    it.each([
      ["event", { eventId: "na-2020" }, (s: { eventId: string }) => s.eventId === "na-2020"],
      ["year", { year: 2022 }, (s: { year: number }) => s.year === 2022],
      ["lang", { language: "fr" }, (s: { language: string }) => s.language === "fr"],
    ] as const)("%s: keeps exactly the matching sections of the unfiltered answer", (_name, filters, keep) => {
      const filtered = engine.search("ebpf", filters, { offset: 0, limit: 100 });
      const expected = unfiltered.hits.filter((h) => keep(h.section as never)).map((h) => h.section.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(unfiltered.total);
      expect(filtered.hits.map((h) => h.section.id)).toEqual(expected);
      expect(filtered.total).toBe(expected.length);
    });

    it("speaker: matches a part of a speaker's name or company, case and accents aside", () => {
      const byName = engine.search("service mesh", { speaker: "liz rice" }, all);
      expect(byName.hits.map((h) => h.section.title)).toEqual(["A Guided Tour of Cilium Service Mesh"]);
      const talk = "Seamless Multi-Cluster Communication and Observability with Linkerd";
      for (const speaker of ["Körbächer", "korbacher", "Liquid Reply"]) {
        expect(engine.search("linkerd", { speaker }, all).hits.map((h) => h.section.title), speaker).toEqual([talk]);
      }
      expect(engine.search("operator", { speaker: "Liz Rice" }).total).toBe(0);
    });

    it("an unknown event or year finds nothing rather than everything", () => {
      expect(engine.search("ebpf", { eventId: "eu-1999" }).total).toBe(0);
      expect(engine.search("ebpf", { year: 2015 }).total).toBe(0);
    });
  });

  it("pages through one ranking: pages are consecutive slices with the same total", () => {
    const whole = engine.search("kubernetes", {}, { offset: 0, limit: 15 });
    const pages = [0, 5, 10].map((offset) => engine.search("kubernetes", {}, { offset, limit: 5 }));
    expect(whole.total).toBeGreaterThan(15);
    for (const page of pages) expect(page.total).toBe(whole.total);
    expect(pages.flatMap((p) => p.hits.map((h) => h.section.id))).toEqual(whole.hits.map((h) => h.section.id));
    const last = engine.search("kubernetes", {}, { offset: whole.total - 2, limit: 5 });
    expect(last.hits).toHaveLength(2);
    expect(engine.search("kubernetes", {}, { offset: whole.total, limit: 5 }).hits).toEqual([]);
  });

  it("ranks hits by descending score", () => {
    const scores = engine.search("service mesh observability", {}, { offset: 0, limit: 30 }).hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe("one entry a talk", () => {
  const parts = [
    sectionOf({ id: "r--a", title: "Cilium at Scale", text: "Cilium replaced kube-proxy on every node." }),
    sectionOf({ id: "r--b", title: "Cilium at Scale", text: "Cilium network policies per namespace." }),
    sectionOf({ id: "s--a", title: "Cilium at Scale", text: "Another recap of the same talk on Cilium." }),
    sectionOf({ id: "r--c", title: "Notes on networking › Cilium", parent: "Notes on networking", text: "Cilium in short." }),
    sectionOf({ id: "r--d", title: "Notes on networking › Calico", parent: "Notes on networking", text: "Calico next to Cilium." }),
  ];
  const engine = new SearchEngine(parts, []);

  it("shows a talk a recap reports in several sections once, its best part; other recaps' write-ups and a topic's talks stay", () => {
    const answer = engine.search("cilium node", {}, all);
    expect(ids(answer)).toEqual(["r--a", "r--c", "r--d", "s--a"]);
    expect(answer.total).toBe(4);
  });
});

describe("stop words are a language's own", () => {
  const texts = [
    sectionOf({ id: "s--ai", title: "AI on Kubernetes", text: "AI workloads need GPUs." }),
    sectionOf({ id: "s--fr", title: "Réseau", text: "J'ai vu le réseau tomber.", language: "fr" }),
    sectionOf({ id: "s--iac", title: "Platforms", text: "Infrastructure as code with Terraform." }),
  ];
  const engine = new SearchEngine(texts, synonyms);

  it("“ai” is an English word (a French verb): an English section keeps it, an English query finds it", () => {
    expect(ids(engine.search("ai", {}, all))).toEqual(["s--ai"]);
  });

  it("a query that reads as French drops the French ones", () => {
    expect(ids(engine.search("j'ai un problème de réseau", {}, all))).toEqual(["s--fr"]);
  });

  it("a synonym phrase's stop words do not keep it from matching", () => {
    expect(ids(engine.search("iac", {}, all))).toEqual(["s--iac"]);
  });
});

describe("questions", () => {
  const texts = [
    sectionOf({ id: "q--filler", title: "Meeting Notes", text: "We meet every week, we share a lot and we build things together." }),
    sectionOf({ id: "q--topic", title: "Release Cadence", text: "Helm charts version each release." }),
    ...["a", "b", "c", "d", "e", "f"].map((id) => sectionOf({ id: `q--other-${id}`, title: `Other ${id}`, text: "We build things every week and share them." })),
  ];
  const engine = new SearchEngine(texts, []);

  it("weigh their words by how rare they are: a section with the topic word ranks above one with the common words", () => {
    expect(ids(engine.search("how do we build and share a helm release every week", {}, all)).length).toBeGreaterThan(1);
    expect(engine.search("how do we build and share a helm release every week", {}, all).hits[0]!.section.id).toBe("q--topic");
  });
});

describe("a recap's own notes", () => {
  it("rank below a talk that matches as well, and are found all the same", () => {
    const text = "We compared Cilium and Calico for the data path.";
    const engine = new SearchEngine(
      [
        sectionOf({ id: "r--my-week", title: "My week", text, kind: "notes" }),
        sectionOf({ id: "r--cni-shootout", title: "CNI Shootout", text }),
      ],
      [],
    );
    expect(engine.search("cilium calico", {}, all).hits.map((h) => h.section.id)).toEqual(["r--cni-shootout", "r--my-week"]);
  });
});
