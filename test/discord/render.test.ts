import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Card, CardAction, Reply, RichText } from "../../src/cards/card.js";
import { decodeButton } from "../../adapters/discord/custom-id.js";
import { renderReply, type DiscordMessage } from "../../adapters/discord/render.js";
import { LIVE_MENTION, hasLoneSurrogate, sometimesHuge } from "./arbitraries.js";
import { discordViolations } from "./check.js";

const searchCard: Card = {
  title: "Results for “ebpf”",
  items: [
    {
      title: "Kubernetes Everywhere: Lessons Learned From Going Multi-Cloud",
      meta: "Niko Smeds · KubeCon Europe 2022 · 2022",
      snippet: [{ text: "observability with " }, { text: "eBPF", strong: true }, { text: " probes" }],
      link: { label: "Recap", url: "https://example.com/recap" },
      details: { kind: "command", label: "Details", command: "talk eu-2022-jour-3#1" },
    },
    {
      title: "Cilium *deep* dive",
      meta: "Liz Rice",
      details: { kind: "command", label: "Details", command: "talk eu-2022-jour-3#2" },
    },
  ],
  footer: "Page 1 of 3 · 12 results",
  actions: [
    { kind: "command", label: "Next", command: "search ebpf page:2", style: "primary" },
    { kind: "share", label: "Share", command: "search ebpf page:1" },
  ],
};

function allButtons(message: DiscordMessage) {
  return message.components.flatMap((row) => row.components);
}

describe("renderReply", () => {
  it("renders a search card as an ephemeral embed with numbered results and buttons", () => {
    const message = renderReply({ card: searchCard, visibility: "ephemeral" });
    expect(message.flags).toBe(64);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const [embed] = message.embeds;
    expect(embed!.title).toBe("Results for “ebpf”");
    expect(embed!.footer?.text).toBe("Page 1 of 3 · 12 results");
    expect(embed!.fields![0]).toEqual({
      name: "1. Kubernetes Everywhere: Lessons Learned From Going Multi-Cloud",
      value: "*Niko Smeds · KubeCon Europe 2022 · 2022*\nobservability with **eBPF** probes\n[Recap](https://example.com/recap)",
    });
    expect(embed!.fields![1]!.name).toBe("2. Cilium \\*deep\\* dive");
    expect(message.components.map((row) => row.components.map((b) => [b.label, b.custom_id, b.style]))).toEqual([
      [
        ["Next", "p:search ebpf page:2", 1],
        ["Share", "s:search ebpf page:1", 2],
      ],
      [
        ["Details 1", "d:talk eu-2022-jour-3#1", 2],
        ["Details 2", "d:talk eu-2022-jour-3#2", 2],
      ],
    ]);
  });

  it("renders a shared card publicly, naming who shared it", () => {
    const message = renderReply({ card: { ...searchCard, sharedBy: "123456789012345678" }, visibility: "public" });
    expect(message.flags).toBeUndefined();
    expect(message.content).toBe("Shared by <@123456789012345678>");
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("keeps body bullets and the card's link in the description", () => {
    const message = renderReply({
      card: {
        title: "Talk",
        subtitle: "Liz Rice, Isovalent",
        body: [{ text: [{ text: "Summary" }] }, { text: [{ text: "first point" }], depth: 1 }, { text: [{ text: "nested" }], depth: 2 }],
        link: { label: "Source", url: "https://example.com/a b" },
      },
      visibility: "ephemeral",
    });
    expect(message.embeds[0]!.description).toBe(
      "*Liz Rice, Isovalent*\n\nSummary\n- first point\n  - nested\n\n[Source](https://example.com/a%20b)",
    );
    expect(message.embeds[0]!.url).toBe("https://example.com/a%20b");
  });
});

const richText: fc.Arbitrary<RichText> = fc.array(fc.record({ text: sometimesHuge(), strong: fc.boolean() }), {
  maxLength: 4,
});
const action: fc.Arbitrary<CardAction> = fc.record({
  kind: fc.constantFrom("command" as const, "share" as const),
  label: sometimesHuge(),
  command: sometimesHuge(),
  style: fc.constantFrom("primary" as const, "default" as const),
});
const card: fc.Arbitrary<Card> = fc.record(
  {
    title: sometimesHuge(),
    subtitle: sometimesHuge(),
    body: fc.array(fc.record({ text: richText, depth: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 }),
    items: fc.array(
      fc.record(
        {
          title: sometimesHuge(),
          meta: sometimesHuge(),
          snippet: richText,
          link: fc.record({ label: sometimesHuge(), url: fc.webUrl() }),
          details: action,
        },
        { requiredKeys: ["title"] },
      ),
      { maxLength: 30 },
    ),
    fields: fc.array(fc.record({ label: sometimesHuge(), value: sometimesHuge(), inline: fc.boolean() }), { maxLength: 30 }),
    link: fc.record({ label: sometimesHuge(), url: fc.webUrl() }),
    notice: sometimesHuge(),
    footer: sometimesHuge(),
    actions: fc.array(action, { maxLength: 30 }),
    sharedBy: fc.constantFrom("123456789012345678", "@everyone"),
  },
  { requiredKeys: ["title"] },
);
const reply: fc.Arbitrary<Reply> = fc.record({
  card,
  visibility: fc.constantFrom("ephemeral" as const, "public" as const),
  isError: fc.boolean(),
});

describe("renderReply properties", () => {
  it("stays within every Discord limit and never carries a live mention", () => {
    fc.assert(
      fc.property(reply, (input) => {
        const message = renderReply(input);
        // The limits counted by check.ts's own code (the message total across embeds included), not the renderer's.
        expect(discordViolations(message)).toEqual([]);
        expect(message.embeds.length).toBeLessThanOrEqual(10);
        const texts: string[] = [];
        for (const embed of message.embeds) {
          expect(embed.title!.length).toBeLessThanOrEqual(256);
          expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
          expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
          for (const field of embed.fields ?? []) {
            expect(field.name.length).toBeGreaterThan(0);
            expect(field.name.length).toBeLessThanOrEqual(256);
            expect(field.value.length).toBeGreaterThan(0);
            expect(field.value.length).toBeLessThanOrEqual(1024);
            texts.push(field.name, field.value);
          }
          expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
          if (embed.url) expect(embed.url.length).toBeLessThanOrEqual(512);
          texts.push(embed.title!, embed.description ?? "", embed.footer?.text ?? "");
        }
        expect(message.components.length).toBeLessThanOrEqual(5);
        const ids = allButtons(message).map((button) => button.custom_id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const row of message.components) {
          expect(row.components.length).toBeGreaterThan(0);
          expect(row.components.length).toBeLessThanOrEqual(5);
          for (const button of row.components) {
            expect(button.custom_id.length).toBeGreaterThan(0);
            expect(button.custom_id.length).toBeLessThanOrEqual(100);
            expect(button.label!.length).toBeGreaterThan(0);
            expect(button.label!.length).toBeLessThanOrEqual(80);
            expect(decodeButton(button.custom_id, ids)).toBeDefined();
            texts.push(button.label!);
          }
        }
        for (const text of texts) {
          expect(text).not.toMatch(LIVE_MENTION);
          expect(hasLoneSurrogate(text)).toBe(false);
        }
        if (input.card.sharedBy === "123456789012345678") expect(message.content).toBe("Shared by <@123456789012345678>");
        else expect(message.content ?? "").not.toMatch(LIVE_MENTION);
      }),
      { numRuns: 150 },
    );
  });
});
