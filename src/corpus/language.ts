import { franc } from "franc-min";

/** franc's ISO 639-3 codes for the languages a recap is likely written in, as two-letter codes. */
const TWO_LETTER: Record<string, string> = {
  eng: "en", fra: "fr", deu: "de", spa: "es", ita: "it", por: "pt", nld: "nl", pol: "pl", rus: "ru",
  ukr: "uk", jpn: "ja", cmn: "zh", kor: "ko", tur: "tr", swe: "sv", ces: "cs", ron: "ro", hun: "hu",
};

/** The language of a text as a two-letter code; English when the text is too short or unclear. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, 20_000), { minLength: 20 });
  return TWO_LETTER[code] ?? "en";
}
