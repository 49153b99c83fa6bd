/** Lowercase without accents: "Sécurité" → "securite". Search and tagging compare words this way. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}
