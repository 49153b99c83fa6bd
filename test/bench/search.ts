import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadBot } from "../../src/app/load-bot.js";
import { filtersOf } from "../../src/commands/core-commands.js";
import { cleanText, parseArgs, splitWords } from "../../src/commands/grammar.js";
import type { CommandSpec } from "../../src/commands/spec.js";
import type { Section } from "../../src/corpus/section.js";
import type { Topic } from "../../src/corpus/topics.js";
import { createLogger } from "../../src/log/logger.js";
import { projectRoot, synonymsFile } from "../../src/paths.js";
import { isStopWord } from "../../src/search/analyzer.js";
import { SearchEngine, type SearchFilters } from "../../src/search/engine.js";
import { SNAPSHOT_FILE, readSnapshot, writeSnapshot } from "../../src/search/snapshot.js";
import type { SynonymGroups } from "../../src/search/synonyms.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { KUBECON_CLI } from "../core/helpers.js";
import { createRandom, syntheticSections } from "./synthetic.js";
import { percentile } from "./stats.js";

/**
 * Search figures on the shipped corpus and on synthetic corpora of 10,000 and 100,000 sections:
 * index build time, heap after the build, query latency p50/p99 over a mix of the queries people
 * type, the index snapshot (written, then loaded as a replica starting would), and the cold start
 * of `kubecon search <q>` as a whole process, with and without a snapshot.
 */

type Kind = "term" | "phrase" | "typo" | "question" | "filter" | "french" | "prefix";

interface BenchQuery {
  kind: Kind;
  /** The command text, as typed after `/kubecon search`. */
  text: string;
  query: string;
  filters: SearchFilters;
}

/** Queries written by hand, in the style of the public evaluation queries and of chat. */
const WRITTEN: Record<Kind, string[]> = {
  term: [
    "ebpf", "gitops", "seccomp", "prometheus", "helm", "istio", "linkerd", "operators", "wasm", "k8s", "opentelemetry",
    "cilium", "apparmor", "kubevious", "strimzi", "tekton", "buildpacks", "cronjobs", "kyverno", "argo", "flux",
    "autoscaling", "rootless", "dns", "kubectl", "notary", "sbom", "kata", "firecracker", "multi-cluster",
  ],
  phrase: [
    "service mesh", "cluster autoscaler", "persistent volume claim", "pod security policy", "open policy agent",
    "custom metrics autoscaling prometheus adapter", "opa rego policies", "kubevious time machine", "operator framework",
    "gitops image update automation", "rootless containers", "kata containers", "cert-manager lets encrypt",
    "datadog dns investigation", "hacking kubernetes book", "cloud events spec", "confidential computing",
    "supply chain security", "chaos engineering workflow", "bandwidth management", "network observability",
    "internal developer platform", "container runtime interface", "vertical pod autoscaler", "resource requests and limits",
    "multi-cloud lessons learned", "cluster api deep dive", "docker images without docker", "system logs attacks",
    "kubernetes ui landscape",
  ],
  typo: [
    "gitpos", "kuberntes", "promethues", "obsevability", "autoscalling", "seccmop", "opentelemtry", "linkred",
    "kubevius", "chaos enginering", "servce mesh", "rotless containers", "confidental computing", "clilium",
    "opertor framework", "suply chain", "apparmour", "cronjob", "strimzy", "buildpack",
  ],
  question: [
    "should I write an operator", "how often does kubernetes release", "which kubernetes uis exist",
    "how do I secure my cluster", "what is new in kubernetes", "how to autoscale on custom metrics",
    "is dns always the problem", "how do I build images without docker", "what is ebpf used for",
    "how do I run pods as non root", "can I run untrusted workloads safely", "how does gitops work with flux",
    "what does the cncf do", "how to debug networking issues", "why is prometheus slow at scale",
    "building an internal platform instead of heroku", "amazon eks iam authentication", "how to test clusters declaratively",
    "who talked about service mesh", "what are the takeaways of the conference", "how do I sign container images",
    "is webassembly ready for production", "how to manage many clusters", "what happened in the keynotes",
    "how do I reduce my cloud bill",
  ],
  filter: [
    "ebpf year:2022", "security event:eu-2018", "operators year:2020", "monitoring lang:fr", "autoscaling event:eu-2018",
    "gitops year:2020", "service mesh year:2021", "dns event:eu-2022", "keynote year:2021", "policy event:eu-2021",
    "networking lang:en", "security year:2016", "observability year:2022 lang:fr", "prometheus event:eu-2021",
    "containers year:2018", "kubernetes year:2019", "cilium event:na-2020", "chaos year:2020", "storage event:eu-2016",
    "cilium speaker:rice", "mesh speaker:\"liz rice\"", "security speaker:datadog", "year:2021 confidential computing",
    "event:na-2020 operators", "lang:fr réseau",
  ],
  french: [
    "observabilité", "sécurité des conteneurs", "maillage de services", "déploiement continu", "mise à l'échelle automatique",
    "réseau", "stockage persistant", "gestion de la bande passante", "supervision des clusters", "les leçons apprises",
    "comment sécuriser kubernetes", "vulnérabilité", "opérateur kafka", "multi-cloud retour d'expérience",
    "journaux et traces", "politique de sécurité", "performances du réseau", "conférence jour 3", "le service mesh de cilium",
    "pourquoi le dns",
  ],
  prefix: [
    "kube", "observ", "autosc", "cilium serv", "prometheus ad", "gitops imag", "confidential comp", "seccom", "opentele",
    "chaos eng", "supply ch", "rootless cont", "operator frame", "network pol", "kata cont",
  ],
};

/** Queries drawn from the shipped talk titles with a seeded PRNG, so the mix grows past the written ones. */
function drawnQueries(sections: readonly Section[], perKind: number): Record<"term" | "phrase" | "typo", string[]> {
  const random = createRandom(7);
  const titles = sections.map((s) => s.talk.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).filter((w) => w.length >= 2);
  const words = [...new Set(titles.flat())].filter((w) => w.length >= 4 && !isStopWord(w) && !/^\d+$/.test(w));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const typoOf = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    // Two letters swapped or one dropped: the typos people make most.
    return random() < 0.5 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
  };
  const phrase = () => {
    const title = pick(titles);
    const length = Math.min(title.length, 2 + Math.floor(random() * 2));
    const start = Math.floor(random() * (title.length - length + 1));
    return title.slice(start, start + length).join(" ");
  };
  return {
    term: Array.from({ length: perKind }, () => pick(words)),
    phrase: Array.from({ length: perKind }, phrase),
    typo: Array.from({ length: perKind }, () => typoOf(pick(words.filter((w) => w.length >= 6)))),
  };
}

/** The mix, parsed once the way the search command parses it (query words and `name:value` filters). */
function queryMix(search: CommandSpec, shipped: readonly Section[]): BenchQuery[] {
  const drawn = drawnQueries(shipped, 45);
  const mix: BenchQuery[] = [];
  for (const kind of Object.keys(WRITTEN) as Kind[]) {
    for (const text of [...WRITTEN[kind], ...(kind in drawn ? drawn[kind as keyof typeof drawn] : [])]) {
      const args = parseArgs(search, splitWords(cleanText(text)));
      mix.push({ kind, text, query: String(args.query ?? ""), filters: filtersOf(args) });
    }
  }
  return mix;
}


const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);
const round = (value: number, digits: number) => Number(value.toFixed(digits));
const MB = 1024 * 1024;

/** Collects garbage when node runs with --expose-gc, so heap figures count live objects only. */
function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

interface CorpusRun {
  /** Suffix of the figure names: shipped, 10k, 100k. */
  label: string;
  sections: readonly Section[];
  builds: number;
  warmupRounds: number;
  rounds: number;
  /** Figures per kind of query, to see where the time goes. */
  byKind: boolean;
  /** Also write the index as a snapshot and time loading it. */
  snapshot?: { topics: readonly Topic[] };
}

/** Replicas started from one snapshot, one after the other: the figures are their medians. */
const SNAPSHOT_LOADS = 3;

/** What a new process reports of reading a snapshot: see benchSnapshot. */
const READ_IN_A_NEW_PROCESS = `
const [module, file] = process.argv.slice(1);
const { readSnapshot } = await import(module);
const start = performance.now();
const cpu = process.cpuUsage();
const data = readSnapshot(file, "bench");
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, sections: data.corpus.sections.length, rssMb: process.memoryUsage().rss / 1048576 }));
`;

/**
 * Writes the built index as a snapshot and times a replica's start from it, in a new process as a
 * replica would start (an empty heap, the file read, checked and decoded, the engine made ready),
 * three times: the medians.
 * Hashing the recap files to check the key is left out: synthetic sections have no files.
 */
function benchSnapshot(label: string, sections: readonly Section[], engine: SearchEngine, synonyms: SynonymGroups, topics: readonly Topic[]): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-bench-snapshot-"));
  const file = join(dir, SNAPSHOT_FILE);
  try {
    const data = { corpus: { recaps: [], sections: [...sections], problems: [] }, topics: [...topics], synonyms, engine };
    const start = performance.now();
    writeSnapshot(file, "bench", data);
    const writeMs = performance.now() - start;
    const module = new URL("../../src/search/snapshot.js", import.meta.url).href;
    // Writing made garbage; collected now, this process's collector shares no core with the readers.
    collectGarbage();
    const loads = Array.from({ length: SNAPSHOT_LOADS }, () => {
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", READ_IN_A_NEW_PROCESS, module, file], { encoding: "utf8", maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`reading the snapshot failed: ${child.stderr.slice(0, 500)}`);
      const loaded = JSON.parse(child.stdout) as { ms: number; cpuMs: number; sections: number; rssMb: number };
      if (loaded.sections !== sections.length) throw new Error("the snapshot did not load");
      return loaded;
    });
    const loaded = { ms: median(loads.map((l) => l.ms)), cpuMs: median(loads.map((l) => l.cpuMs)), rssMb: median(loads.map((l) => l.rssMb)) };
    return {
      [`snapshot_mb_${label}`]: round(statSync(file).size / MB, 1),
      [`snapshot_write_ms_${label}`]: round(writeMs, 0),
      [`snapshot_load_ms_${label}`]: round(loaded.ms, 0),
      [`snapshot_load_cpu_ms_${label}`]: round(loaded.cpuMs, 0),
      [`snapshot_load_rss_mb_${label}`]: round(loaded.rssMb, 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchCorpus(run: CorpusRun, synonyms: SynonymGroups, mix: readonly BenchQuery[]): Record<string, number> {
  const { label } = run;
  const buildMs: number[] = [];
  let engine: SearchEngine | undefined;
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildCpuMs: number[] = [];
  for (let i = 0; i < run.builds; i++) {
    engine = undefined;
    const start = performance.now();
    const cpu = process.cpuUsage();
    engine = new SearchEngine(run.sections, synonyms);
    buildMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    // User and system time of every thread (the garbage collector's helpers too): less swayed by a loaded machine than wall time.
    buildCpuMs.push((used.user + used.system) / 1000);
  }
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;

  const search = (q: BenchQuery) => engine!.search(q.query, q.filters, { offset: 0, limit: 5 });
  for (let round = 0; round < run.warmupRounds; round++) for (const q of mix) search(q);
  const random = createRandom(11);
  const latencies: number[] = [];
  const byKind = new Map<Kind, number[]>();
  const byQuery = new Map<BenchQuery, number[]>(mix.map((q) => [q, []]));
  let withoutResults = 0;
  for (let round = 0; round < run.rounds; round++) {
    for (const q of shuffled(mix, random)) {
      const start = performance.now();
      const answer = search(q);
      const ms = performance.now() - start;
      latencies.push(ms);
      byQuery.get(q)!.push(ms);
      if (!byKind.has(q.kind)) byKind.set(q.kind, []);
      byKind.get(q.kind)!.push(ms);
      if (round === 0 && answer.total === 0) withoutResults++;
    }
  }
  latencies.sort((a, b) => a - b);
  // Each query's median over its rounds: a query the machine preempted once keeps its usual time.
  const queryMedians = [...byQuery.values()].map(median).sort((a, b) => a - b);
  const figures: Record<string, number> = {
    [`sections_${label}`]: run.sections.length,
    [`build_ms_${label}`]: round(median(buildMs), 1),
    [`build_cpu_ms_${label}`]: round(median(buildCpuMs), 1),
    [`heap_mb_${label}`]: round(heapAfter / MB, 1),
    [`index_heap_mb_${label}`]: round((heapAfter - heapBefore) / MB, 1),
    [`query_p50_ms_${label}`]: round(percentile(latencies, 50), 3),
    [`query_p99_ms_${label}`]: round(percentile(latencies, 99), 3),
    [`query_max_ms_${label}`]: round(latencies.at(-1)!, 3),
    [`query_p99_of_medians_ms_${label}`]: round(percentile(queryMedians, 99), 3),
    [`queries_without_results_${label}`]: withoutResults,
  };
  if (run.snapshot) Object.assign(figures, benchSnapshot(label, run.sections, engine!, synonyms, run.snapshot.topics));
  if (run.byKind) {
    for (const [kind, values] of byKind) {
      values.sort((a, b) => a - b);
      figures[`query_p50_ms_${label}_${kind}`] = round(percentile(values, 50), 3);
      figures[`query_p99_ms_${label}_${kind}`] = round(percentile(values, 99), 3);
    }
  }
  return figures;
}

const COLD_START_TURNS = 15;
const COLD_START_QUERIES = ["ebpf", "service mesh", "gitpos", "should I write an operator", "security year:2018"];

/** Loaded first into each spawned process: prints the CPU time the whole process used, as it exits. */
const REPORT_CPU = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-ms "+(u.user+u.system)/1000)})`;

interface Spawned {
  args: (turn: number) => string[];
  env?: (turn: number) => Record<string, string>;
}

/**
 * Median wall time and CPU time (user and system, which a loaded machine inflates far less) of
 * whole `node <args>` processes of each kind, spawned in turn, one of each a turn, so that every
 * kind meets the same moments of this shared machine. The first turn is not measured: it warms
 * the file cache (and writes the index snapshot into DATA_DIR/cache, unless `env` gives each spawn
 * its own).
 */
function spawnMedians<K extends string>(kinds: Record<K, Spawned>): Record<K, { ms: number; cpuMs: number }> {
  const names = Object.keys(kinds) as K[];
  const samples = names.map(() => ({ times: [] as number[], cpuTimes: [] as number[] }));
  for (let turn = -1; turn < COLD_START_TURNS; turn++) {
    names.forEach((name, k) => {
      const { args, env = () => ({}) } = kinds[name];
      const start = performance.now();
      const child = spawnSync(process.execPath, ["--import", REPORT_CPU, ...args(Math.max(turn, 0))], {
        cwd: projectRoot(),
        encoding: "utf8",
        env: { ...process.env, LOG_LEVEL: "warn", ...env(turn) },
      });
      const ms = performance.now() - start;
      if (child.status !== 0) throw new Error(`node ${args(0).join(" ")} exited with ${child.status}: ${child.stderr.slice(0, 300)}`);
      if (turn < 0) return;
      samples[k]!.times.push(ms);
      samples[k]!.cpuTimes.push(Number(/cpu-ms (\S+)$/.exec(child.stderr)?.[1] ?? NaN));
    });
  }
  return Object.fromEntries(names.map((name, k) => [name, { ms: median(samples[k]!.times), cpuMs: median(samples[k]!.cpuTimes) }])) as Record<K, { ms: number; cpuMs: number }>;
}

/**
 * The cold start of `kubecon search` as whole processes, with the index snapshot and without it
 * (a first start: the corpus parsed and indexed, the snapshot written), beside node's own start.
 * Measured first, while this process is small and idle, so that nothing of the 100k corpus's 500 MB
 * heap (its collector's helper threads) shares the two cores with the processes timed.
 */
function coldStartFigures(): Record<string, number> {
  const search = (turn: number) => [KUBECON_CLI, "search", ...COLD_START_QUERIES[turn % COLD_START_QUERIES.length]!.split(" ")];
  const fresh = mkdtempSync(join(tmpdir(), "kubecon-bench-cold-"));
  try {
    const { cold, first, node } = spawnMedians({
      cold: { args: search },
      first: { args: search, env: (turn) => ({ DATA_DIR: join(fresh, String(turn)) }) },
      node: { args: () => ["-e", ""] },
    });
    return {
      cold_start_ms: round(cold.ms, 1),
      cold_start_cpu_ms: round(cold.cpuMs, 1),
      cold_start_no_snapshot_ms: round(first.ms, 1),
      cold_start_no_snapshot_cpu_ms: round(first.cpuMs, 1),
      cold_start_node_ms: round(node.ms, 1),
      cold_start_node_cpu_ms: round(node.cpuMs, 1),
      // Node's own start on this shared machine varies by half from one minute to the next.
      cold_start_over_node_ms: round(cold.ms - node.ms, 1),
    };
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

export async function benchSearch(): Promise<Record<string, number>> {
  const bot = await loadBot({ logger: createLogger("silent") });
  const shipped = bot.data.corpus.sections;
  const search = bot.commands.find((c) => c.name === "search");
  if (!search) throw new Error("the bot has no search command");
  const synonyms = loadSynonyms(synonymsFile());
  const topics = bot.data.topics;
  const mix = queryMix(search, shipped);

  const figures: Record<string, number> = { queries_in_mix: mix.length, gc_exposed: Number(collectGarbage()) };
  Object.assign(figures, coldStartFigures());
  Object.assign(figures, benchCorpus({ label: "shipped", sections: shipped, builds: 20, warmupRounds: 3, rounds: 10, byKind: false }, synonyms, mix));

  let start = performance.now();
  let sections = syntheticSections(shipped, topics, 10_000);
  figures.synthetic_ms_10k = round(performance.now() - start, 0);
  Object.assign(figures, benchCorpus({ label: "10k", sections, builds: 1, warmupRounds: 1, rounds: 3, byKind: false }, synonyms, mix));

  start = performance.now();
  sections = syntheticSections(shipped, topics, 100_000);
  figures.synthetic_ms_100k = round(performance.now() - start, 0);
  Object.assign(figures, benchCorpus({ label: "100k", sections, builds: 1, warmupRounds: 1, rounds: 2, byKind: true, snapshot: { topics } }, synonyms, mix));
  sections = [];
  collectGarbage();

  return figures;
}
