import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../paths.js";

/** What the User-Agent reads of package.json. */
export interface PackageFacts {
  name: string;
  version: string;
  repository?: string | { url?: string };
  homepage?: string;
}

/**
 * The User-Agent of every request to a source: the bot's name and version, and where a site's owner
 * reaches whoever runs it: SOURCE_CONTACT (a URL or an e-mail address), else package.json's
 * repository or homepage. Without any, it says so rather than point nowhere. robots.txt rules are
 * matched on the name before the slash.
 */
export function userAgentOf(pkg: PackageFacts, contact?: string): string {
  const repository = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  const about = contact ?? (repository ?? pkg.homepage)?.replace(/^git\+/, "").replace(/\.git$/, "");
  if (!about) return `${pkg.name}/${pkg.version} (no contact given: its operator has not set SOURCE_CONTACT)`;
  return `${pkg.name}/${pkg.version} (+${about.includes("@") && !about.includes("://") ? `mailto:${about}` : about})`;
}

/** The User-Agent of this installation (its package.json). */
export const userAgent = (contact?: string) => userAgentOf(JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as PackageFacts, contact);
