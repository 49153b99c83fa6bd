import { describe, expect, it } from "vitest";
import { endsSentence } from "../../src/text/sentence.js";

describe("endsSentence", () => {
  it.each([
    ["It works.", true],
    ["Does it work?", true],
    ["It works (mostly)", true],
    ["うまく動きます。", true],
    ["Use a sidecar, ie.", false],
    ["Many tools, e.g.", false],
    ["Flux vs.", false],
    ["It works", false],
    ["A list of things:", false],
  ])("“%s” → %s", (text, expected) => {
    expect(endsSentence(text)).toBe(expected);
  });
});
