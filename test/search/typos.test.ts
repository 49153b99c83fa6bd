import { describe, expect, it } from "vitest";
import { SearchEngine, type SearchAnswer } from "../../src/search/engine.js";
import { SLIP, typingCost } from "../../src/search/typing-cost.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { synonymsFile } from "../../src/paths.js";
import { sectionOf } from "../core/helpers.js";

describe("the typing cost", () => {
  it.each([
    ["promethues", "prometheus", SLIP],
    ["contianer", "container", SLIP],
    ["colection", "collection", SLIP],
    ["approoved", "approved", SLIP],
    ["kubermetes", "kubernetes", SLIP],
    ["kubernqtes", "kubernetes", 1],
    ["operatr", "operator", 1],
    ["obsevability", "observability", 1],
  ])("of “%s” for “%s” is %s", (typed, intended, cost) => expect(typingCost(typed, intended)).toBeCloseTo(cost));
});

const sections = [
  sectionOf({ id: "t--operator", title: "Writing an Operator", text: "The operator reconciles custom resources." }),
  sectionOf({ id: "t--operate", title: "Day Two", text: "How teams operate clusters." }),
  sectionOf({ id: "t--observe", title: "Observability at Scale", text: "Observability needs traces." }),
  sectionOf({ id: "t--misspelt", title: "Notes", text: "We run kuberentes in production." }),
  ...["a", "b", "c", "d"].map((id) => sectionOf({ id: `t--k8s-${id}`, title: `Kubernetes upgrades ${id}`, text: "Kubernetes clusters upgraded in place." })),
  sectionOf({ id: "t--wasm", title: "Wasm Everywhere", text: "WebAssembly modules on the edge." }),
  sectionOf({ id: "t--lock", title: "Lock Files", text: "A lock per clusters, upgrades wait for it." }),
  sectionOf({ id: "t--delete", title: "Deleting Things in K8s", text: "Finalizers hold a resource until its owner lets go." }),
  sectionOf({ id: "t--declarative", title: "Declarative Testing", text: "Test suites written as YAML steps." }),
  sectionOf({ id: "t--bandwidth", title: "Bandwidth Management", text: "Pods get a bandwidth limit from eBPF." }),
  sectionOf({ id: "t--position", title: "Pod Placement", text: "The position of each pod on its node." }),
];
const engine = new SearchEngine(sections, loadSynonyms(synonymsFile()));
const top = (query: string) => engine.search(query, {}, { offset: 0, limit: 10 });
const ids = (answer: SearchAnswer) => answer.hits.map((hit) => hit.section.id);

describe("typos", () => {
  it("are matched against the words as written, so a slip in a suffix still reaches the word's sections", () => {
    expect(ids(top("operatr reconciles"))[0]).toBe("t--operator");
    expect(ids(top("obsevability traces"))[0]).toBe("t--observe");
  });

  it("give the likeliest word as the suggestion", () => {
    expect(top("obsevability").suggestion).toBe("observability");
  });

  it("reach the correct spelling's sections when the corpus has the misspelling too", () => {
    expect(ids(top("kuberentes upgrades"))).toEqual(expect.arrayContaining(["t--k8s-a", "t--k8s-b", "t--k8s-c", "t--k8s-d", "t--misspelt"]));
  });

  it("are corrected before synonyms are looked up", () => {
    expect(ids(top("webasembly"))).toContain("t--wasm");
    expect(ids(top("wasm"))).toContain("t--wasm");
  });

  it("of a word the corpus misspells too reach that word's synonyms", () => {
    expect(ids(top("kuberentes finalizers"))[0]).toBe("t--delete");
  });

  it("of a word only a synonym phrase has reach the phrase's synonyms", () => {
    expect(ids(top("bande passnate"))[0]).toBe("t--bandwidth");
    expect(top("bande passnate").suggestion).toBe("bande passante");
  });

  it("of a form the corpus does not have reach its other forms, through the stems", () => {
    expect(ids(top("declartively"))[0]).toBe("t--declarative");
    expect(top("declartively").suggestion).toBe("declarative");
  });

  it("leave a word the corpus lacks whose stem is short as typed: its stem is as often another's", () => {
    // "politique" stems to "polit" in French, one letter from "posit" (position).
    expect(top("politique").suggestion).toBeUndefined();
  });

  it("leave a short word the corpus lacks mostly as typed: its look-alikes do not outrank the other words' sections", () => {
    const answer = top("upgrades clusters look");
    expect(ids(answer).slice(0, 4).sort()).toEqual(["t--k8s-a", "t--k8s-b", "t--k8s-c", "t--k8s-d"]);
  });
});

describe("words understood through a synonym", () => {
  const engine = new SearchEngine(
    [
      sectionOf({ id: "c--cost", title: "Cutting Cloud Costs", text: "Costs fell by half." }),
      sectionOf({ id: "c--host", title: "Hosts", text: "Every host runs an agent." }),
    ],
    loadSynonyms(synonymsFile()),
  );

  it("are not corrected as typos: a French word whose English synonym the corpus has finds that, not its look-alikes", () => {
    const answer = engine.search("coûts", {}, { offset: 0, limit: 5 });
    expect(answer.hits.map((hit) => hit.section.id)).toEqual(["c--cost"]);
    expect(answer.suggestion).toBeUndefined();
  });
});
