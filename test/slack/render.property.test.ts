import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ELLIPSIS, truncate } from "../../adapters/slack/limits.js";
import { renderCard } from "../../adapters/slack/render.js";
import type { Card, CardAction, CardItem, Paragraph, RichText } from "../../src/cards/card.js";
import { violations } from "./check.js";

/** Pieces that attack a Slack renderer: mentions, markup, entities, emoji, surrogates, controls. */
const hostilePiece = fc.oneof(
  fc.constantFrom(
    "<!channel>", "<!here>", "<!everyone>", "<@U123>", "<@U123|bob>", "<!subteam^S1>", "<!subteam^S1|@team>", "<#C1|general>",
    "<!date^1392734382^{date}|x>", "<https://evil.example|click>", "@here", "@channel", "#general",
    "*", "_", "~", "`", "```", ">", "<", "&", "&amp;", "&lt;", "&#60;", "|", "\n", "\n\n", "\t", "\u0000", "\u001b[31m",
    "😀", "👩‍👩‍👧‍👦", "🇫🇷", "e\u0301", "\ud800", "\udc00", "\u200d", "\ufe0f", "漢字", "عربى",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.array(hostilePiece, { maxLength: 30 }).map((pieces) => pieces.join("")) },
  // Huge strings: one piece repeated, with and without spaces to cut at.
  { weight: 1, arbitrary: fc.tuple(hostilePiece, fc.integer({ min: 100, max: 4000 }), fc.boolean()).map(([piece, n, spaced]) => Array(n).fill(piece).join(spaced ? " " : "")) },
);

const richText: fc.Arbitrary<RichText> = fc.array(fc.record({ text: hostileText, strong: fc.boolean() }), { maxLength: 6 });
const url = fc.oneof(
  fc.webUrl(),
  hostileText.map((text) => `https://example.org/${text}`),
  hostileText,
  fc.integer({ min: 2900, max: 3100 }).map((n) => `https://example.org/${"v".repeat(n)}`),
);
const link = fc.record({ label: hostileText, url, talk: fc.boolean() });
const action: fc.Arbitrary<CardAction> = fc.record({
  kind: fc.constantFrom("command" as const, "share" as const),
  label: hostileText,
  command: fc.oneof(hostileText, fc.string({ minLength: 1900, maxLength: 2100 })),
  style: fc.constantFrom("primary" as const, "default" as const, undefined),
});
const item: fc.Arbitrary<CardItem> = fc.record(
  { title: hostileText, meta: hostileText, snippet: richText, link, details: action },
  { requiredKeys: ["title"] },
);
const paragraph: fc.Arbitrary<Paragraph> = fc.record({ text: richText, depth: fc.integer({ min: 0, max: 3 }) });
const validUser = fc.stringMatching(/^U[A-Z0-9]{8,10}$/);

const card: fc.Arbitrary<Card> = fc.record(
  {
    title: hostileText,
    subtitle: hostileText,
    body: fc.array(paragraph, { maxLength: 40 }),
    items: fc.array(item, { maxLength: 30 }),
    fields: fc.array(fc.record({ label: hostileText, value: hostileText, inline: fc.boolean() }), { maxLength: 25 }),
    link,
    notice: hostileText,
    footer: hostileText,
    actions: fc.array(action, { maxLength: 30 }),
    sharedBy: fc.oneof(validUser, hostileText),
  },
  { requiredKeys: ["title"] },
);

describe("rendering hostile cards", () => {
  it("stays within every Block Kit limit and never carries a live mention", () => {
    fc.assert(
      fc.property(card, (generated) => {
        const message = renderCard(generated);
        const sharer = generated.sharedBy && /^[UW][A-Z0-9]{2,20}$/.test(generated.sharedBy) ? generated.sharedBy : undefined;
        expect(violations(message, sharer)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a well-formed title's text as a prefix of the header", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }).filter((title) => /^[a-z ]*[a-z][a-z ]*$/.test(title)), (title) => {
        const header = (renderCard({ title }).blocks[0] as { text: { text: string } }).text.text;
        expect(title.replace(/\s+/g, " ").trim().startsWith(header.replace(ELLIPSIS, "").trimEnd())).toBe(true);
      }),
    );
  });
});

describe("truncate on any text", () => {
  it("fits, ends with the ellipsis when cut, and keeps a prefix of the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (cut === text) return;
        expect(cut.endsWith(ELLIPSIS)).toBe(true);
        expect(text.startsWith(cut.slice(0, -ELLIPSIS.length))).toBe(true);
        expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }),
    );
  });
});
