import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { projectRoot } from "../../src/paths.js";
import { addressPolicy } from "../../src/sources/address-policy.js";
import { refreshContext } from "../../src/sources/refresher.js";
import { refreshSource } from "../../src/sources/refresh.js";
import { userAgent, userAgentOf } from "../../src/sources/user-agent.js";
import { openSqliteRecapStore } from "../../src/store/sqlite-recap-store.js";
import { startSite } from "./site.js";

const pkg = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { name: string; version: string; repository?: unknown };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the User-Agent of requests to sources", () => {
  it("names the bot and its version, and the contact the operator gives: a URL as it is, an e-mail address as mailto:", () => {
    expect(userAgentOf({ name: "kubecon-bot", version: "1.2.3" }, "https://example.org/our-bot")).toBe("kubecon-bot/1.2.3 (+https://example.org/our-bot)");
    expect(userAgentOf({ name: "kubecon-bot", version: "1.2.3" }, "ops@example.org")).toBe("kubecon-bot/1.2.3 (+mailto:ops@example.org)");
  });

  it("falls back to package.json's repository (or homepage), and without any says plainly that no contact is given", () => {
    expect(userAgentOf({ name: "kubecon-bot", version: "1.2.3", repository: { url: "git+https://git.example/team/kubecon-bot.git" } })).toBe("kubecon-bot/1.2.3 (+https://git.example/team/kubecon-bot)");
    expect(userAgentOf({ name: "kubecon-bot", version: "1.2.3", homepage: "https://example.org/kubecon-bot" })).toBe("kubecon-bot/1.2.3 (+https://example.org/kubecon-bot)");
    expect(userAgentOf({ name: "kubecon-bot", version: "1.2.3", repository: "https://git.example/a/b" }, "ops@example.org")).toBe("kubecon-bot/1.2.3 (+mailto:ops@example.org)");
    expect(userAgentOf({ name: "kubecon-bot", version: "1.2.3" })).toBe("kubecon-bot/1.2.3 (no contact given: its operator has not set SOURCE_CONTACT)");
    // This installation's own package.json, whatever it holds.
    expect(userAgent()).toMatch(pkg.repository ? /^kubecon-bot\/\S+ \(\+\S+\)$/ : /\(no contact given: its operator has not set SOURCE_CONTACT\)$/);
  });

  it("is what a source's site sees, with the configured contact, on robots.txt and every page", async () => {
    const site = await startSite();
    const dir = mkdtempSync(join(tmpdir(), "kubecon-ua-"));
    const store = openSqliteRecapStore(dir);
    const ctx = refreshContext({ store, logger: createLogger("silent"), intervalMs: 3_600_000, contact: "ops@example.org", addresses: addressPolicy({ publicAddresses: ["127.0.0.1"] }), pace: { now: () => 0, sleep: async () => {} } });
    cleanups.push(() => site.close(), () => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => ctx.fetcher.close());
    site.pages.set("/notes.txt", { type: "text/plain; charset=utf-8", body: "KubeCon + CloudNativeCon Europe 2026: notes\n\nGateway API in production.\n" });
    const { source } = await store.addSource({ url: `${site.base}/notes.txt`, kind: "page", addedBy: "test", addedAt: new Date(0) });
    await refreshSource(source, ctx);
    expect(site.requests.map((r) => [r.path, r.headers["user-agent"]])).toEqual([
      ["/robots.txt", `kubecon-bot/${pkg.version} (+mailto:ops@example.org)`],
      ["/notes.txt", `kubecon-bot/${pkg.version} (+mailto:ops@example.org)`],
    ]);
  });
});
