/**
 * The words of one language that the segmenter knows: what names a day, a part of a talk, a part of a
 * recap that is no talk, page furniture, the people of a talk. One module a language fills this shape
 * (`en.ts`, `fr.ts`, ...); `index.ts` lists them. Adding a language is adding one module and one line there.
 *
 * Every entry is a phrase matched against a whole line (after its decorations are peeled off), case and
 * accents folded; a trailing `*` lets the phrase go on ("conclusion*" matches "Conclusions and next steps").
 */
export interface Lexicon {
  /** ISO 639-1 code. */
  code: string;
  /** Weekday names, full and short. */
  weekdays: readonly string[];
  /** Month names, full and short. */
  months: readonly string[];
  /** The word before a day's number ("day" in "Day 2", "jour" in "Jour 2"). */
  dayWords: readonly string[];
  /** Parts of a day ("morning", "après-midi"): over talks as a day is. */
  partsOfDay: readonly string[];
  /** Ordinal words for a day's number ("one", "first"). */
  numberWords: readonly string[];
  /** Headings over several talks ("Keynotes", "Sessions", "Lightning talks", "Les talks auxquels j'ai assisté*"). */
  containers: readonly string[];
  /** Labels that say only "this is a talk" before a title ("Session: Title"): peeled off, unlike "Keynote:" or "Panel:", which official titles carry. */
  unitLabels: readonly string[];
  /** Containers that group topics rather than list sessions ("Notes on security"): their sections carry their name. */
  topicGroups: readonly string[];
  /** The word for a keynote ("keynote", "基調講演"): a block of keynotes with text of its own is reported as one session. */
  keynoteWords: readonly string[];
  /** Words that say a line is a talk ("talk", "keynote", "panel"): a label before a title, or a title of its own. */
  talkWords: readonly string[];
  /** Headings inside a talk that are parts of it ("Summary", "Notes", "Q&A", "Demo", "Key takeaways"). */
  parts: readonly string[];
  /** Headings of a recap's parts that are no talk: introduction, conclusion, travel, food, booths, parties. */
  notesTopics: readonly string[];
  /** Page furniture, dropped with what it heads: tables of contents, related posts, comments, author boxes. */
  furniture: readonly string[];
  /** Labels before a talk's people ("Speakers:", "Presenters:", "Intervenants :"). */
  speakerLabels: readonly string[];
  /** Words joining a title to its people ("by" in "Title by Jane Doe"). */
  byWords: readonly string[];
  /** Words joining two people ("and", "et"). */
  andWords: readonly string[];
  /** Labels of a talk's media links ("slides", "video"). */
  mediaWords: readonly string[];
  /** Lines that end an article: the rest of the page is not the recap. */
  signOffs: readonly string[];
  /** Words after a name that make it a person's ("さん" in "Aoi Takahashiさん"). */
  honorifics: readonly string[];
  /** Words that open a job title after a name ("Jane Doe Senior Engineer, Acme"): the name ends before them. */
  jobTitles: readonly string[];
  /** Labels before a talk's title in its notes ("Title:", "主题是："), under a heading that names only its speaker. */
  titleLabels: readonly string[];
  /** Verbs that say what a talk's people did ("presented", "showed"), after their names in a note. */
  reportingVerbs: readonly string[];
}
