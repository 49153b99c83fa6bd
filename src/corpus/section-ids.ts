import type { Section } from "./section.js";

/**
 * Section ids live on in posted buttons and stored rows after the segmenter has changed: an id that is
 * no longer in the corpus is followed to the section of its recap that holds what it named, or reported
 * as gone. Ids are `<recap id>--<folded title>`, so the old title's words are in the id.
 */
export type Found = { section: Section; moved: boolean } | { gone: "recap" | "talk" };

export function findSection(sections: readonly Section[], id: string): Found {
  const exact = sections.find((s) => s.id === id);
  if (exact) return { section: exact, moved: false };
  const [recapId, slug = ""] = id.split("--", 2);
  const ofRecap = sections.filter((s) => s.recapId === recapId);
  if (ofRecap.length === 0) return { gone: "recap" };
  // "…--vm-on-k8s-summary" was a part of what is now "…--vm-on-k8s": the longest id the old one starts with.
  const parent = ofRecap.filter((s) => id.startsWith(`${s.id}-`)).sort((a, b) => b.id.length - a.id.length)[0];
  if (parent) return { section: parent, moved: true };
  // Else the section whose title holds the old title's words, its last among them; or else the one whose
  // notes hold the words no title of the recap has ("seccomp" of "notes-on-security-seccomp").
  const words = slug.split("-").filter((w) => w.length >= 3);
  if (words.length === 0) return { gone: "talk" };
  const held = (text: string, of: readonly string[]) => of.filter((w) => text.toLowerCase().includes(w)).length;
  const byTitle = ofRecap.filter((s) => s.id.includes(words.at(-1)!)).sort((a, b) => held(b.id, words) - held(a.id, words))[0];
  if (byTitle && held(byTitle.id, words) >= Math.ceil(words.length * 0.5)) return { section: byTitle, moved: true };
  const own = words.filter((w) => !ofRecap.some((s) => s.id.includes(w)));
  const byText = own.length > 0 ? [...ofRecap].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "talk" ? -1 : 1)).find((s) => held(s.text, own) === own.length) : undefined;
  return byText ? { section: byText, moved: true } : { gone: "talk" };
}
