import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../paths.js";

/**
 * The User-Agent of every request to a source: the bot's name and version, and where to read about
 * it (package.json's repository, else its homepage), so a site's owner knows who is asking.
 * robots.txt rules are matched on the name before the slash.
 */
export function userAgent(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { name: string; version: string; repository?: string | { url?: string }; homepage?: string };
  const repository = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  const about = (repository ?? pkg.homepage)?.replace(/^git\+/, "").replace(/\.git$/, "");
  return `${pkg.name}/${pkg.version} (+${about ?? `${pkg.name} repository`})`;
}
