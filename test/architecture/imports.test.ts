import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const ROOT = projectRoot();
const SRC = join(ROOT, "src");
const ENTRY = join(SRC, "main.ts");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The files a source file imports (static, type-only and dynamic imports), as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specifiers.filter((s) => s.startsWith(".")).map((s) => resolve(dirname(file), s).replace(/\.js$/, ".ts"));
}

/** A file's unit: its folder under src/ (`search`), a file at the top of src/ as itself, anything else by its path. */
function unitOf(file: string): string {
  const path = relative(SRC, file);
  if (path.startsWith("..")) return relative(ROOT, file).split(sep)[0]!;
  return path.split(sep)[0]!;
}

/** The folder-level import graph of src/: an edge for every import between two different units. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = unitOf(file);
    for (const target of importsOf(file)) {
      const to = unitOf(target);
      if (to === from || !target.startsWith(SRC)) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Every cycle's path, found by depth-first search (each reported once, from its smallest unit). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const found = new Map<string, string[]>();
  const walk = (path: string[]) => {
    for (const next of graph.get(path.at(-1)!) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = path.slice(at);
        const start = loop.indexOf([...loop].sort()[0]!);
        const canonical = [...loop.slice(start), ...loop.slice(0, start)];
        found.set(canonical.join(" → "), [...canonical, canonical[0]!]);
      } else walk([...path, next]);
    }
  };
  for (const unit of graph.keys()) walk([unit]);
  return [...found.values()];
}

/** A file's code with its comments taken out (block comments, and `//` comments at a line's start or after a space). */
const codeOf = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");

/** The check, `grep -rE "SLACK_|DISCORD_|slack|discord" src/`, on code only. */
const PLATFORM = /SLACK_|DISCORD_|slack|discord/;

describe("a core that knows no platform", () => {
  it("names none outside comments: no variable, path or message of Slack's or Discord's in src/", () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      codeOf(readFileSync(file, "utf8"))
        .split("\n")
        .filter((line) => PLATFORM.test(line))
        .map((line) => `${relative(ROOT, file)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the check sees a platform in code and none in comments", () => {
    expect(codeOf('const a = "SLACK_TOKEN"; // discord\n/* slack */ fetch("https://x/slack")').match(new RegExp(PLATFORM, "g"))).toEqual(["SLACK_", "slack"]);
  });
});

describe("arrows that point down", () => {
  it("no import cycle between the folders of src/", () => {
    expect(cycles(folderGraph()).map((loop) => loop.join(" → "))).toEqual([]);
  });

  it("the cycle check finds a cycle when there is one", () => {
    const graph = new Map([["cards", new Set(["commands"])], ["commands", new Set(["search", "cards"])], ["search", new Set<string>()]]);
    expect(cycles(graph)).toEqual([["cards", "commands", "cards"]]);
  });

  it("nothing in src/ but the entry point imports from adapters/", () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => file !== ENTRY)
      .flatMap((file) => importsOf(file).filter((target) => relative(ROOT, target).startsWith(`adapters${sep}`)).map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`));
    expect(offenders).toEqual([]);
    // The check sees the entry point's own import of the adapter list.
    expect(importsOf(ENTRY).map((target) => relative(ROOT, target))).toContain(join("adapters", "index.ts"));
  });
});
