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
    expect(message.components.map((row) => row.components.map((b) => [b.label, "custom_id" in b ? b.custom_id : b.url, b.style]))).toEqual([
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

describe("a talk's own link", () => {
  const talkLink = { label: "Watch", url: "https://youtu.be/abc", talk: true };

  it("is a link button (style 5) after the card's and the Details rows, and not repeated in the result's text", () => {
    const card: Card = { ...searchCard, items: [{ ...searchCard.items![0]!, link: talkLink }, { ...searchCard.items![1]!, link: { ...talkLink, label: "Slides", url: "https://example.org/s.pdf" } }] };
    const message = renderReply({ card, visibility: "ephemeral" });
    expect(message.components.at(-1)).toEqual({
      type: 1,
      components: [
        { type: 2, style: 5, label: "Watch 1", url: "https://youtu.be/abc" },
        { type: 2, style: 5, label: "Slides 2", url: "https://example.org/s.pdf" },
      ],
    });
    expect(message.embeds[0]!.fields![0]!.value).not.toContain("youtu.be");
  });

  it("stays text when it cannot be a button: a recap's link, or a URL over Discord's 512", () => {
    const long = `https://example.org/${"v".repeat(520)}`;
    const card: Card = { title: "Seccomp", link: { ...talkLink, url: long }, items: [{ ...searchCard.items![0]! }] };
    const message = renderReply({ card, visibility: "ephemeral" });
    expect(message.components.flatMap((row) => row.components).some((button) => "url" in button)).toBe(false);
    expect(message.embeds[0]!.fields![0]!.value).toContain("[Recap](https://example.com/recap)");
  });

  it("is the talk card's own button", () => {
    const message = renderReply({ card: { title: "Seccomp", link: talkLink, actions: [{ kind: "share", label: "Share", command: "talk x" }] }, visibility: "ephemeral" });
    expect(message.components.map((row) => row.components.map((button) => button.label))).toEqual([["Share"], ["Watch"]]);
    expect(message.embeds[0]!.description ?? "").not.toContain("youtu.be");
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
/** A talk's own link (a link button where it fits) or a recap's, sometimes too long for a button. */
const talkOrSource = fc.record({
  label: sometimesHuge(),
  url: fc.oneof(fc.webUrl(), fc.integer({ min: 480, max: 540 }).map((n) => `https://example.org/${"v".repeat(n)}`)),
  talk: fc.boolean(),
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
          link: talkOrSource,
          details: action,
        },
        { requiredKeys: ["title"] },
      ),
      { maxLength: 30 },
    ),
    fields: fc.array(fc.record({ label: sometimesHuge(), value: sometimesHuge(), inline: fc.boolean() }), { maxLength: 30 }),
    link: talkOrSource,
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
        const ids = allButtons(message).flatMap((button) => ("custom_id" in button ? [button.custom_id] : []));
        expect(new Set(ids).size).toBe(ids.length);
        for (const row of message.components) {
          expect(row.components.length).toBeGreaterThan(0);
          expect(row.components.length).toBeLessThanOrEqual(5);
          for (const button of row.components) {
            if ("url" in button) {
              // A link button: style 5, a URL Discord takes, no custom id.
              expect(button.style).toBe(5);
              expect(button.url).toMatch(/^https?:\/\/\S+$/);
              expect(button.url.length).toBeLessThanOrEqual(512);
            } else {
              expect(button.custom_id.length).toBeGreaterThan(0);
              expect(button.custom_id.length).toBeLessThanOrEqual(100);
              expect(decodeButton(button.custom_id, ids)).toBeDefined();
            }
            expect(button.label!.length).toBeGreaterThan(0);
            expect(button.label!.length).toBeLessThanOrEqual(80);
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
