import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../adapters/discord/escape.js";
import { ELLIPSIS, truncate } from "../../adapters/discord/limits.js";
import { hasLoneSurrogate, nastyText, unbalancedMarkup } from "./arbitraries.js";

describe("truncate", () => {
  it("returns text that fits unchanged", () => {
    expect(truncate("short text", 10)).toBe("short text");
  });

  it("cuts on the last word boundary and adds an ellipsis", () => {
    expect(truncate("Kubernetes everywhere: lessons learned", 25)).toBe("Kubernetes everywhere:" + ELLIPSIS);
  });

  it("prefers a bullet boundary when it keeps half of the room", () => {
    const text = "- first bullet is here\n- second bullet is rather longer";
    expect(truncate(text, 40)).toBe("- first bullet is here" + ELLIPSIS);
  });

  it("never splits a surrogate pair", () => {
    const text = "😀".repeat(10);
    const cut = truncate(text, 6);
    expect(cut).toBe("😀😀" + ELLIPSIS);
  });

  it("never splits a backslash escape from the character it escapes", () => {
    const cut = truncate(escapeMarkdown("a*b*c*d*e*f*g*h"), 6);
    expect(cut.endsWith("\\" + ELLIPSIS)).toBe(false);
    expect(cut.length).toBeLessThanOrEqual(6);
  });

  it("closes a bold span it cuts through", () => {
    expect(truncate("see **extended Berkeley packet filter** here", 30)).toBe("see **extended Berkeley**" + ELLIPSIS);
  });

  it("drops a bold span that would be left empty", () => {
    expect(truncate("word **abcdefghijklmnopqrstuvwxyz**", 9)).toBe("word" + ELLIPSIS);
  });

  it("never cuts inside a masked link", () => {
    const text = "Source: [the recap](https://example.com/a/very/long/path) and more";
    expect(truncate(text, 40)).toBe("Source:" + ELLIPSIS);
  });

  it("keeps any escaped text within the limit, well formed and balanced", () => {
    fc.assert(
      fc.property(nastyText(), fc.integer({ min: 1, max: 300 }), (raw, max) => {
        const text = escapeMarkdown(raw);
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(hasLoneSurrogate(cut)).toBe(false);
        expect(unbalancedMarkup(cut)).toBe(false);
        if (text.length <= max) expect(cut).toBe(text);
        else expect(cut.endsWith(ELLIPSIS)).toBe(true);
      }),
    );
  });
});
