import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/discord/render.js";
import { renderCard } from "../../adapters/slack/render.js";
import { searchCard } from "../../src/cards/search-card.js";
import { renderText } from "../../src/cards/text.js";
import { isQuestion } from "../../src/search/answer.js";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { synonymsFile } from "../../src/paths.js";
import { sectionOf, strongWords } from "./helpers.js";

const sections = [
  sectionOf({
    id: "a--release",
    title: "Release Team Update",
    text: "The release team met on stage.\nKubernetes now ships three releases a year, one every four months.\nShadows join the team each cycle.",
  }),
  sectionOf({ id: "a--cadence", title: "Cadence of Everything", text: "Every team has its cadence, and releases happen." }),
  sectionOf({ id: "a--storage", title: "Databases on Kubernetes", text: "Running databases on Kubernetes needs operators for backups and failover." }),
  sectionOf({ id: "a--mesh", title: "Mesh Notes", text: "Sidecars add latency." }),
];
const engine = new SearchEngine(sections, loadSynonyms(synonymsFile()));
const first = { offset: 0, limit: 5 };

describe("questions", () => {
  it.each(["how often does kubernetes release", "why ebpf", "should I write an operator", "Can I run Postgres?", "comment sécuriser un cluster", "ebpf?"])(
    "“%s” reads as a question",
    (query) => expect(isQuestion(query)).toBe(true),
  );

  it.each(["kubernetes release cadence", "howto ebpf", "operator sdk"])("“%s” does not", (query) => expect(isQuestion(query)).toBe(false));
});

describe("the answer line", () => {
  it("is the sentence of the best results that holds what the question asks, with its section", () => {
    const answer = engine.search("how often does kubernetes release?", {}, first).answer!;
    expect(answer.text).toBe("Kubernetes now ships three releases a year, one every four months.");
    expect(answer.section.id).toBe("a--release");
    expect(strongWords(answer.snippet)).toEqual(["Kubernetes", "releases"]);
  });

  it("is absent when no sentence holds enough of the question", () => {
    expect(engine.search("why do sidecars slow down grpc calls", {}, first).answer).toBeUndefined();
  });

  it("is not a sentence that only restates the talk's title, nor one that announces a list with a colon", () => {
    const engine = new SearchEngine(
      [
        sectionOf({ id: "u--tour", title: "A Tour of Kubernetes Dashboards", text: "This tour of Kubernetes dashboards compared many of them.\nK9s runs in a terminal." }),
        sectionOf({ id: "u--root", title: "Pod Hardening", text: "Configure pods to run as non root users:\nrunAsNonRoot: true" }),
      ],
      loadSynonyms(synonymsFile()),
    );
    expect(engine.search("which kubernetes dashboards exist", {}, first).answer).toBeUndefined();
    expect(engine.search("how do I run pods as non root users", {}, first).answer).toBeUndefined();
  });

  it("prefers, between sentences that hold as much of the question, the one with what its talk tells most", () => {
    const engine = new SearchEngine(
      [
        sectionOf({
          id: "d--delete",
          title: "Deleting Things",
          text: "Trees of resources may be deleted.\nFinalizers will prevent deletion of resources.\nA finalizer names the controller that cleans up.\nFinalizers can be removed by hand.",
        }),
        sectionOf({ id: "d--other", title: "Storage", text: "Volumes outlive pods." }),
      ],
      loadSynonyms(synonymsFile()),
    );
    expect(engine.search("why won't my resource delete", {}, first).answer?.text).toBe("Finalizers will prevent deletion of resources.");
  });

  it("is absent for a query that is not a question, and past the first page", () => {
    expect(engine.search("kubernetes release", {}, first).answer).toBeUndefined();
    expect(engine.search("how often does kubernetes release", {}, { offset: 5, limit: 5 }).answer).toBeUndefined();
  });

  it("opens the search card, quoted, with the talk and event it comes from", () => {
    const answer = engine.search("can I run databases on kubernetes", {}, first);
    const card = searchCard({ query: "can I run databases on kubernetes", filters: {}, answer, page: 1, pageSize: 5, commandFor: () => "search x" });
    const text = renderText(card).split("\n");
    expect(text[2]).toBe(
      "“Running databases on Kubernetes needs operators for backups and failover.” — Databases on Kubernetes, KubeCon Test 2024",
    );
  });

  it("is rendered above the results in Slack and Discord, its question's words in bold", () => {
    const answer = engine.search("can I run databases on kubernetes", {}, first);
    const card = searchCard({ query: "can I run databases on kubernetes", filters: {}, answer, page: 1, pageSize: 5, commandFor: () => "search x" });
    const quote = "“*Running* *databases* on *Kubernetes* needs operators for backups and failover.” — Databases on Kubernetes, KubeCon Test 2024";
    const blocks = renderCard(card).blocks.map((block) => JSON.stringify(block));
    expect(blocks.findIndex((block) => block.includes(JSON.stringify(quote).slice(1, -1)))).toBeLessThan(blocks.findIndex((block) => block.includes("1. Databases")));
    const embed = renderReply({ card, visibility: "ephemeral" }).embeds![0]!;
    expect(embed.description).toContain("“**Running** **databases** on **Kubernetes** needs operators for backups and failover.” — Databases on Kubernetes, KubeCon Test 2024");
  });
});
