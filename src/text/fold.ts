/** Combining marks to drop: every one but the kana voicing marks ("ビ" must not become "ヒ"). */
const ACCENTS = /(?![\u3099\u309a])\p{M}+/gu;
const KANA_MARK = /[\u3099\u309a]/;

/** Lowercase without accents: "Sécurité" → "securite". Search and tagging compare words this way. */
export function fold(text: string): string {
  const stripped = text.normalize("NFD").replace(ACCENTS, "").toLowerCase();
  return KANA_MARK.test(stripped) ? stripped.normalize("NFC") : stripped;
}
