import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The family name the page's font stacks end with, so emoji are drawn in colour on any machine. */
export const EMOJI_FAMILY = "Twemoji";

/**
 * The @font-face of Twemoji, the emoji Discord draws, as npm's twemoji-colr-font ships it: a COLR
 * font, which Chromium draws in colour (Noto Color Emoji's web font is OpenType-SVG, which it
 * draws blank). Inlined as a data URL, so the page file stands alone and loads nothing; ASCII
 * (digits, # and * are keycap bases in the font) stays with the text fonts.
 */
export function emojiFontFace(): string {
  const font = readFileSync(createRequire(import.meta.url).resolve("twemoji-colr-font/twemoji.woff2")).toString("base64");
  return `@font-face { font-family: "${EMOJI_FAMILY}"; src: url(data:font/woff2;base64,${font}) format("woff2"); unicode-range: U+80-10FFFF; }`;
}
