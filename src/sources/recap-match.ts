import { fold } from "../text/fold.js";

/**
 * Words that name the event, however a post spells it and in whatever language it is written: the
 * event keeps its name in every language the corpus reads. `SOURCE_KEYWORDS` replaces the list.
 */
export const DEFAULT_KEYWORDS: readonly string[] = ["kubecon", "cloudnativecon", "cloud native con", "kube con"];

/** How much of an item's text counts as its first paragraphs. */
const OPENING_CHARACTERS = 1500;

/** What a feed item or a page shows of itself before it is read in full. */
export interface RecapClues {
  title: string;
  categories?: readonly string[];
  /** Its text or HTML: only the opening is read. */
  text?: string;
}

const plain = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/gi, " ");

/** A keyword as a whole word of folded text ("kubecon" in "KubeCon EU" and "#KubeCon", not in "kubeconfig"). */
function wordPattern(keywords: readonly string[]): RegExp {
  const alternatives = keywords.map((k) => fold(k).trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s-]*")).filter(Boolean);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}])`, "u");
}

/** Whether an item is about the event: its title, a category or its first paragraphs name it. */
export function recapMatcher(keywords: readonly string[] = DEFAULT_KEYWORDS): (clues: RecapClues) => boolean {
  const pattern = wordPattern(keywords);
  return ({ title, categories = [], text = "" }) =>
    [title, ...categories, plain(text.slice(0, OPENING_CHARACTERS * 3)).slice(0, OPENING_CHARACTERS)].some((part) => pattern.test(fold(part)));
}
