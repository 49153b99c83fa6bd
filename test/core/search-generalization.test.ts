import { describe, expect, it } from "vitest";
import { SearchEngine, type SearchAnswer } from "../../src/search/engine.js";
import { DEFAULT_SEARCH_OPTIONS } from "../../src/search/options.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { synonymsFile } from "../../src/paths.js";
import { CONTEXT, sectionOf, withRecapsIn } from "./helpers.js";

const synonyms = loadSynonyms(synonymsFile());
const top = (answer: SearchAnswer, n = 5) => answer.hits.slice(0, n).map((h) => h.section.id);
const all = { offset: 0, limit: 20 };

/** Filler sections so that document frequencies look like a corpus' (a word in every section is common). */
const filler = Array.from({ length: 12 }, (_, i) =>
  sectionOf({ id: `f--${i}`, title: `Hallway Track ${i}`, text: `Kubernetes clusters and their operators, part ${i}.\nPlatform teams run Kubernetes.` }),
);

describe("search that generalizes", () => {
  it("a French query reaches an English-titled talk written up in French, elisions and stop words aside", () => {
    const sections = [
      ...filler,
      sectionOf({ id: "fr--bw", title: "Better Bandwidth Management with eBPF", text: "Cilium gère la bande passante des pods grâce à eBPF.\nL'équipe a réduit la latence.", language: "fr" }),
      sectionOf({ id: "fr--obs", title: "Observing Fastly's Network at Scale", text: "L'observabilité du réseau passe par des métriques détaillées.", language: "fr" }),
      sectionOf({ id: "en--bw", title: "Network Policies 101", text: "Policies restrict traffic between pods." }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    expect(top(engine.search("gestion de la bande passante", {}, all))[0]).toBe("fr--bw");
    expect(top(engine.search("qu'est-ce que l'observabilité du réseau", {}, all))[0]).toBe("fr--obs");
    expect(top(engine.search("observabilité", {}, all))[0]).toBe("fr--obs");
  });

  it("a typo of a word the corpus also misspells still reaches the correctly spelled sections", () => {
    const sections = [
      ...filler,
      sectionOf({ id: "m--typo", title: "Integrated Trusted Computing in Kuberentes", text: "TPM chips sign the boot chain." }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    const found = top(engine.search("kuberentes", {}, all), 20);
    expect(found[0]).toBe("m--typo");
    expect(found.filter((id) => id.startsWith("f--")).length).toBeGreaterThan(5);
    // With the rare-word rule off, the typed spelling alone is found.
    const strict = new SearchEngine(sections, synonyms, { ...DEFAULT_SEARCH_OPTIONS, rareWordSections: 0 });
    expect(top(strict.search("kuberentes", {}, all), 20)).toEqual(["m--typo"]);
  });

  it.each([
    ["smi", "service mesh interface"],
    ["opa", "open policy agent"],
    ["psp", "pod security policy"],
    ["sbom", "software bill of materials"],
    ["rbac", "role based access control"],
    ["slo", "service level objective"],
  ])("acronym “%s” and its expansion “%s” find each other's sections", (acronym, expansion) => {
    const sections = [
      ...filler,
      sectionOf({ id: "a--short", title: "Notes", text: `We talked about ${acronym.toUpperCase()} a lot.` }),
      sectionOf({ id: "a--long", title: "More Notes", text: `The ${expansion} came up again.` }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    for (const query of [acronym, expansion]) expect(top(engine.search(query, {}, all)).slice(0, 2).sort(), query).toEqual(["a--long", "a--short"]);
  });

  it("a phrase a synonym group names counts only where its words stand together, not scattered over a section", () => {
    const sections = [
      ...filler,
      sectionOf({ id: "p--scattered", title: "Sandboxed Pods", text: "Every pod gets a second kernel.\nSecurity first: the policy is two layers of defence." }),
      sectionOf({ id: "p--named", title: "Moving On From Deprecated APIs", text: "The pod security policy goes away in 1.25." }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    expect(top(engine.search("pod security policy", {}, all))[0]).toBe("p--named");
    // Each word alone still finds the section that has it.
    expect(top(engine.search("sandboxed pod security", {}, all))[0]).toBe("p--scattered");
  });

  it("a phrase whose words stand partly together names it partly: above the same words scattered, with a score", () => {
    const sections = [
      ...filler,
      sectionOf({ id: "s--scattered", title: "Supply Chain", text: "Software costs grow.\nA bill arrived today.\nRaw materials too." }),
      sectionOf({ id: "s--partly", title: "Signing", text: "Trust the software you run.\nContainers should come with a bill of material." }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    const answer = engine.search("sbom", {}, all);
    expect(top(answer)[0]).toBe("s--partly");
    expect(answer.hits[0]!.score).toBeGreaterThan(0);
  });

  it("a noun in -tion or -sion meets its verb (the stemmer's own rule cut them apart), and 'mention' stays whole", async () => {
    const { termsOfWord } = await import("../../src/search/analyzer.js");
    const stem = (word: string) => termsOfWord(word, "en")[0];
    const pairs: [string, string][] = [["deletion", "deleted"], ["connections", "connect"], ["execution", "execute"], ["provision", "provisioning"], ["distribution", "distributed"]];
    for (const [noun, verb] of pairs) expect(stem(noun), noun).toBe(stem(verb));
    expect(stem("mention")).toBe(stem("mentioned"));
    expect(stem("mention")).toBe("mention");
  });

  it("a section whose one line holds several of the query's words ranks above one that has them lines apart", () => {
    const sections = [
      ...filler,
      sectionOf({ id: "l--apart", title: "Field Notes", text: "Backups matter.\nPostgres is popular.\nBackups, backups.\nPostgres again." }),
      sectionOf({ id: "l--together", title: "More Field Notes", text: "Postgres runs nightly backups with an operator.\nThe rest was hallway talk, then lunch and more hallway talk." }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    expect(top(engine.search("how are postgres backups done", {}, all))[0]).toBe("l--together");
  });

  it("a query naming a project and a company ranks the talk that names both above a general overview", () => {
    const sections = [
      ...filler,
      sectionOf({ id: "o--overview", title: "Envoy Everywhere: The State of Proxies", text: "Envoy is the proxy of most meshes.\nEnvoy filters, Envoy gateways, Envoy sidecars.\nEnvoy won." }),
      sectionOf({ id: "o--talk", title: "Running Envoy at the Edge", text: "How the traffic team moved the edge to Envoy.", speakers: [{ name: "Ann Lee", company: "Lyft" }] }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    expect(top(engine.search("envoy lyft", {}, all))[0]).toBe("o--talk");
  });

  it("Japanese sections are found with Japanese and English queries", () => {
    const sections = [
      ...filler,
      sectionOf({ id: "ja--mesh", title: "サービスメッシュの可観測性", text: "Istioのアンビエントモードでサイドカーが不要になりました。", language: "ja" }),
      sectionOf({ id: "ja--sec", title: "コンテナのセキュリティ", text: "Falcoで不審なシステムコールを検知します。", language: "ja" }),
    ];
    const engine = new SearchEngine(sections, synonyms);
    expect(top(engine.search("サービスメッシュ", {}, all))[0]).toBe("ja--mesh");
    expect(top(engine.search("可観測性", {}, all))[0]).toBe("ja--mesh");
    expect(top(engine.search("service mesh", {}, all))[0]).toBe("ja--mesh");
    expect(top(engine.search("container security", {}, all))[0]).toBe("ja--sec");
    expect(top(engine.search("falco", {}, all))[0]).toBe("ja--sec");
  });
});

describe("the lang: filter", () => {
  it("accepts every language of the corpus, not a fixed list", async () => {
    const recaps = [
      { id: "ja-recap", language: "ja", body: "## サービスメッシュの未来\n\nIstioのアンビエントモードが紹介されました。\n" },
      { id: "en-recap", language: "en", body: "## The Future of Service Mesh\n\n- Ambient mode is here.\n" },
    ];
    await withRecapsIn(recaps, async (bot) => {
      const japanese = await bot.run("search service mesh lang:ja", CONTEXT);
      expect(japanese.isError).toBeFalsy();
      expect(japanese.card.items?.map((i) => i.title)).toEqual(["サービスメッシュの未来"]);
      const unknown = await bot.run("search service mesh lang:de", CONTEXT);
      expect(unknown.isError).toBe(true);
    });
  });
});
