import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { attribute } from "../../src/takeaways/attribution.js";
import { scoreTakeaways } from "../../src/takeaways/takeaways.js";
import { section } from "../daily/helpers.js";

const p = (text: string, depth = 0) => ({ text, depth });

describe("attribute", () => {
  it("gives the section's own speakers, never a word of the text read as a name", () => {
    const bullets = [
      p("All starts with eBPF: it runs custom code in the Linux kernel, safely."),
      p("Nick continued with CSS as a declarative language that is hard to debug."),
      p("Flagger automates the promotion of canaries with the metrics of the mesh."),
    ];
    const withSpeakers = section({ talk: "A Guided Tour of Cilium Service Mesh", bullets });
    expect(attribute(withSpeakers)).toEqual({ talk: "A Guided Tour of Cilium Service Mesh", speakers: ["Liz Rice, Isovalent"] });
    const without = section({ talk: "In search of a kubectl blame command", speakers: [], bullets });
    expect(attribute(without)).toEqual({ talk: "In search of a kubectl blame command", speakers: [] });
  });

  it("names a talk under a day's keynotes by its own heading, a topic note by its full title", () => {
    const keynote = section({ talk: "Using OpenTelemetry to empower end users", parent: "Day 2 keynotes", title: "Day 2 keynotes › Using OpenTelemetry to empower end users", bullets: [] });
    expect(attribute(keynote).talk).toBe("Using OpenTelemetry to empower end users");
    const note = section({ talk: "Seccomp", parent: "Notes on security", title: "Notes on security › Seccomp", bullets: [] });
    expect(attribute(note).talk).toBe("Notes on security › Seccomp");
  });

  it("attributes every takeaway of the shipped corpus to its section's speakers alone", () => {
    const topics = loadTopics("data/topics.yaml");
    const { sections } = loadCorpus("data/recaps", topics);
    const byId = new Map(sections.map((s) => [s.id, s]));
    for (const t of scoreTakeaways(sections, topics)) {
      expect(t.speakers).toEqual(byId.get(t.sectionId)!.speakers.map((s) => (s.company ? `${s.name}, ${s.company}` : s.name)));
    }
  });
});
