import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import chromiumBuild from "@sparticuz/chromium";
import { chromium, type BrowserContext } from "playwright-core";

/** Flags that keep a headless run local: no GPU, no QUIC, no first-run, no network of its own. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The window the previews are drawn in: the width of a laptop's browser window. */
export const WINDOW = { width: 1200, height: 900 };

export interface HeadlessChromium {
  /** The browser's one context, on the fresh profile (`--user-data-dir`). */
  browser: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile directory, removed again on close. The browser is npm's:
 * @sparticuz/chromium ships a headless Chromium build (and a font) inside its tarball and unpacks
 * it into the temporary folder on first use; playwright-core drives it and downloads nothing.
 * Nothing is looked for on PATH or in the system's folders.
 */
export async function launchChromium(): Promise<HeadlessChromium> {
  const executablePath = await chromiumBuild.executablePath();
  const profile = mkdtempSync(join(tmpdir(), "kubecon-chromium-"));
  // The fonts unpacked beside the build (its fonts.conf names that folder), so no system font is needed or used.
  const env = { ...process.env, FONTCONFIG_PATH: join(tmpdir(), "fonts") };
  // Playwright passes the profile as --user-data-dir itself.
  const browser = await chromium.launchPersistentContext(profile, { executablePath, env, headless: true, args: FLAGS, viewport: WINDOW });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
