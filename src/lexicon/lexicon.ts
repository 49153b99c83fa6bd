/**
 * The words of one language that the segmenter knows: what names a day, a part of a talk, a part of a
 * recap that is no talk, page furniture, the people of a talk. One module a language fills this shape
 * (`en.ts`, `fr.ts`, ...); `index.ts` lists them. Adding a language is adding one module and one line there.
 *
 * Every entry is a phrase matched against a whole line (after its decorations are peeled off), case and
 * accents folded; a trailing `*` lets the phrase go on ("conclusion*" matches "Conclusions and next steps").
 */
/**
 * What search knows of a language, beside its stemmer and the `stopword` package's list (English
 * and French have both; see src/search/analyzer.ts). Words are single words, compared case and
 * accents folded; a language with none has empty lists.
 */
export interface SearchWords {
  /**
   * Words that say nothing of a topic, dropped from the sections written in the language and from
   * the queries read as it: chat words of questions ("often", "show", "existe") and what apostrophes
   * leave of contractions and elisions ("won" of "won't", "jusqu" of "jusqu'à"). Words written in a
   * script without spaces (Japanese and Chinese function words that Intl.Segmenter cuts out) are
   * dropped in every language: any text may quote them, and they are no word of another.
   */
  stopWords: readonly string[];
  /** Words that open a question ("how", "should", "pourquoi"): a query opening with one gets an answer line. */
  questionOpeners: readonly string[];
  /** Letters that tell a query is written in the language ("é", "ç" for French), beside its function words. */
  letters: string;
}

export interface Lexicon {
  /** ISO 639-1 code. */
  code: string;
  /** The words search knows of the language (not phrases: single words, compared folded). */
  search: SearchWords;
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
  /** Words after a name that make it a person's ("さん" in "Aoi Takahashiさん"). */
  honorifics: readonly string[];
  /** Words that open a job title after a name ("Jane Doe Senior Engineer, Acme"): the name ends before them. */
  jobTitles: readonly string[];
  /** Labels before a talk's title in its notes ("Title:", "主题是："), under a heading that names only its speaker. */
  titleLabels: readonly string[];
  /** Verbs that say what a talk's people did ("presented", "showed"), after their names in a note. */
  reportingVerbs: readonly string[];
  /** The words that tell a takeaway worth posting from a weak one (see `TakeawayWords`). */
  takeaways: TakeawayWords;
}

/**
 * The words of one language that the takeaway rules read (src/takeaways/rules.ts, takeaways.ts).
 * Unlike the phrases above, each entry is a regular-expression alternative, matched case-insensitively
 * as whole words (`\p{L}` and groups allowed: "compared (to|with)", "congrat\p{L}*"); an entry may
 * be anchored with `^` where the rule reads anywhere. The rules join the entries of every language,
 * since recaps mix them. A language lists what it has; a kind it leaves out matches nothing of it.
 */
export interface TakeawayWords {
  // What a reader learns from.
  /** Number words that count something ("two", "hundreds", "twice", "moitié"); digits are the rule's. */
  numbers?: readonly string[];
  /** Two things weighed: "than", "instead of", "not an X, but", "plutôt que". */
  comparison?: readonly string[];
  /** Connectives that weigh a second clause after a comma: ", while", ", whereas", ", alors que". */
  contrasts?: readonly string[];
  /** What doing it taught: "we learned", "turned out", "in production", "retour d'expérience". */
  lesson?: readonly string[];
  /** Advice: "should", "avoid", "think twice", "il faut". */
  recommendation?: readonly string[];
  /** Words that open an embedded question, after which "should" is no advice ("how updates should be done"). */
  embeddedQuestions?: readonly string[];
  /** Frequency words that are advice unless a gerund follows ("always keep", not "always looking"). */
  frequencies?: readonly string[];
  /** The verbs a verdict hangs on ("is", "remains", "becoming", "reste"). */
  verdictVerbs?: readonly string[];
  /** Degree words between that verb and the verdict ("still", "very", "not", "très"). */
  degrees?: readonly string[];
  /** Verdicts: "hard", "the default", "a rabbit hole", "complexe". */
  verdicts?: readonly string[];
  /** A risk, problem or limit named as such: "concerns", "bottleneck", "piège". */
  risk?: readonly string[];
  /** Words before a risk that deny it: "no risk of", "sans risque". */
  denials?: readonly string[];
  /** Why something happens: "because", "which means", "car", "grâce à"; `^given` opens one. */
  cause?: readonly string[];
  /** Words that open a rule of behaviour: "if", "when", "once", "si", "quand". */
  conditions?: readonly string[];
  /** Words that make a "will" a rule too, not only at the opening: "until", "as long as", "tant que". */
  durations?: readonly string[];
  /** What follows from something: "so that", "otherwise", "sinon". */
  consequences?: readonly string[];

  // Against: not about the technology, or a sentence that needs its neighbour.
  /** Praise, thanks, venue and food, sponsors. */
  chitChat?: readonly string[];
  /** How the session went: "started with", "gave us an overview", "the speaker". */
  narration?: readonly string[];
  /** Rooms, schedules, registration, recordings. */
  logistics?: readonly string[];
  /** Endings that promise a word that never came: "called", "via", "e.g", "notamment". */
  fragmentEndings?: readonly string[];
  /** A negation alone on a line ("No", "pas"). */
  negations?: readonly string[];
  /** Openings that lean on an earlier line: "another", "in the end", "ensuite". */
  leaningOpenings?: readonly string[];
  /** Nouns that, opening with a copula, name what an earlier line set up: "goal", "idea" ("Goal is ..."). */
  leaningSubjects?: readonly string[];
  /** Nouns that, after a definite article, name only something from earlier lines: "the plugin", "l'outil". */
  leaningNouns?: readonly string[];
  /** Words after such a noun that make it a name of its own ("the design of X"): "of", "for", "de". */
  ofWords?: readonly string[];
  /** Words anywhere that point back: "also", "such", "aussi". */
  leaningWords?: readonly string[];
  /** A pronoun and its verb that, after a comma, stand for an earlier subject ("…, it can", "…, they are"). */
  pronounSubjects?: readonly string[];
  /** Definite articles ("the", "le"): a common noun after one opening a sentence is the talk's. */
  definiteArticles?: readonly string[];
  /** Indefinite articles ("a", "un"). */
  indefiniteArticles?: readonly string[];
  /** The copulas of a definition ("is", "sont"). */
  copulas?: readonly string[];
  /** Conjunctions that open the rest of something ("and", "mais"). */
  conjunctions?: readonly string[];
  /** Openings of a question and its answer: "what is", "why does", "pourquoi". */
  questions?: readonly string[];
  /** Sentences that only announce what follows: "here are", "the following", "voici". */
  promises?: readonly string[];
  /** Pointers at a page, a link or a publication: "check out", "see the slides", "retrouvez". */
  references?: readonly string[];
  /** News of the day it was written: "released", "now", "a new", "in preview", "récemment". */
  news?: readonly string[];
  /** Plans and predictions: "will", "soon", "roadmap", "bientôt". */
  future?: readonly string[];
  /** Filler of hurried writing: "stuff", "basically", "bref". */
  informal?: readonly string[];
  /** Openings that set the scene before the talk's point: "historically", "at first", "au commencement". */
  background?: readonly string[];
  /** Statements that only say something matters, or hedge it away: "is an essential part of", "plays a key role", "may or may not". */
  platitudes?: readonly string[];
  /** What everyone knows already: "the best-known example", "famous", "le plus connu". */
  wellKnown?: readonly string[];
  /** The speakers or the writer as characters: "he", "his", "we can", "nous"; `^we` opening. */
  personal?: readonly string[];
  /** What links a definition's name to its purpose: "that", "used", "designed", "qui", "destiné". */
  definitionLinks?: readonly string[];
  /** Phrases that define: "stands for", "refers to", "désigne"; `^what we mean by`. */
  definitionPhrases?: readonly string[];
  /** "One of the", "l'une des": with "is the", a definition of a part. */
  oneOf?: readonly string[];
  /** Openings of a purpose, a how-to step: "to", "in order to", "pour", "afin de". */
  purposes?: readonly string[];
  /** Imperatives of a how-to: "install", "click", "configurer". */
  steps?: readonly string[];
  /** Verdicts whose subject is the heading: "good for", "useful when". */
  evaluationOpenings?: readonly string[];
  /** Gerunds of "Using X to do Y": "using", "leveraging". */
  instrumentVerbs?: readonly string[];
  /** What a tool can do, as its documentation says it: "enables", "integrates", "can be", "permet". */
  capabilities?: readonly string[];
  /** Openings that say by what means, the subject left in the heading: "By extending plugins, …". */
  meansOpenings?: readonly string[];
  /** Instructions to the reader: "you can", "vous pouvez". */
  instructions?: readonly string[];
  /** A demo: "demo", "démonstration". */
  demos?: readonly string[];
  /** A demo's step told as it happened on screen: "the checks pass", "the build fails", "les tests passent". */
  demoSteps?: readonly string[];
  /** Capitalized words that name nothing worth a mention: "I", "OK" (plain words, as written). */
  commonCapitals?: readonly string[];

  // Grammar (grammar.ts): just enough of a language to tell a statement from a note. Closed lists of
  // the language's own words, never words of the corpus; a language without them is not judged.
  /** Regular verbs common in technical notes, as lemmas; their -s and -ed forms are derived (English). */
  verbLemmas?: readonly string[];
  /** Forms that are always conjugated: auxiliaries, modals, irregular and frequent forms ("is", "can", "est", "permet"). */
  finiteVerbs?: readonly string[];
  /** Irregular past forms that are participles as often: conjugated only after a subject ("built", "made"). */
  pastForms?: readonly string[];
  /** Words a conjugated verb never follows directly: "the", "to", "of", "their". */
  beforeNoVerb?: readonly string[];
  /** Prepositions after which an -ed form is a participle: "focused on", "aimed at". */
  participlePrepositions?: readonly string[];
  /** Pronouns that, before a word, make it their verb: "they run", "il gère". */
  subjectPronouns?: readonly string[];
  /** Plural determiners, after which a word in -ent is a noun ("les composants"), not a verb. */
  pluralDeterminers?: readonly string[];
  /** Verbs and participles that open a bullet whose subject is the heading: "Meant for", "Permet de". */
  verbOpenings?: readonly string[];
  /** Auxiliaries that open a statement only when its subject is missing: "Has to support", "Is a tool". */
  subjectlessAuxiliaries?: readonly string[];

  // Whether a statement stands on its own (takeaways.ts).
  /** A line that announces the recap's own list of takeaways: "take aways", "key points", "à retenir". */
  listMarkers?: readonly string[];
  /** A section that is itself such a list: "conclusion", "best practices", "leçons". */
  listSections?: readonly string[];
  /** Openings that lean on the line before: pronouns, conjunctions, "here", first person. */
  dependentOpenings?: readonly string[];
  /**
   * Connectives that only tie a sentence to the one before and can be dropped, the rest standing on
   * its own: "However, the overall outcome is …", "Thus, the TPM …", "En effet, …". Each entry says
   * whether its comma is needed ("however," but "moreover,?"): without one, "however" may open a clause.
   */
  detachableOpenings?: readonly string[];
  /** Impersonal openings that point at nothing before them: "it's strongly suggested", "there is", "il faut". */
  impersonalOpenings?: readonly string[];
  /** The writer talking about themselves (matched with its case: "I", "my", "je"). */
  firstPerson?: readonly string[];
  /** Pointers at what the reader cannot see: "above", "the slides", "ci-dessus". */
  deictics?: readonly string[];
  /** Short words that, glued to a capital, show inline code lost its spaces ("orGuaranteed"). */
  gluedWords?: readonly string[];
  /** Labels of a line that is no statement: "session:", "tags:". */
  labels?: readonly string[];
  /** Words a sentence cut in the middle ends on: "and", "the", "pour". */
  openEndings?: readonly string[];
  /** Abbreviations whose period ends no sentence: "e.g", "etc", "vs" (written without the final period). */
  abbreviations?: readonly string[];
}
