import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ingestRecap } from "../../src/corpus/ingest.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { topicsFile } from "../../src/paths.js";

const TARGET_BYTES = 1024 * 1024;
const RUNS = 5;

/**
 * A saved blog page of 1 MB as browsers save them: inline styles and scripts, navigation menus, icons,
 * share widgets and a comment thread around an article of about 200 KB (a recap of 120 talks, each
 * with notes and links, marked up with classes as blog themes do).
 */
export function bigPage(): string {
  const words = "cluster operator gateway eBPF scheduler tenant policy storage mesh metrics tracing upgrade autoscaler".split(" ");
  const sentence = (i: number, n: number) =>
    `${Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(" ")} keeps the platform team happy at scale.`;
  const css = Array.from({ length: 2500 }, (_, i) => `.theme-${i} .post-content > p:not(.x${i}) { margin: ${i % 9}px 0; color: #${(i * 4099).toString(16).padStart(6, "0").slice(0, 6)}; }`).join("\n");
  const script = Array.from({ length: 3000 }, (_, i) => `window.__state.push({ id: ${i}, widget: "share-${i}", tracking: "utm_${i}_campaign", enabled: ${i % 2 === 0} });`).join("\n");
  const icon = `<svg class="icon" viewBox="0 0 24 24"><path d="${"M12 2 L15 8 L22 9 L17 14 L18 21 L12 18 L6 21 L7 14 L2 9 L9 8 Z ".repeat(3)}"/></svg>`;
  const nav = `<header class="site-header"><nav class="menu">${Array.from({ length: 120 }, (_, i) => `<a class="menu-item" href="/category/${i}">${icon}Category ${i}</a>`).join("")}</nav></header>`;
  const talks = Array.from({ length: 120 }, (_, talk) =>
    [
      `<h2 class="wp-block-heading" id="talk-${talk}">Talk ${talk}: Running ${words[talk % words.length]} at Scale - Ann Lee${talk}, Acme</h2>`,
      `<p class="has-text-align-left"><a href="https://www.youtube.com/watch?v=t${talk}" rel="noopener">Watch the recording</a></p>`,
      `<p class="has-text-align-left">${sentence(talk, 20)} <strong>${sentence(talk + 1, 6)}</strong> <code>kubectl get pods</code></p>`,
      `<ul class="wp-block-list">${Array.from({ length: 8 }, (_, k) => `<li>${sentence(talk + k, 12)}</li>`).join("")}</ul>`,
    ].join("\n"),
  ).join("\n");
  const comments = Array.from({ length: 150 }, (_, i) => `<li class="comment"><div class="comment-author">${icon}Reader ${i}</div><p>Thanks for the notes, number ${i}!</p><a class="reply" href="#c${i}">Reply</a></li>`).join("");
  const head = `<!DOCTYPE html><html lang="en"><head><title>KubeCon + CloudNativeCon Europe 2024 Paris</title><style>${css}</style><script>${script}</script></head>`;
  const body = `<body>${nav}<main><article class="post"><h1>KubeCon + CloudNativeCon Europe 2024 Paris</h1>${talks}</article><div class="share">${icon.repeat(40)}</div><section class="comments"><ol>${comments}</ol></section></main><footer>${nav}</footer></body></html>`;
  const page = `${head}${body}`;
  // Filled up to 1 MB with the page's tracking script, as heavy pages are.
  return page.replace("</head>", `<script>${"/* analytics */ ".repeat(Math.max(0, Math.ceil((TARGET_BYTES - page.length) / 16)))}</script></head>`);
}

/** `kubecon ingest` of a 1 MB HTML page, dry run: read, extract, convert, segment, tag. Target: under 2 s. */
export async function benchIngest(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-bench-ingest-"));
  try {
    const html = bigPage();
    const file = join(dir, "page.html");
    writeFileSync(file, html);
    const topics = loadTopics(topicsFile());
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let sections = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const result = await ingestRecap(file, { corpusDir: dir, dryRun: true }, topics);
      const cpu = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      sections = result.sections.length;
    }
    const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
    return {
      ingest_html_bytes: html.length,
      ingest_html_sections: sections,
      ingest_html_1mb_ms_median: median(times),
      ingest_html_1mb_ms_max: Math.round(Math.max(...times)),
      // CPU time (user + system, the garbage collector's threads included): what a loaded machine inflates least.
      ingest_html_1mb_cpu_ms_median: median(cpuTimes),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
