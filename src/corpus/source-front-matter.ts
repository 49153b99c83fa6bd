import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";

/** The facts a blog engine's front matter (Hugo, Jekyll) gives about a post. */
export interface SourceFacts {
  title?: string;
  /** The post's date, as written. */
  date?: string;
  author?: string;
  tags: string[];
}

const FENCES = [
  { format: "yaml", pattern: /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/ },
  { format: "toml", pattern: /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/ },
] as const;

const text = (value: unknown): string | undefined => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string" || typeof value === "number") return String(value).trim() || undefined;
  if (value && typeof value === "object" && !Array.isArray(value) && "name" in value) return text((value as { name: unknown }).name);
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(", ") || undefined;
  // smol-toml's dates print as ISO text.
  return value && typeof value === "object" && "toISOString" in value ? String((value as { toISOString(): string }).toISOString()).slice(0, 10) : undefined;
};

/** More tags than this on one post are keyword stuffing, not a description. */
const MAX_TAGS = 20;

/**
 * A post's tags from lists or comma-separated strings ("kubecon, ebpf"): trimmed, each once (case
 * aside), at most MAX_TAGS.
 */
export function tagsOf(values: readonly unknown[]): string[] {
  const all = values.flatMap((v) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : [])).map((t) => String(t).trim()).filter(Boolean);
  const seen = new Set<string>();
  return all.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase())).slice(0, MAX_TAGS);
}

/**
 * Splits a post's own front matter (YAML between `---`, or TOML between `+++`) from its body. The
 * body comes back without it: front matter never reaches a section. Unreadable front matter is
 * still cut off, and gives no facts.
 */
export function splitSourceFrontMatter(raw: string): { facts: SourceFacts; body: string } {
  const source = raw.replace(/^\uFEFF/, "");
  for (const { format, pattern } of FENCES) {
    const match = pattern.exec(source);
    if (!match) continue;
    const body = source.slice(match[0].length);
    let data: Record<string, unknown>;
    try {
      const parsed: unknown = format === "yaml" ? parseYaml(match[1]!) : parseToml(match[1]!);
      data = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch {
      return { facts: { tags: [] }, body };
    }
    const facts: SourceFacts = { tags: tagsOf([data.tags, data.categories]) };
    const title = text(data.title);
    const date = text(data.date ?? data.publishDate ?? data.published);
    const author = text(data.author ?? data.authors);
    if (title) facts.title = title;
    if (date) facts.date = date;
    if (author) facts.author = author;
    return { facts, body };
  }
  return { facts: { tags: [] }, body: source };
}
