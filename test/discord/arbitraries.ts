import fc from "fast-check";

/** Pieces of text that try every trick: mentions, markdown, escapes, emoji, control characters. */
const tricky = fc.constantFrom(
  "@everyone",
  "@here",
  "@Everyone",
  "<@123456789012345678>",
  "<@!123456789012345678>",
  "<@&987654321098765432>",
  "<#112233445566778899>",
  "</kubecon:1234567890>",
  "**",
  "*",
  "_",
  "__",
  "~~",
  "`",
  "```",
  "||",
  "\\",
  "[click](https://example.com)",
  "# ",
  "\n- ",
  "\n1. ",
  "\n> ",
  "-# ",
  "😀",
  "👩‍👩‍👧",
  "é",
  " ",
  "\n",
  "\t",
  "\u0000",
  "\u200b",
  "@",
  "<",
  ">",
);

export function nastyText(maxPieces = 40): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 10 })), {
      maxLength: maxPieces,
    })
    .map((pieces) => pieces.join(""));
}

/** Very long text now and then, to push every limit. */
export function sometimesHuge(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: nastyText() },
    { weight: 1, arbitrary: fc.tuple(nastyText(10), fc.integer({ min: 50, max: 400 })).map(([t, n]) => (t + " word").repeat(n)) },
  );
}

export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** True when a `**` is left open, or text ends in a lone backslash (an escape cut from its character). */
export function unbalancedMarkup(text: string): boolean {
  let bold = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\\") {
      if (i + 1 >= text.length || text[i + 1] === "…") return true;
      i += 2;
    } else if (text.startsWith("**", i)) {
      bold++;
      i += 2;
    } else i++;
  }
  return bold % 2 !== 0;
}

/** A mention Discord would render live: everyone/here, a user, a role or a channel. */
export const LIVE_MENTION = /@(everyone|here)|<@[!&]?\d+>|<#\d+>/i;
