import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./browser.js";
import { previewCards } from "./cards.js";
import { previewPage } from "./page.js";

/** Where `npm run preview` writes the page unless told otherwise. */
const DEFAULT_OUT = "var/preview/cards.html";

/**
 * `npm run preview [-- --out FILE] [--screenshot FILE.png]`: writes the card preview page and,
 * with --screenshot, a PNG of its search card (Slack beside Discord) taken in headless Chromium,
 * the picture in docs/development.md.
 */
async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const out = resolve(option("--out") ?? DEFAULT_OUT);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, previewPage(await previewCards()));
  console.log(`card previews: ${out}`);
  const screenshot = option("--screenshot");
  if (!screenshot) return;
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage();
    await page.goto(pathToFileURL(out).href);
    // Text in a font still loading is drawn invisible: the picture waits for the emoji font.
    await page.$eval("html", async (html) => void (await html.ownerDocument.fonts.ready));
    mkdirSync(dirname(resolve(screenshot)), { recursive: true });
    await page.locator('section[data-kind="search"]').screenshot({ path: screenshot });
    console.log(`screenshot: ${resolve(screenshot)}`);
  } finally {
    await chromium.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
