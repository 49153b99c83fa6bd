import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder (the one holding package.json), whether running from src/ or dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export const defaultCorpusDir = (): string => resolve(projectRoot(), "data", "recaps");
export const topicsFile = (): string => resolve(projectRoot(), "data", "topics.yaml");
export const synonymsFile = (): string => resolve(projectRoot(), "data", "synonyms.yaml");
export const eventsFile = (): string => resolve(projectRoot(), "data", "events.yaml");
