import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, linkUrl, neutralizeMentions, plainText } from "../../adapters/discord/escape.js";
import { LIVE_MENTION, nastyText } from "./arbitraries.js";

describe("escapeMarkdown", () => {
  it("escapes inline markdown characters", () => {
    expect(escapeMarkdown("**bold** _it_ ~~s~~ `c` ||sp|| [l](u)")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[l\\](u)",
    );
  });

  it("escapes what starts a heading, quote or list at the start of a line", () => {
    expect(escapeMarkdown("# Title\n- item\n  + sub\n12. numbered\n> quote")).toBe(
      "\\# Title\n\\- item\n  \\+ sub\n12\\. numbered\n\\> quote",
    );
  });

  it("breaks mentions of everyone, users, roles and channels", () => {
    const text = "@everyone @here <@123456789012345678> <@&42424242424242> <#111111111111111111>";
    expect(escapeMarkdown(text)).not.toMatch(LIVE_MENTION);
    expect(plainText(text)).not.toMatch(LIVE_MENTION);
  });

  it("turns control characters into spaces but keeps line breaks", () => {
    expect(plainText("a\u0000b\tc\r\nd")).toBe("a b c\nd");
  });

  it("never leaves a live mention in any text", () => {
    fc.assert(
      fc.property(nastyText(), (text) => {
        expect(escapeMarkdown(text)).not.toMatch(LIVE_MENTION);
        expect(neutralizeMentions(text)).not.toMatch(LIVE_MENTION);
      }),
    );
  });
});

describe("linkUrl", () => {
  it("keeps http(s) links, encoding what would end a masked link", () => {
    expect(linkUrl("https://en.wikipedia.org/wiki/Kubernetes_(software) x")).toBe(
      "https://en.wikipedia.org/wiki/Kubernetes_%28software%29%20x",
    );
  });

  it("refuses other schemes", () => {
    expect(linkUrl("javascript:alert(1)")).toBeUndefined();
  });
});
