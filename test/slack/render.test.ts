import { describe, expect, it } from "vitest";
import { actionKind, renderCard } from "../../adapters/slack/render.js";
import { rich, type Card } from "../../src/cards/card.js";
import { allCards, searchCard, searchItem, sharedCard, talkCard } from "./cards.js";
import { violations } from "./check.js";

type Json = Record<string, any>;
const blocksOf = (card: Card) => renderCard(card).blocks as Json[];
const allText = (card: Card) => JSON.stringify(renderCard(card));

describe("renderCard", () => {
  it.each(Object.entries(allCards))("renders %s within Slack's limits", (_name, card) => {
    expect(violations(renderCard(card), card.sharedBy)).toEqual([]);
  });

  it("restates the query in a header and numbers the results with bold titles", () => {
    const blocks = blocksOf(searchCard);
    expect(blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Results for “ebpf”", emoji: true } });
    const results = blocks.filter((block) => block.type === "section" && block.accessory);
    expect(results).toHaveLength(5);
    expect(results[0]!.text.text).toBe(
      "*1. Talk 1: eBPF &amp; friends*\nHow *eBPF* programs observe the kernel without modules.",
    );
    expect(results[4]!.text.text.startsWith("*5. ")).toBe(true);
  });

  it("gives a talk's own link a link button under its result, and keeps a recap's link as text", () => {
    const watch = { ...searchItem(1), link: { label: "Watch", url: "https://youtu.be/abc?t=1&x=2", talk: true } };
    const card: Card = { ...searchCard, items: [watch, searchItem(2)] };
    const blocks = blocksOf(card);
    const first = blocks.findIndex((block) => block.accessory);
    expect(blocks[first + 1]).toEqual({ type: "context", elements: [expect.objectContaining({ text: "Liz Rice (Isovalent) · KubeCon EU · 2022" })] });
    expect(blocks[first + 2]).toEqual({
      type: "actions",
      elements: [{ type: "button", action_id: "kubecon.link.0", text: { type: "plain_text", text: "Watch", emoji: true }, url: "https://youtu.be/abc?t=1&x=2" }],
    });
    expect(blocks[first + 3]!.accessory).toBeDefined();
    expect(blocks[first + 4]!.elements[0].text).toContain("|Source>");
    expect(violations(renderCard(card))).toEqual([]);
  });

  it("puts the talk card's own link first among its buttons, in place of the link line", () => {
    const card: Card = { ...talkCard, link: { label: "Slides", url: "https://example.org/slides.pdf", talk: true } };
    const blocks = blocksOf(card);
    const actions = blocks.find((block) => block.type === "actions")!;
    expect(actions.elements.map((element: Json) => [element.action_id, element.text.text, element.url ?? element.value])).toEqual([
      ["kubecon.link.0", "Slides", "https://example.org/slides.pdf"],
      ["kubecon.share.0", "Share in channel", "talk recap-1#s1"],
    ]);
    expect(allText(card)).not.toContain("<https://example.org/slides.pdf|");
  });

  it("keeps a talk link Slack would refuse as a button (too long, not http) as text, or drops it", () => {
    const long = `https://example.org/${"v".repeat(3000)}`;
    const card: Card = { ...talkCard, link: { label: "Watch", url: long, talk: true }, items: [{ ...searchItem(1), link: { label: "Watch", url: "ftp://example.org/a", talk: true } }] };
    const message = renderCard(card);
    expect(JSON.stringify(message)).not.toContain('"url"');
    expect(violations(message)).toEqual([]);
  });

  it("puts speakers, event and year with the Source link in a context line under each result", () => {
    const blocks = blocksOf(searchCard);
    const firstResult = blocks.findIndex((block) => block.accessory);
    expect(blocks[firstResult + 1]).toEqual({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          verbatim: true,
          text: "Liz Rice (Isovalent) · KubeCon EU · 2022  ·  <https://example.org/recap-1?a=1&amp;b=2|Source>",
        },
      ],
    });
  });

  it("gives each result a Details button carrying its command, and the card its paging and share buttons", () => {
    const blocks = blocksOf(searchCard);
    const details = blocks.find((block) => block.accessory)!.accessory;
    expect(details).toMatchObject({ type: "button", value: "talk recap-1#s1", text: { text: "Details" } });
    expect(actionKind(details.action_id)).toBe("command");
    const actions = blocks.at(-1)!;
    expect(actions.type).toBe("actions");
    expect(actions.elements.map((button: Json) => [button.text.text, button.value, actionKind(button.action_id), button.style])).toEqual([
      ["Next ›", "search ebpf page:2", "command", "primary"],
      ["Share in channel", "search ebpf", "share", undefined],
    ]);
  });

  it("shows the page position in a footer before the buttons", () => {
    const blocks = blocksOf(searchCard);
    expect(blocks.at(-2)).toMatchObject({ type: "context", elements: [{ text: "Page 1 of 3 · 12 results" }] });
  });

  it("renders a talk's bullets indented by depth, its fields and its source", () => {
    const blocks = blocksOf(talkCard);
    const body = blocks.find((block) => block.type === "section" && block.text)!;
    expect(body.text.text).toBe(
      "Seccomp profiles restrict the system calls a container may make.\n• The *RuntimeDefault* profile is a good start.\n    • Audit mode shows what a workload calls before you enforce.",
    );
    const fields = blocks.find((block) => block.fields)!;
    expect(fields.fields.map((field: Json) => field.text)).toEqual(["*Speakers*\nJane Doe, John Roe", "*Event*\nKubeCon EU 2022"]);
    expect(allText(talkCard)).toContain("<https://example.org/recap-1|Source>");
  });

  it("credits the sharer with a mention and shows no buttons on a shared card", () => {
    const blocks = blocksOf(sharedCard);
    expect(blocks.some((block) => block.type === "actions")).toBe(false);
    expect(blocks.at(-1)).toMatchObject({ type: "context", elements: [{ text: "Shared by <@U0001>" }] });
  });

  it("gives a plain fallback text with the title and result titles", () => {
    expect(renderCard(searchCard).text.split("\n").slice(0, 3)).toEqual(["Results for “ebpf”", "1. Talk 1: eBPF &amp; friends", "2. Talk 2: eBPF &amp; friends"]);
  });

  it("leaves out a button whose command cannot travel in a button value", () => {
    const card: Card = { title: "t", actions: [{ kind: "command", label: "Next", command: `search ${"x".repeat(2000)}` }] };
    expect(blocksOf(card).some((block) => block.type === "actions")).toBe(false);
  });

  it("cuts a long body on a bullet boundary with an ellipsis and says so", () => {
    const bullet = "word ".repeat(190).trim();
    const card: Card = { title: "Long", body: Array.from({ length: 60 }, () => ({ text: rich(bullet), depth: 1 })) };
    const message = renderCard(card);
    expect(violations(message)).toEqual([]);
    const sections = (message.blocks as Json[]).filter((block) => block.type === "section");
    expect(sections.length).toBeGreaterThan(2);
    expect(sections.at(-1)!.text.text.endsWith("…")).toBe(true);
    expect(JSON.stringify(message.blocks)).toContain("Shortened to fit in Slack.");
  });

  it("shows as many results as fit and says how many more there are", () => {
    const card: Card = { title: "Many", items: Array.from({ length: 40 }, (_, i) => searchItem(i + 1)) };
    const message = renderCard(card);
    expect(violations(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toMatch(/… \d+ more not shown\./);
  });
});
