import type { TopicTrend } from "../corpus/stats.js";
import { rich, type Card } from "./card.js";

const BARS = "▁▂▃▄▅▆▇█";

/** Topics with a bar per year, so a trend reads at a glance ("eBPF 2016 ▁ … 2022 █"). */
export function topicsCard(trends: readonly TopicTrend[], years: readonly number[]): Card {
  const max = Math.max(1, ...trends.flatMap((t) => [...t.byYear.values()]));
  return {
    title: "Topics across KubeCon recaps",
    subtitle: `Sections per year, ${years[0]}–${years.at(-1)}`,
    body: trends.map((t) => {
      const bars = years.map((y) => {
        const n = t.byYear.get(y) ?? 0;
        return n === 0 ? "·" : BARS[Math.min(BARS.length - 1, Math.floor(((n - 1) / max) * BARS.length))]!;
      });
      return { text: rich(`${t.label}: ${bars.join("")} ${t.total} (${years.filter((y) => t.byYear.has(y)).map((y) => `${y}: ${t.byYear.get(y)}`).join(", ")})`) };
    }),
    footer: `Years: ${years.join(" ")} · search a topic by name, e.g. \`ebpf\``,
  };
}
