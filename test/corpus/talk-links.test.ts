import { describe, expect, it } from "vitest";
import { talkCard } from "../../src/cards/talk-card.js";
import { renderText } from "../../src/cards/text.js";
import { sectionsOf } from "../../src/corpus/corpus.js";
import type { Recap } from "../../src/corpus/section.js";
import { talkLinkKind } from "../../src/corpus/links.js";

const recap = (body: string): Recap => ({
  id: "t-2024",
  title: "T",
  event: "KubeCon + CloudNativeCon Europe 2024",
  eventId: "eu-2024",
  year: 2024,
  language: "en",
  source: "https://blog.example.org/kubecon",
  body,
  file: "t.md",
});

describe("per-talk links", () => {
  it("a talk's own link is the section's url and a Watch or Slides link on its card; else the recap's source", () => {
    const body = [
      "## Zero Trust at Scale",
      "Slides: [on Speaker Deck](https://speakerdeck.com/a/zero-trust)",
      "- mTLS everywhere.",
      "## [Etcd Deep Dive](https://www.youtube.com/watch?v=x1)",
      "- Defragment often.",
      "## Gateway API Deep Dive",
      "- Routes for every protocol.",
    ].join("\n");
    const [zero, etcd, hallway] = sectionsOf(recap(body), []);
    expect([zero, etcd, hallway].map((s) => [s!.url, s!.urlKind])).toEqual([
      ["https://speakerdeck.com/a/zero-trust", "slides"],
      ["https://www.youtube.com/watch?v=x1", "video"],
      ["https://blog.example.org/kubecon", undefined],
    ]);
    expect(zero!.text).toBe("mTLS everywhere.");
    expect([zero, etcd, hallway].map((s) => talkCard(s!, undefined).link?.label)).toEqual(["Slides", "Watch", "Source"]);
  });

  it("the talk card shows the recap's source beside the talk's own link, in text as on every platform", () => {
    const [etcd, hallway] = sectionsOf(recap("## [Etcd Deep Dive](https://www.youtube.com/watch?v=x1)\n- Defragment often.\n## Gateway API Deep Dive\n- Routes for every protocol."), []);
    const own = renderText(talkCard(etcd!, recap("")));
    expect(own).toContain("Watch: https://www.youtube.com/watch?v=x1");
    expect(own).toContain("Source: https://blog.example.org/kubecon");
    // The source is the card's link already: said once.
    expect(renderText(talkCard(hallway!, recap(""))).match(/https:\/\/blog\.example\.org\/kubecon/g)).toHaveLength(1);
  });

  it("tells videos, slides and session pages from other links", () => {
    expect(talkLinkKind("https://youtu.be/abc")).toBe("video");
    expect(talkLinkKind("https://static.sched.com/hosted_files/kccnceu2024/ab/deck.pdf")).toBe("slides");
    expect(talkLinkKind("https://docs.google.com/presentation/d/1/edit")).toBe("slides");
    expect(talkLinkKind("https://kccncna2024.sched.com/event/1i7k")).toBe("page");
    expect(talkLinkKind("https://example.org/x", "Recording")).toBe("video");
    expect(talkLinkKind("https://cilium.io/")).toBeUndefined();
    expect(talkLinkKind("not a url")).toBeUndefined();
  });
});
