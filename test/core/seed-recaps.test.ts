import { describe, expect, it } from "vitest";
import { sectionsOf } from "../../src/corpus/corpus.js";
import type { Section } from "../../src/corpus/section.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { topicsFile } from "../../src/paths.js";
import { loadShipped } from "./helpers.js";

const corpus = loadShipped();
const of = (recapId: string) => corpus.sections.filter((s) => s.recapId === recapId);
const titles = (recapId: string) => of(recapId).map((s) => s.title);
const byTitle = (recapId: string, title: string): Section => {
  const found = of(recapId).find((s) => s.title === title);
  if (!found) throw new Error(`no section “${title}” in ${recapId}; found: ${titles(recapId).join(" | ")}`);
  return found;
};

describe("the shipped corpus", () => {
  it("loads all five recaps without problems", () => {
    expect(corpus.problems).toEqual([]);
    expect(corpus.recaps.map((r) => r.id).sort()).toEqual([
      "eu-2016-day-2",
      "eu-2018-memo-and-takeaways",
      "eu-2021-homecooked",
      "eu-2022-jour-3",
      "na-2020-virtual-recap",
    ]);
    for (const recap of corpus.recaps) expect(of(recap.id).length, recap.id).toBeGreaterThan(0);
  });
});

describe("segmentation of each seed recap", () => {
  it("2020: the talk titles of the virtual recap are sections", () => {
    expect(titles("na-2020-virtual-recap")).toEqual(
      expect.arrayContaining([
        "Stop Writing Operators",
        "A Walk Through the Kubernetes UI Landscape",
        "GitOps Is Likely More Than You Think It Is",
        "Constructing Chaos Workflow with Argo and LitmusChaos",
      ]),
    );
    // The talk's notes are in it, not in a neighbour.
    expect(byTitle("na-2020-virtual-recap", "Stop Writing Operators").text.toLowerCase()).toContain("operator");
  });

  it("2018: topic notes come out as sub-sections under their group", () => {
    expect(titles("eu-2018-memo-and-takeaways")).toEqual(
      expect.arrayContaining(["Notes on security › AppArmor", "Notes on autoscaling › Cluster Autoscaler (CA)", "Notes on tools › Operator Framework"]),
    );
    const apparmor = byTitle("eu-2018-memo-and-takeaways", "Notes on security › AppArmor");
    expect(apparmor).toMatchObject({ talk: "AppArmor", parent: "Notes on security" });
    const ca = byTitle("eu-2018-memo-and-takeaways", "Notes on autoscaling › Cluster Autoscaler (CA)");
    expect(ca.text).toContain("Adjust the number of nodes in the cluster.");
  });

  it("2018: lines the page broke around inline code are not headings, and the headings after them still are", () => {
    const recap = "eu-2018-memo-and-takeaways";
    expect(titles(recap).filter((t) => /orGuaranteed|QoS class with|^Notes on security › kubelet$/.test(t))).toEqual([]);
  });

  it("2018: the “In this memo” table of contents is not a section and its list is nowhere in the text", () => {
    const sections = of("eu-2018-memo-and-takeaways");
    expect(sections.map((s) => s.title.toLowerCase())).not.toContain("in this memo");
    for (const section of sections) {
      // The contents list is nine "Notes on …"/"Keynotes …" lines in a row; a section made of it would hold several.
      const contentsLines = section.bullets.filter((b) => /^(notes on |keynotes really worth)/i.test(b.text));
      expect(contentsLines, section.title).toEqual([]);
    }
    // The group headings the contents listed name the topics under them.
    expect(sections.map((s) => s.parent)).toEqual(expect.arrayContaining(["Notes on security", "Notes on autoscaling"]));
  });

  it("2016: talks are sections; “Talk Abstract” is no note and “Summary” only labels the notes under it", () => {
    const sections = of("eu-2016-day-2");
    expect(sections.map((s) => s.title)).toContain("Integrated Trusted Computing in Kuberentes");
    for (const section of sections) {
      expect(section.title).not.toMatch(/^(talk abstract|summary)$/i);
      const notes = section.bullets.filter((b) => !b.part).map((b) => b.text);
      expect(notes).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(talk abstract|summary)$/i)]));
    }
    // The notes under "Summary" stay with their talk, outdented to start at depth 1.
    const trusted = byTitle("eu-2016-day-2", "Integrated Trusted Computing in Kuberentes");
    expect(trusted.bullets.length).toBeGreaterThan(3);
    expect(Math.min(...trusted.bullets.filter((b) => b.depth > 0).map((b) => b.depth))).toBe(1);
  });

  it("2021: talks with speakers and companies, and titles containing a colon", () => {
    expect(byTitle("eu-2021-homecooked", "The Art of Hiding Yourself").speakers).toEqual([{ name: "Lorenzo Fontana", company: "Sysdig" }]);
    expect(titles("eu-2021-homecooked")).toContain("Trust No One: Bringing Confidential Computing to Containers");
  });

  it("2022 (French): English talk titles in a French text, with their speakers", () => {
    expect(corpus.recaps.find((r) => r.id === "eu-2022-jour-3")?.language).toBe("fr");
    expect(titles("eu-2022-jour-3")).toContain("A Treasure Map of Hacking (and Defending) Kubernetes");
    const dns = of("eu-2022-jour-3").find((s) => s.title.startsWith("Logs Told Us It Was DNS"));
    expect(dns?.speakers).toEqual([
      { name: "Laurent Bernaille", company: "Datadog" },
      { name: "Elijah Andrews", company: "Datadog" },
    ]);
    expect(dns?.language).toBe("fr");
  });

  it("no section carries web-page leftovers in its title or text", () => {
    const leftovers = ["image description", "vote on hacker news", "discussion (0)", "link to slides"];
    for (const section of corpus.sections) {
      const all = `${section.title}\n${section.text}`.toLowerCase();
      for (const leftover of leftovers) expect(all, `${section.id} holds “${leftover}”`).not.toContain(leftover);
    }
  });

  it("every section has notes, and its text is its bullets' text", () => {
    for (const section of corpus.sections) {
      expect(section.bullets.length, section.id).toBeGreaterThan(0);
      expect(section.text).toBe(section.bullets.map((b) => b.text).join("\n"));
    }
  });
});

describe("section ids", () => {
  it("are unique across the corpus", () => {
    const ids = corpus.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("are the same on a second load", () => {
    expect(loadShipped().sections.map((s) => s.id)).toEqual(corpus.sections.map((s) => s.id));
  });

  it("are made of the recap id and the folded title", () => {
    expect(byTitle("na-2020-virtual-recap", "Stop Writing Operators").id).toBe("na-2020-virtual-recap--stop-writing-operators");
    expect(byTitle("eu-2018-memo-and-takeaways", "Notes on tools › Operator Framework").id).toBe("eu-2018-memo-and-takeaways--notes-on-tools-operator-framework");
    for (const section of corpus.sections) {
      expect(section.id.startsWith(`${section.recapId}--`), section.id).toBe(true);
      expect(section.id).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it("survive edits to the notes: only the titles decide them", () => {
    const topics = loadTopics(topicsFile());
    const recap = corpus.recaps.find((r) => r.id === "na-2020-virtual-recap")!;
    // Every note that ends a sentence gets longer; headings (which never end in a period) stay.
    const edited = { ...recap, body: recap.body.replace(/\.$/gm, ". Edited later.") };
    const before = sectionsOf(recap, topics);
    const after = sectionsOf(edited, topics);
    expect(after.map((s) => s.text)).not.toEqual(before.map((s) => s.text));
    expect(after.map((s) => [s.title, s.id])).toEqual(before.map((s) => [s.title, s.id]));
  });
});
