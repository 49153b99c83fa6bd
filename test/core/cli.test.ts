import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRecapFile } from "../../src/corpus/recap-file.js";
import { projectRoot } from "../../src/paths.js";
import { BLOG_PAGE } from "../ingest/fixtures.js";
import { KUBECON_CLI, ensureBuilt, kubecon, loadShipped } from "./helpers.js";

const RESULT_KEYS = ["id", "recapId", "title", "talk", "speakers", "event", "year", "language", "tags", "score", "snippet", "text"];
const STACK_LINE = /^\s+at .+[:(]\d+/m;

let scratch: string;
beforeAll(() => {
  ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), "kubecon-cli-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const jsonLines = (stdout: string) => stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

describe("kubecon search --json", () => {
  it("prints one JSON object with the documented keys", () => {
    const run = kubecon(["search", "ebpf", "--json", "--limit", "3"]);
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    const answer = lines[0] as { query: string; total: number; results: Record<string, unknown>[] };
    expect(answer.query).toBe("ebpf");
    expect(answer.total).toBeGreaterThanOrEqual(3);
    expect(answer.results).toHaveLength(3);
    for (const result of answer.results) {
      for (const key of RESULT_KEYS) expect(result, key).toHaveProperty(key);
      expect(result).toMatchObject({
        id: expect.stringMatching(/^[a-z0-9-]+--[a-z0-9-]+$/),
        speakers: expect.any(Array),
        year: expect.any(Number),
        language: expect.stringMatching(/^[a-z]{2}$/),
        tags: expect.any(Array),
        score: expect.any(Number),
        text: expect.any(String),
      });
      if ("url" in result) expect(result.url).toMatch(/^https?:\/\//);
    }
    // The snippet marks matched words as Markdown bold.
    expect(answer.results.some((r) => /\*\*e?BPF\*\*/i.test(String(r.snippet)))).toBe(true);
    const scores = answer.results.map((r) => r.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("gives a section's full text and display title, the same as `sections --json`", () => {
    const [answer] = jsonLines(kubecon(["search", "apparmor", "--json", "--limit", "1"]).stdout) as [{ results: Record<string, unknown>[] }];
    const hit = answer.results[0]!;
    expect(hit.title).toBe("Notes on security › AppArmor");
    expect(hit.talk).toBe("AppArmor");
    expect(hit.kind).toBe("talk");
    const section = loadShipped().sections.find((s) => s.id === hit.id)!;
    expect(hit.text).toBe(section.text);
  });

  it("answers one line per input line, in order, an empty line with an error object", () => {
    const queries = ["ebpf", "gitops", "", "service mesh year:2022", "the and of", "operators"];
    const run = kubecon(["search", "--json", "--stdin", "--limit", "2"], `${queries.join("\n")}\n`);
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.query)).toEqual(queries);
    expect(lines[2]).toMatchObject({ total: 0, results: [], error: "search needs words to search for, like: kubecon search ebpf" });
    for (const i of [0, 1, 3, 5]) expect((lines[i]!.results as unknown[]).length, queries[i]).toBeGreaterThan(0);
    expect((lines[3]!.results as { year: number }[]).every((r) => r.year === 2022)).toBe(true);
    expect(lines[4]).toMatchObject({ total: 0, results: [] });
  });

  it("answers a bad option or filter with one JSON line {error} and a non-zero exit", () => {
    for (const [args, error] of [
      [["search", "ebpf", "--json", "--limit", "0"], "--limit must be a whole number from 1 to 1000, not “0”"],
      [["search", "ebpf", "event:eu-1999", "--json"], "There is no event “eu-1999”. Known events: eu-2016, eu-2018, eu-2021, eu-2022, na-2020."],
      [["search", "ebpf", "year:1999", "--json"], "`year` must be a whole number from 2014 to 2100, not “1999”. Try `search ebpf`."],
      [["search", "ebpf", "--json", "--bogus"], "there is no option --bogus; kubecon --help lists them"],
      [["events", "--json"], "--json works with search, sections, takeaways and feedback"],
    ] as const) {
      const run = kubecon(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout).toBe(`${JSON.stringify({ error })}\n`);
      expect(run.stderr).toBe("");
    }
  });
});

describe("kubecon sections --json", () => {
  it("prints every section of the corpus, one JSON object a line", () => {
    const run = kubecon(["sections", "--json"]);
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.id)).toEqual(loadShipped().sections.map((s) => s.id));
    for (const line of lines) {
      for (const key of RESULT_KEYS.filter((k) => k !== "score" && k !== "snippet")) expect(line, key).toHaveProperty(key);
    }
  });
});

describe("the same options with and without --json", () => {
  it("--limit cuts the text answer too", () => {
    const run = kubecon(["search", "ebpf", "--limit", "2"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^KubeCon talks on “ebpf”/);
    expect(run.stdout).toMatch(/\n2\. /);
    expect(run.stdout).not.toMatch(/\n3\. /);
    expect(run.stdout).toMatch(/\nResults 1–2 of \d+\n$/);
  });

  it("--stdin answers each line as text", () => {
    const run = kubecon(["search", "--stdin", "--limit", "1"], "ebpf\n\ngitops\n");
    expect(run.status).toBe(0);
    const answers = run.stdout.trim().split(/\n\n(?=KubeCon talks on|: )/);
    expect(run.stdout).toContain("KubeCon talks on “ebpf”");
    expect(run.stdout).toContain(": search needs words to search for, like: kubecon search ebpf");
    expect(run.stdout).toContain("KubeCon talks on “gitops”");
    expect(answers.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the README", () => {
  it("shows the real output of the sample command it names", () => {
    const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
    const sample = /`npm run --silent kubecon -- search rootless containers --limit 3` prints[^`]*```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(sample).toBeDefined();
    expect(kubecon(["search", "rootless", "containers", "--limit", "3"]).stdout).toBe(sample);
  });
});

describe("an event's talks, every one of them", () => {
  it("event <id> pages over all its talks with Previous/Next, the recap's own notes left out", () => {
    const total = loadShipped().sections.filter((s) => s.eventId === "eu-2018" && s.kind === "talk").length;
    const first = kubecon(["event", "eu-2018"]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Sections 1–10 of ${total} · page 1 of ${Math.ceil(total / 10)}`);
    expect(first.stdout).toContain("[Next ▶: event eu-2018 page:2]");
    const second = kubecon(["event", "eu-2018", "page:2"]);
    expect(second.stdout).toContain(`Sections 11–${Math.min(20, total)} of ${total}`);
    expect(second.stdout).toContain("[◀ Previous: event eu-2018]");
  });

  it("search event:<id> with no words lists that event's sections", () => {
    const run = kubecon(["search", "event:eu-2018"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(kubecon(["event", "eu-2018"]).stdout.split("\n")[0]);
    expect(run.stdout).toContain("[Next ▶: search event:eu-2018 page:2]");
  });
});

describe("kubecon errors", () => {
  it("answers a mistyped command with did you mean and a non-zero exit", () => {
    const run = kubecon(["serch", "ebpf"]);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("Did you mean `search`?");
  });

  it("answers an unknown event id with the known ones and a non-zero exit", () => {
    const run = kubecon(["event", "eu-1999"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("kubecon: There is no event “eu-1999”. Known events: eu-2016, eu-2018, eu-2021, eu-2022, na-2020.\n");
  });

  it("exits non-zero with a one-line message and no stack trace for a corpus that does not exist", () => {
    const missing = join(scratch, "nonexistent");
    const run = kubecon(["search", "ebpf", "--corpus", missing]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(`kubecon: Corpus directory ${missing} does not exist. Point --corpus (or CORPUS_DIR) at a folder of recap .md files.`);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("says so in our own words, on one line of stderr, for an unknown option, a missing value or a misplaced one", () => {
    for (const [args, line] of [
      [["search", "ebpf", "--bogus"], "kubecon: there is no option --bogus; kubecon --help lists them"],
      [["search", "ebpf", "--limit"], "kubecon: --limit needs a value, like --limit 3"],
      [["events", "--limit", "3"], "kubecon: --limit works with search only: kubecon search <query> --limit 3"],
      [["events", "--stdin"], "kubecon: --stdin works with search only: kubecon search <query> --stdin"],
    ] as const) {
      const run = kubecon(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`${line}\n`);
    }
  });

  it("answers plain commands as text with exit 0", () => {
    const run = kubecon(["search", "stop", "writing", "operators"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("KubeCon talks on “stop writing operators”");
    expect(run.stdout).toContain("1. Stop Writing Operators");
  });
});

describe("kubecon ingest", () => {
  const FRENCH = [
    "KubeCon Europe 2023 : mes notes du jour 2",
    "",
    "Une journée dense à Amsterdam, avec beaucoup de présentations sur la sécurité et le réseau.",
    "",
    "Securing Supply Chains with Sigstore - Ann Lee, Chainguard",
    "La signature des images devient la norme dans les entreprises.",
    "Les attestations accompagnent chaque construction.",
    "",
    "Scaling Prometheus Without Tears - Bob Ray, Grafana Labs",
    "Le stockage à long terme passe par Mimir, et la haute disponibilité aussi.",
    "",
  ].join("\n");

  it("writes a corpus file with front matter and the body verbatim, detects French, and prints the sections", () => {
    const corpusDir = mkdtempSync(join(scratch, "corpus-"));
    const source = join(scratch, "jour-2.txt");
    writeFileSync(source, FRENCH);
    const run = kubecon(["ingest", source, "--corpus", corpusDir, "--event-id", "eu-2023", "--event", "KubeCon Europe 2023"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);

    const [file, ...others] = readdirSync(corpusDir);
    expect(others).toEqual([]);
    const written = readFileSync(join(corpusDir, file!), "utf8");
    expect(written.startsWith("---\n")).toBe(true);
    expect(written.endsWith(`\n---\n${FRENCH}`)).toBe(true);
    const recap = parseRecapFile(file!, written);
    expect(recap).toMatchObject({ language: "fr", year: 2023, eventId: "eu-2023", event: "KubeCon + CloudNativeCon Europe 2023", title: "KubeCon Europe 2023 : mes notes du jour 2", body: FRENCH });

    expect(run.stdout).toContain(`Wrote ${join(corpusDir, file!)}`);
    expect(run.stdout).toContain("language fr");
    expect(run.stdout).toContain("2 talks found");
    expect(run.stdout).toContain("  - Securing Supply Chains with Sigstore (Ann Lee, Chainguard)");
    expect(run.stdout).toContain("  - Scaling Prometheus Without Tears (Bob Ray, Grafana Labs)");

    // The new file is a corpus file like the shipped ones: search finds it.
    const search = jsonLines(kubecon(["search", "sigstore", "--json", "--corpus", corpusDir]).stdout)[0] as { results: { title: string; language: string }[] };
    expect(search.results[0]).toMatchObject({ title: "Securing Supply Chains with Sigstore", language: "fr" });
  });

  it("detects English for an English text and keeps --lang when given", () => {
    const corpusDir = mkdtempSync(join(scratch, "corpus-"));
    const english = join(scratch, "day-1.md");
    writeFileSync(english, "# KubeCon 2023 day one\n\nA long day in Amsterdam with many talks about security and networking in the cloud.\n\nSession: Fast Builds - Ann Lee, Acme\n- Buildpacks detect the language of the project.\n");
    expect(kubecon(["ingest", english, "--corpus", corpusDir]).stdout).toContain("language en");
    const forced = mkdtempSync(join(scratch, "corpus-"));
    expect(kubecon(["ingest", english, "--corpus", forced, "--lang", "fr"]).stdout).toContain("language fr");
  });

  it("refuses, without a stack trace, a missing file, a text naming no year, and a file already there", () => {
    const corpusDir = mkdtempSync(join(scratch, "corpus-"));
    const missing = kubecon(["ingest", join(scratch, "nope.txt"), "--corpus", corpusDir]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr.split("\n")[0]).toBe(`kubecon: No file ${join(scratch, "nope.txt")}.`);

    const undated = join(scratch, "undated.txt");
    writeFileSync(undated, "Some notes\n\nSession: Fast Builds - Ann Lee, Acme\n- Buildpacks.\n");
    const noYear = kubecon(["ingest", undated, "--corpus", corpusDir]);
    expect(noYear.status).not.toBe(0);
    expect(noYear.stderr.split("\n")[0]).toBe("kubecon: The text names no year: pass --year YYYY.");

    expect(kubecon(["ingest", undated, "--corpus", corpusDir, "--year", "2024"]).status).toBe(0);
    const again = kubecon(["ingest", undated, "--corpus", corpusDir, "--year", "2024"]);
    expect(again.status).not.toBe(0);
    expect(again.stderr.split("\n")[0]).toMatch(/is already in the corpus as some-notes\.md/);
    for (const run of [missing, noYear, again]) expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(corpusDir)).toHaveLength(1);
  });
});

describe("kubecon ingest of what a newcomer tries", () => {
  it("an empty page, a file in an unknown charset, a missing file: one line each and exit 2, never a trace", () => {
    const corpusDir = mkdtempSync(join(scratch, "corpus-"));
    const empty = join(scratch, "empty.html");
    writeFileSync(empty, "");
    const binary = join(scratch, "legacy.txt");
    writeFileSync(binary, Buffer.from([0x83, 0x81, 0x83, 0x82, 0x0a]));
    for (const [input, message] of [[empty, `${empty} has no text.`], [binary, `${binary} is not UTF-8 and does not say which charset it is in: save it as UTF-8 and ingest it again.`]] as const) {
      const run = kubecon(["ingest", input, "--corpus", corpusDir]);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: `kubecon: ${message}\n` });
    }
  });

  it("several inputs and a folder: one table at the end, exit 2 when one failed", () => {
    const corpusDir = mkdtempSync(join(scratch, "corpus-"));
    const folder = mkdtempSync(join(scratch, "notes-"));
    writeFileSync(join(folder, "a.md"), "# KubeCon Europe 2024 day 1\n\n## Fast Builds - Ann Lee, Acme\n- Buildpacks.\n");
    writeFileSync(join(folder, "b.html"), BLOG_PAGE);
    const empty = join(scratch, "nothing.html");
    writeFileSync(empty, "");
    const run = kubecon(["ingest", folder, empty, "--corpus", corpusDir]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(2);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^recap +event +talks +warnings$/);
    expect(lines.slice(1, 4).map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual([
      ["kubecon-europe-2024-day-1.md", "eu-2024", "1"],
      ["kubecon-cloudnativecon-europe-2024-paris-my-notes.md", "eu-2024", "2"],
      [empty, "-", "-"],
    ]);
    expect(lines[4]).toMatch(/^2 of 3 recaps written, 1 failed\./);
    expect(kubecon(["ingest", folder, "--corpus", corpusDir, "--title", "T"]).stderr).toBe("kubecon: --title names one recap: ingest that one alone with it\n");
  });
});

describe("the command line's logs", () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [KUBECON_CLI, "search", "ebpf"], { cwd: projectRoot(), encoding: "utf8", timeout: 60_000, env: { ...process.env, CORPUS_DIR: "", DATA_DIR: join(scratch, "logs"), ...env } });

  it("follow LOG_FORMAT as the service does: pretty lines for a person, JSON lines otherwise", () => {
    const pretty = run({ LOG_LEVEL: "debug", LOG_FORMAT: "pretty" });
    expect(pretty.status, pretty.stderr).toBe(0);
    const prettyLines = pretty.stderr.split("\n").filter(Boolean);
    expect(prettyLines.length).toBeGreaterThan(0);
    expect(prettyLines.filter((line) => line.startsWith("{"))).toEqual([]);
    expect(prettyLines.some((line) => /^\[[\d:.]+\] DEBUG: corpus indexed/.test(line))).toBe(true);
    const json = run({ LOG_LEVEL: "debug", LOG_FORMAT: "" });
    expect(json.stderr.split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain("corpus indexed");
  });

  it("refuse a LOG_FORMAT they cannot write, in one line naming it", () => {
    const wrong = run({ LOG_FORMAT: "xml" });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toBe("kubecon: LOG_FORMAT must be json (lines for a log collector) or pretty (for a terminal)");
  });
});
