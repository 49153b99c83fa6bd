import { describe, expect, it } from "vitest";
import { ELLIPSIS, truncate } from "../../adapters/slack/limits.js";

describe("truncate", () => {
  it("returns text that fits unchanged", () => {
    expect(truncate("short text", 10)).toBe("short text");
  });

  it("cuts on a word boundary and adds an ellipsis", () => {
    const cut = truncate("the quick brown fox jumps over the lazy dog", 18);
    expect(cut).toBe(`the quick brown${ELLIPSIS}`);
    expect(cut.length).toBeLessThanOrEqual(18);
  });

  it("prefers a bullet boundary when one is near", () => {
    const text = "• first bullet here\n• second bullet that is long";
    expect(truncate(text, 30)).toBe(`• first bullet here${ELLIPSIS}`);
  });

  it("cuts a long unbroken token hard rather than losing everything", () => {
    const cut = truncate("x".repeat(100), 10);
    expect(cut).toBe(`${"x".repeat(9)}${ELLIPSIS}`);
  });

  it("never splits a surrogate pair", () => {
    const text = "😀".repeat(20);
    for (let max = 1; max < 40; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it("never splits an emoji sequence joined by ZWJ", () => {
    const family = "👩‍👩‍👧‍👦";
    const cut = truncate(`${family}${family}`, family.length + 3);
    expect(cut).toBe(`${family}${ELLIPSIS}`);
  });

  it("never splits an escape entity", () => {
    const text = "a".repeat(8) + "&amp;" + "b".repeat(20);
    for (let max = 9; max < 15; max++) {
      const cut = truncate(text, max).slice(0, -ELLIPSIS.length);
      expect(cut.endsWith("&") || /&a?m?p?$/.test(cut)).toBe(false);
    }
  });

  it("never splits a link or mention token", () => {
    const text = "see <https://example.org/a|Source> and more words after it";
    const cut = truncate(text, 20);
    expect(cut).toBe(`see${ELLIPSIS}`);
  });

  it("returns nothing when not even the ellipsis fits", () => {
    expect(truncate("abc", 0)).toBe("");
  });
});
