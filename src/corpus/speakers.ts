import type { Speaker } from "./section.js";

const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;

/** "SEAMLESS MULTI-CLUSTER" → "Seamless Multi-Cluster"; text with any lowercase is left alone. */
export function unshout(text: string): string {
  // Only whole shouted phrases: a lone "CNI" or "EKS" is an acronym.
  if (/\p{Ll}/u.test(text) || (text.match(/\p{Lu}{2,}/gu)?.length ?? 0) < 3) return text;
  const small = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"]);
  return text
    .toLowerCase()
    .replace(/[\p{L}\p{N}]+/gu, (word, offset: number) =>
      offset > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    );
}

function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w));
}

/**
 * Reads "Title - Name, Company & Name, Company" (the way programmes print talks). Returns
 * undefined when the part after the last dash is not a list of people.
 */
export function splitTitleAndSpeakers(line: string): { title: string; speakers: Speaker[] } | undefined {
  const match = /^(.{6,}?)\s+[-–—]\s+([^-–—]+)$/u.exec(line);
  if (!match) return undefined;
  const title = match[1]!.trim();
  const people = match[2]!.trim();
  if (!people.includes(",") && !/\s(&|and)\s/.test(people)) return undefined;

  const parts = unshout(people).split(/\s+(?:&|and)\s+|;\s*/);
  const speakers: Speaker[] = [];
  for (const part of parts) {
    const [name, ...company] = part.split(",").map((s) => s.trim());
    if (!name || !isPersonName(name)) return undefined;
    speakers.push({ name, company: company.length ? company.join(", ") : undefined });
  }
  // "Michael Medellin & Gordon Tillman, Department of Defense": both work there.
  for (let i = speakers.length - 2; i >= 0; i--) {
    speakers[i]!.company ??= speakers[i + 1]!.company;
  }
  return { title: unshout(title), speakers: speakers.map(({ name, company }) => (company ? { name, company } : { name })) };
}
