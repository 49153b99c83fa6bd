import { describe, expect, it } from "vitest";
import { plain } from "../../src/cards/card.js";
import { eventCard, keyTakeaways } from "../../src/cards/events-card.js";
import { summarizeEvents } from "../../src/corpus/stats.js";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { loadTopics } from "../../src/corpus/topics.js";
import type { Takeaway } from "../../src/takeaways/takeaways.js";
import { scoreTakeaways } from "../../src/takeaways/takeaways.js";
import { takeaway } from "../daily/helpers.js";

const scored = (id: string, score: number, origin: Takeaway["origin"] = "bullet"): Takeaway => ({
  ...takeaway(id),
  text: `Takeaway ${id} explains how the kernel runs sandboxed programs safely.`,
  score,
  postable: score > 0.5,
  origin,
});

describe("keyTakeaways", () => {
  it("takes the five best postable takeaways, at most one per section", () => {
    const pool = [
      scored("a#1", 0.75),
      scored("a#2", 1),
      scored("b#1", 0.9),
      scored("c#1", 0.3),
      scored("d#1", 1, "list"),
      scored("e#1", 0.6),
      scored("f#1", 0.8),
      scored("g#1", 0.7),
    ];
    expect(keyTakeaways(pool).map((t) => t.id)).toEqual(["d#1", "a#2", "b#1", "f#1", "g#1"]);
  });
});

const PAGE = { page: 1, pageSize: 10, commandFor: (page: number) => `event x page:${page}` };

describe("eventCard on the shipped corpus", () => {
  const topics = loadTopics("data/topics.yaml");
  const corpus = loadCorpus("data/recaps", topics);
  const takeaways = scoreTakeaways(corpus.sections, topics);

  it.each(summarizeEvents(corpus.recaps, corpus.sections).map((e) => [e.eventId, e]))("%s: leads with its best postable takeaways, no stray event id", (id, summary) => {
    const sections = corpus.sections.filter((s) => s.eventId === id);
    const own = takeaways.filter((t) => t.eventId === id);
    const card = eventCard(summary, sections, own, PAGE);
    const shown = card.body!.map((p) => plain(p.text));
    const picked = shown.map((text) => own.find((t) => t.text === text)!);
    expect(picked.length).toBe(Math.min(5, new Set(own.filter((t) => t.postable).map((t) => t.sectionId)).size));
    expect(picked.every((t) => t.postable)).toBe(true);
    expect(new Set(picked.map((t) => t.sectionId)).size).toBe(picked.length);
    const scores = picked.map((t) => t.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(card.footer ?? "").not.toMatch(/event id/);
  });

  it("no longer leads the 2018 card with the venue and the catering", () => {
    const summary = summarizeEvents(corpus.recaps, corpus.sections).find((e) => e.eventId === "eu-2018")!;
    const card = eventCard(summary, corpus.sections.filter((s) => s.eventId === "eu-2018"), takeaways.filter((t) => t.eventId === "eu-2018"), PAGE);
    const body = card.body!.map((p) => plain(p.text)).join("\n");
    expect(body).not.toMatch(/catering|food|location|shout out/i);
  });
});
