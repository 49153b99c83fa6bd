import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { attribute, namedSpeakers, namedTalk } from "../../src/takeaways/attribution.js";
import { scoreTakeaways } from "../../src/takeaways/takeaways.js";
import { section } from "../daily/helpers.js";

const p = (text: string, depth = 0) => ({ text, depth });
const WASM =
  "Cloud Native & WebAssembly: Better Together - Liam Randall, Founder, Cosmonic & Co-Founder, Wasmcloud & Ralph Squillace, Microsoft Azure (10:00-10:15) Starts about the decoupling of physical hardware. WASM is a polyglot compilation target for the web.";

describe("namedTalk", () => {
  it("reads a programme line opening a paragraph, with its speakers and their roles", () => {
    expect(namedTalk(WASM)).toEqual({
      title: "Cloud Native & WebAssembly: Better Together",
      speakers: [
        { name: "Liam Randall", company: "Founder, Cosmonic & Co-Founder, Wasmcloud" },
        { name: "Ralph Squillace", company: "Microsoft Azure" },
      ],
    });
  });

  it("reads a talk named in quotes", () => {
    expect(namedTalk("Even so the daemon runs as root. The talk “The route to rootless containers” illustrates the issues.")).toEqual({
      title: "The route to rootless containers",
      speakers: [],
    });
  });

  it("finds nothing in a paragraph that names no talk", () => {
    expect(namedTalk("Networking is hard - and Kubernetes networking is harder, as every operator knows.")).toBeUndefined();
  });
});

describe("namedSpeakers", () => {
  it.each([
    ["Speaker (David Sudia) tried to improve the developer experience.", ["David Sudia"]],
    ["The keynote was presented by David Sudia from a PaaS company.", ["David Sudia"]],
    ["Liz demoed the Cilium service mesh, then Thomas Graf explained its design.", ["Liz", "Thomas Graf"]],
    ["Liz Rice revient sur les différentes formes du service mesh.", ["Liz Rice"]],
    ["Kubernetes 1.8 introduced the custom metrics API.", []],
  ])("reads %j", (text, names) => expect(namedSpeakers(text)).toEqual(names));
});

describe("attribute", () => {
  it("names the talk a 'Keynote day 3' paragraph names, with its speakers", () => {
    const keynotes = section({ talk: "Keynote day 3", speakers: [], bullets: [p(WASM)] });
    expect(attribute(keynotes, WASM)).toEqual({
      talk: "Cloud Native & WebAssembly: Better Together",
      speakers: ["Liam Randall, Founder, Cosmonic & Co-Founder, Wasmcloud", "Ralph Squillace, Microsoft Azure"],
    });
  });

  it("gives a one-talk section the speakers its text names, a day's keynotes only those of the paragraph", () => {
    const bullets = [p("Speaker (David Sudia) tried to improve the developer experience at his company."), p("Your dev tools and platform are products: treat them like such.")];
    const talk = section({ talk: "More Power, Less Pain", speakers: [], bullets });
    expect(attribute(talk, bullets[1]!.text)).toEqual({ talk: talk.title, speakers: ["David Sudia"] });
    const day = section({ talk: "Day 3 keynotes", speakers: [], bullets: [p("Liz Rice talked about governance."), p("Kubernetes moves to three releases a year.")] });
    expect(attribute(day, "Kubernetes moves to three releases a year.").speakers).toEqual([]);
    expect(attribute(day, "Liz Rice talked about governance.").speakers).toEqual(["Liz Rice"]);
  });

  it("names a talk under a day's keynotes by its own heading, a topic note by its full title", () => {
    const keynote = section({ talk: "Using OpenTelemetry to empower end users", parent: "Day 2 keynotes", title: "Day 2 keynotes › Using OpenTelemetry to empower end users", bullets: [] });
    expect(attribute(keynote, "The collector abstracts the back-end away.").talk).toBe("Using OpenTelemetry to empower end users");
    const note = section({ talk: "Seccomp", parent: "Notes on security", title: "Notes on security › Seccomp", bullets: [] });
    expect(attribute(note, "Seccomp limits the system calls a process can make.").talk).toBe("Notes on security › Seccomp");
  });

  it("keeps the section's own speakers", () => {
    const talk = section({ talk: "A Guided Tour of Cilium Service Mesh", bullets: [p("Thomas Graf explained the design.")] });
    expect(attribute(talk, "Thomas Graf explained the design.").speakers).toEqual(["Liz Rice, Isovalent"]);
  });

  it("attributes the shipped corpus's keynote paragraphs to their talks", () => {
    const topics = loadTopics("data/topics.yaml");
    const takeaways = scoreTakeaways(loadCorpus("data/recaps", topics).sections, topics);
    const wasm = takeaways.find((t) => t.text === "WASM is a polyglot compilation target for the web.")!;
    expect(wasm).toMatchObject({ talk: "Cloud Native & WebAssembly: Better Together", title: "Keynote day 3" });
    expect(wasm.speakers.map((s) => s.split(",")[0])).toEqual(["Liam Randall", "Ralph Squillace"]);
    const platform = takeaways.filter((t) => t.title.includes("More Power, Less Pain"));
    expect(platform.length).toBeGreaterThan(0);
    for (const t of platform) expect(t.speakers).toEqual(["David Sudia"]);
  });
});
