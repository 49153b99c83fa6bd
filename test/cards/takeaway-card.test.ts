import { describe, expect, it } from "vitest";
import { plain } from "../../src/cards/card.js";
import { dailyCard } from "../../src/cards/takeaway-card.js";
import { takeaway } from "../daily/helpers.js";

describe("dailyCard", () => {
  it("shows the takeaway, its talk, speakers and event, and buttons to read the talk and search its topic", () => {
    const t = { ...takeaway("na-2020--bpf#0000abcd", ["eBPF", "Security"]), url: "https://example.org/recap" };
    const card = dailyCard(t);
    expect(plain(card.body![0]!.text)).toBe(t.text);
    expect(card.items![0]).toEqual({
      title: t.talk,
      meta: "Kris Nóva, Sysdig · KubeCon + CloudNativeCon North America 2020",
      link: { label: "Source", url: "https://example.org/recap" },
    });
    expect(card.actions).toEqual([
      { kind: "command", label: "Read the talk", command: "talk na-2020--bpf", style: "primary" },
      { kind: "command", label: "More on eBPF", command: "search eBPF" },
    ]);
  });

  it("searches the takeaway's own topic, else the subscription's, and offers no search without any topic", () => {
    const t = takeaway("s#1", ["eBPF", "Security"]);
    expect(dailyCard(t, "Security").actions![1]).toMatchObject({ label: "More on eBPF", command: "search eBPF" });
    const { topic: _none, ...untopical } = t;
    expect(dailyCard(untopical, "Security").actions![1]).toMatchObject({ label: "More on Security", command: "search Security" });
    expect(dailyCard(untopical).actions).toHaveLength(1);
  });

  it("links the talk's own video or slides where the recap gives them, else the recap", () => {
    const t = { ...takeaway("s#1"), url: "https://example.org/watch?v=1", urlKind: "video" as const };
    expect(dailyCard(t).items![0]!.link).toEqual({ label: "Watch", url: "https://example.org/watch?v=1", talk: true });
    expect(dailyCard({ ...t, urlKind: "slides" }).items![0]!.link).toMatchObject({ label: "Slides", talk: true });
    const { urlKind: _kind, ...recapOnly } = t;
    expect(dailyCard(recapOnly).items![0]!.link).toEqual({ label: "Source", url: "https://example.org/watch?v=1" });
  });

  it("links the topic the takeaway's own text is about, not the section's first tag", () => {
    const t = { ...takeaway("s#1", ["Security", "Observability"]), topic: "Observability" };
    expect(dailyCard(t).actions![1]).toMatchObject({ label: "More on Observability", command: "search Observability" });
  });

  it("adds the year when the event name lacks it", () => {
    const t = { ...takeaway("s#1"), event: "KubeCon Europe", year: 2016, speakers: [] };
    expect(dailyCard(t).items![0]!.meta).toBe("KubeCon Europe 2016");
  });
});
