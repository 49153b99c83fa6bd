import type { Lexicon } from "./lexicon.js";

export const de: Lexicon = {
  code: "de",
  weekdays: ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
  months: ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
  dayWords: ["tag"],
  partsOfDay: ["vormittag", "nachmittag", "abend", "morgen"],
  numberWords: ["eins", "zwei", "drei", "vier", "fünf", "erster", "zweiter", "dritter", "letzter"],
  containers: ["keynotes", "vorträge", "sessions", "talks", "lightning talks", "workshops", "besuchte vorträge*", "meine vorträge*"],
  talkWords: ["vortrag", "talk", "keynote", "session", "panel", "workshop"],
  parts: ["zusammenfassung", "notizen", "fragen", "demo", "fazit", "erkenntnisse", "hintergrund", "problem", "lösung", "architektur", "ergebnisse", "ausblick", "links", "folien", "video", "einleitung"],
  notesTopics: ["einleitung", "fazit*", "zusammenfassung*", "anreise*", "reise*", "essen*", "stände*", "sponsoren*", "party*", "networking*", "danke*", "rückblick*"],
  furniture: ["inhaltsverzeichnis", "inhalt", "ähnliche beiträge*", "kommentare*", "über den autor*", "teilen*", "newsletter*"],
  speakerLabels: ["sprecher", "sprecherin", "referent", "referentin", "referenten", "vortragende", "von", "mit"],
  byWords: ["von", "mit"],
  andWords: ["und", "&"],
  mediaWords: ["folien", "video", "aufzeichnung", "slides"],
  signOffs: ["danke fürs lesen*", "vielen dank fürs lesen*"],
  functionWords: ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "aber", "in", "im", "auf", "für", "mit", "von", "zu", "zum", "zur", "ist", "sind", "war", "es", "wir", "ich", "sie", "er", "nicht", "auch", "wie", "was", "dass"],
  honorifics: [],
  jobTitles: ["leiter", "leiterin", "entwickler", "entwicklerin", "gründer", "gründerin", "ingenieur"],
  reportingVerbs: ["zeigte", "zeigten", "erklärte", "erklärten", "stellte", "stellten", "sprach", "sprachen", "präsentierte", "präsentierten"],
};
