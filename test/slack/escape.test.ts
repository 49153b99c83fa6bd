import { describe, expect, it } from "vitest";
import { escapeText, link, richToMrkdwn, userMention } from "../../adapters/slack/escape.js";
import { ELLIPSIS } from "../../adapters/slack/limits.js";

describe("escapeText", () => {
  it("turns the three control characters into entities, ampersand first", () => {
    expect(escapeText("a & b <c> &lt;")).toBe("a &amp; b &lt;c&gt; &amp;lt;");
  });

  it("neutralises every mention form", () => {
    for (const mention of ["<!channel>", "<!here>", "<!everyone>", "<@U123>", "<!subteam^S1>", "<#C1|general>"]) {
      expect(escapeText(mention)).not.toContain("<");
    }
  });
});

describe("richToMrkdwn", () => {
  it("sets strong runs in bold and escapes every run", () => {
    const { text, cut } = richToMrkdwn([{ text: "about " }, { text: "<eBPF>", strong: true }, { text: " & more" }], 100);
    expect(text).toBe("about *&lt;eBPF&gt;* &amp; more");
    expect(cut).toBe(false);
  });

  it("keeps the whitespace of a strong run outside the markers", () => {
    expect(richToMrkdwn([{ text: "a" }, { text: " word ", strong: true }, { text: "b" }], 100).text).toBe("a *word* b");
  });

  it("does not bold a run holding its own asterisk", () => {
    expect(richToMrkdwn([{ text: "a*b", strong: true }], 100).text).toBe("a*b");
  });

  it("closes the bold marker when the cut falls inside a strong run", () => {
    const { text, cut } = richToMrkdwn([{ text: "lead " }, { text: "matched words that go on and on", strong: true }], 25);
    expect(cut).toBe(true);
    expect(text.length).toBeLessThanOrEqual(25);
    expect(text).toMatch(/^lead \*[^*]+\*…$/);
  });

  it("stops after the first run that does not fit", () => {
    const { text, cut } = richToMrkdwn([{ text: "one two three four five" }, { text: " six", strong: true }], 12);
    expect(cut).toBe(true);
    expect(text).toBe(`one two${ELLIPSIS}`);
  });
});

describe("userMention and link", () => {
  it("mentions a Slack user id and escapes anything else", () => {
    expect(userMention("U0123ABC")).toBe("<@U0123ABC>");
    expect(userMention("<!channel>")).toBe("&lt;!channel&gt;");
    // Not a user id however much it looks like one: ids are short.
    expect(userMention("W".repeat(100))).not.toContain("<@");
  });

  it("links http(s) addresses only, with the label escaped", () => {
    expect(link("https://example.org/a?b=1&c=2", "Source <x>")).toBe("<https://example.org/a?b=1&amp;c=2|Source &lt;x&gt;>");
    expect(link("javascript:alert(1)", "Source")).toBe("Source");
    expect(link("https://example.org/a|b", "x")).toBe("<https://example.org/a%7Cb|x>");
    // A label of control characters and spaces is no label: never an empty-looking text.
    expect(link("not a url", "\u0000 \u0000 \u0000")).toBe("link");
  });
});
