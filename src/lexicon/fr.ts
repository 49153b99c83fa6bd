import type { Lexicon } from "./lexicon.js";

export const fr: Lexicon = {
  code: "fr",
  weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"],
  dayWords: ["jour", "journée"],
  partsOfDay: ["matin", "matinée", "après-midi", "soir", "soirée"],
  numberWords: ["un", "deux", "trois", "quatre", "cinq", "premier", "première", "deuxième", "second", "seconde", "troisième", "dernier", "dernière"],
  containers: [
    "keynotes", "les keynotes", "sessions", "les sessions", "talks", "les talks", "les talks*", "conférences", "les conférences*", "les sessions*", "talks auxquels*",
    "sessions auxquelles*", "lightning talks", "ateliers", "les ateliers*", "présentations", "les présentations*", "temps forts", "autres talks*", "autres sessions*",
  ],
  unitLabels: ["session", "conférence", "talk"],
  topicGroups: ["notes sur*", "retour sur*"],
  keynoteWords: ["keynote"],
  talkWords: ["talk", "keynote", "session", "conférence", "présentation", "atelier", "table ronde", "panel", "démo", "retour d'expérience", "rex"],
  parts: [
    "résumé", "notes", "mes notes", "questions", "questions/réponses", "q&r", "démo", "démonstration", "à retenir", "ce qu'il faut retenir*", "points clés", "en bref",
    "contexte", "problème", "la solution", "solution", "architecture", "résultats", "conclusion", "conclusions", "et après", "ressources", "liens", "vidéo", "slides",
    "références", "mon avis", "avis", "impressions", "mes impressions", "description", "intervenants", "intervenant", "introduction", "pour aller plus loin*",
  ],
  notesTopics: [
    "introduction", "intro", "conclusion*", "en conclusion*", "pour conclure*", "le mot de la fin*", "mot de la fin*", "bilan", "voilà*", "et voilà*", "c'est fini*",
    "le voyage", "voyage", "le lieu", "repas", "déjeuner", "stands", "les stands", "sponsors", "les sponsors", "goodies", "soirée", "la soirée", 
    "remerciements*", "merci*", "récapitulatif*", "en résumé", "préambule", "avant-propos", "ambiance", "l'ambiance", "en bref", "le contexte",
  ],
  furniture: [
    "sommaire", "au sommaire", "table des matières", "dans cet article", "articles similaires*", "articles connexes*", "articles liés*", "à lire aussi*", "lire aussi*",
    "voir aussi*", "commentaires*", "laisser un commentaire*", "à propos de l'auteur*", "l'auteur", "abonnez-vous*", "inscrivez-vous*", "partager*", "partager cet article*",
  ],
  speakerLabels: ["intervenants", "intervenant", "intervenantes", "orateurs", "oratrices", "conférenciers", "présenté par", "animé par", "par", "avec"],
  byWords: ["par", "de", "avec"],
  andWords: ["et", "&"],
  mediaWords: ["vidéo", "video", "diapos", "diapositives", "slides", "support", "replay", "enregistrement", "page de la session", "programme"],
  signOffs: ["merci de nous avoir lus*", "merci de m'avoir lu*", "merci pour votre lecture*", "merci d'avoir lu*"],
  honorifics: [],
  jobTitles: ["ingénieur", "ingénieure", "directeur", "directrice", "responsable", "développeur", "développeuse", "architecte", "fondateur", "fondatrice", "cofondateur", "chef"],
  titleLabels: ["titre", "sujet", "thème", "titre de la conférence"],
  reportingVerbs: ["a présenté", "ont présenté", "a montré", "ont montré", "a expliqué", "ont expliqué", "a parlé", "ont parlé", "a raconté", "ont raconté", "présentait", "présentaient", "nous présentait", "nous a présenté", "nous ont présenté", "a partagé", "ont partagé"],
};
