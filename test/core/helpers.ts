import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { RichText } from "../../src/cards/card.js";
import type { CommandContext } from "../../src/commands/context.js";
import { loadBot } from "../../src/app/load-bot.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { loadCorpus, type Corpus } from "../../src/corpus/corpus.js";
import { formatRecapFile } from "../../src/corpus/recap-file.js";
import type { Section } from "../../src/corpus/section.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import { defaultCorpusDir, projectRoot, topicsFile } from "../../src/paths.js";

export const SHIPPED_RECAPS = defaultCorpusDir();

export const CONTEXT: CommandContext = { platform: "test", userId: "U1", channelId: "C1", can: { manageChannel: true, channelPosts: true } };

/** The shipped corpus, loaded the way the bot loads it. */
export function loadShipped(): Corpus {
  return loadCorpus(SHIPPED_RECAPS, loadTopics(topicsFile()));
}

/** A logger whose lines are kept in memory, so a test can check what was (or was not) logged. */
export function memoryLogger(): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("debug", sink), lines: () => chunks.join("").split("\n").filter(Boolean) };
}

/** A bot over a corpus of its own, one short recap per language (all of one event), removed afterwards. */
export async function withRecapsIn(recaps: readonly { id: string; language: string; body: string }[], use: (bot: LoadedBot) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-recaps-"));
  try {
    for (const { id, language, body } of recaps) {
      writeFileSync(join(dir, `${id}.md`), formatRecapFile({ id, title: id, event: "KubeCon Japan 2025", event_id: "jp-2025", year: 2025, language }, body));
    }
    await use(await loadBot({ corpusDir: dir, logger: memoryLogger().logger }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function shippedBot(): Promise<LoadedBot> {
  return loadBot({ logger: memoryLogger().logger, random: () => 0 });
}

/** A section of a made-up recap, for engine tests on a corpus whose every word is known. */
export function sectionOf(fields: Partial<Section> & { id: string; title: string; text: string }): Section {
  return {
    kind: "talk",
    recapId: fields.id.split("--")[0]!,
    talk: fields.title,
    speakers: [],
    event: "KubeCon Test",
    eventId: "test-2024",
    year: 2024,
    language: "en",
    tags: [],
    bullets: fields.text.split("\n").map((text) => ({ text, depth: 1 })),
    ...fields,
  };
}

export const strongWords = (text: RichText): string[] => text.filter((run) => run.strong).map((run) => run.text);

/** The `kubecon` command as it ships: the bundle `npm run kubecon` runs (rolldown.config.ts). */
export const KUBECON_CLI = join(projectRoot(), "dist", "src", "bundle", "kubecon.js");

/** Builds the project once when the command line has not been built yet. */
export function ensureBuilt(): void {
  if (existsSync(KUBECON_CLI)) return;
  // tsc writes dist/ even when files owned by others still have type errors; only the output matters here.
  spawnSync("npm", ["run", "--silent", "build"], { cwd: projectRoot(), encoding: "utf8", timeout: 120_000 });
  if (!existsSync(KUBECON_CLI)) throw new Error(`npm run build did not produce ${KUBECON_CLI}`);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kubecon <args>` as its own process, the way a user or the eval script does. */
export function kubecon(args: readonly string[], input?: string): CliResult {
  const run = spawnSync(process.execPath, [KUBECON_CLI, ...args], {
    cwd: projectRoot(),
    input,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: "warn", CORPUS_DIR: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
