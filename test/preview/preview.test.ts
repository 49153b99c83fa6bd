import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WINDOW, launchChromium, type HeadlessChromium } from "./browser.js";
import { previewCards, type PreviewCard } from "./cards.js";
import { EMOJI_FAMILY } from "./emoji-font.js";
import { previewPage } from "./page.js";

const KINDS = ["search", "talk", "event", "events", "topics", "takeaway", "daily post", "help", "error: no result", "error: mistyped command", "error: bad daily time"];

let chromium: HeadlessChromium;
let page: Page;
let cards: PreviewCard[];
let dir: string;

beforeAll(async () => {
  cards = await previewCards();
  dir = mkdtempSync(join(tmpdir(), "kubecon-preview-test-"));
  const file = join(dir, "cards.html");
  writeFileSync(file, previewPage(cards));
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  await page.goto(pathToFileURL(file).href);
});

afterAll(async () => {
  await chromium?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("card previews in headless Chromium", () => {
  it("has every kind of card, each from the core's real answer", () => {
    const kinds = cards.map((card) => card.kind);
    for (const kind of KINDS) expect(kinds).toContain(kind);
    const byKind = new Map(cards.map((card) => [card.kind, card.reply]));
    expect(byKind.get("search")!.card.items!.length).toBeGreaterThan(0);
    expect(byKind.get("error: no result")!.card.notice).toMatch(/No talk matched/);
    expect(byKind.get("error: mistyped command")!.isError).toBe(true);
    expect(byKind.get("error: bad daily time")!.isError).toBe(true);
  });

  it("renders each card for Slack and for Discord, with its title, within the platform's limits", async () => {
    const rendered = await page.$$eval(".card", (elements) =>
      elements.map((element) => ({
        platform: element.getAttribute("data-platform"),
        problems: Number(element.getAttribute("data-problems")),
        height: element.getBoundingClientRect().height,
        title: element.querySelector(".s-header, .d-title")?.textContent?.trim() ?? "",
        unknown: element.querySelectorAll(".unknown").length,
        verdict: element.querySelector(".verdict")?.textContent ?? "",
      })),
    );
    expect(rendered).toHaveLength(cards.length * 2);
    for (const card of rendered) {
      expect(card.height).toBeGreaterThan(40);
      expect(card.title).not.toBe("");
      expect(card.unknown).toBe(0);
      expect(card.problems, card.verdict).toBe(0);
    }
  });

  it("lets nothing overflow its message box", async () => {
    const overflowing = await page.$$eval(".s-message, .d-message", (messages) =>
      messages.flatMap((message) => {
        const box = message.getBoundingClientRect();
        return [...message.querySelectorAll("*")].flatMap((element) => {
          const rect = element.getBoundingClientRect();
          const clipped = element.scrollWidth > element.clientWidth + 1 && element.ownerDocument.defaultView!.getComputedStyle(element).overflowX !== "visible";
          const outside = rect.width > 0 && (rect.right > box.right + 0.5 || rect.left < box.left - 0.5);
          return outside || (clipped && !element.matches(".s-button, .d-button")) ? [`${element.className || element.tagName}: ${element.textContent?.slice(0, 60)}`] : [];
        });
      }),
    );
    expect(overflowing).toEqual([]);
  });

  it("draws matched words in bold and buttons as buttons", async () => {
    const search = page.locator('section[data-kind="search"]');
    expect(await search.locator(".s-text b").count()).toBeGreaterThan(0);
    expect(await search.locator(".d-field-value b").count()).toBeGreaterThan(0);
    expect(await search.locator(".s-button").count()).toBeGreaterThan(2);
    expect(await search.locator(".d-button").count()).toBeGreaterThan(2);
  });

  it("fits a 1200-pixel window: nothing scrolls sideways", async () => {
    const width = await page.$eval("html", (html) => ({ page: html.scrollWidth, window: html.clientWidth }));
    expect(width.window).toBeLessThanOrEqual(WINDOW.width);
    expect(width.page).toBeLessThanOrEqual(width.window);
  });

  it("draws 👍 and 👎 in the colour emoji font the page carries, not as empty boxes", async () => {
    await page.$eval("html", async (html) => void (await html.ownerDocument.fonts.ready));
    // What Chromium really drew each vote button's text with (DevTools' "Rendered Fonts").
    const devtools = await chromium.browser.newCDPSession(page);
    await devtools.send("DOM.enable");
    await devtools.send("CSS.enable");
    const { root } = await devtools.send("DOM.getDocument", { depth: -1 });
    const { nodeIds } = await devtools.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: 'section[data-kind="search"] .s-button, section[data-kind="search"] .d-button' });
    const votes: string[][] = [];
    for (const nodeId of nodeIds) {
      const { node } = await devtools.send("DOM.describeNode", { nodeId, depth: -1 });
      if (!/👍|👎/u.test(JSON.stringify(node.children ?? []))) continue;
      const { fonts } = await devtools.send("CSS.getPlatformFontsForNode", { nodeId });
      // The page's one web font is the emoji font (named by its own name table there).
      votes.push(fonts.filter((font) => font.isCustomFont).map((font) => font.familyName));
    }
    // Slack's and Discord's 👍 and 👎.
    expect(votes).toHaveLength(4);
    for (const webFonts of votes) expect(webFonts).toHaveLength(1);
    // And the font draws them in colour: a glyph-less or monochrome font paints no coloured pixel.
    const coloured = await page.$eval(
      "html",
      (html, family) => {
        const canvas = html.ownerDocument.createElement("canvas");
        canvas.width = canvas.height = 48;
        const context = canvas.getContext("2d")!;
        return ["👍", "👎"].map((emoji) => {
          context.clearRect(0, 0, 48, 48);
          context.font = `40px "${family}"`;
          context.fillText(emoji, 0, 40);
          const pixels = context.getImageData(0, 0, 48, 48).data;
          let count = 0;
          for (let at = 0; at < pixels.length; at += 4) {
            const [red, green, blue, alpha] = [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!, pixels[at + 3]!];
            if (alpha > 200 && Math.max(red, green, blue) - Math.min(red, green, blue) > 80) count++;
          }
          return count;
        });
      },
      EMOJI_FAMILY,
    );
    for (const count of coloured) expect(count).toBeGreaterThan(100);
  });
});
