/**
 * French names and descriptions for `/kubecon`, its subcommands and options, and the message
 * command, as Discord's `fr` localizations. Discord still sends the default (English) names in
 * interactions, so nothing else changes. A command of the registry missing here shows in English;
 * the registration test names it.
 */

export interface FrenchCommand {
  name: string;
  description: string;
  options?: Record<string, { name: string; description: string; choices?: Record<string, string> }>;
}

export const FRENCH_ROOT = { name: "kubecon", description: "Chercher dans les comptes rendus des talks KubeCon + CloudNativeCon" };

export const FRENCH_MESSAGE_COMMAND = "Chercher des talks KubeCon";

/** The options of maintenant, ensuite and aujourdhui: one topic, one page. */
const AGENDA_OPTIONS = { topic: { name: "sujet", description: "Le sujet des sessions (toutes sans sujet)" }, page: { name: "page", description: "Page de sessions" } };

export const FRENCH: Record<string, FrenchCommand> = {
  search: {
    name: "chercher",
    description: "Trouver les talks qui ont traité un sujet",
    options: {
      query: { name: "requête", description: "Ce que vous cherchez" },
      event: { name: "événement", description: "Seulement cet événement (par ex. eu-2018)" },
      year: { name: "année", description: "Seulement cette année" },
      lang: { name: "langue", description: "Seulement les comptes rendus dans cette langue", choices: { en: "anglais", fr: "français" } },
      speaker: { name: "orateur", description: "Seulement les talks de cet orateur" },
      page: { name: "page", description: "Page de résultats" },
    },
  },
  talk: {
    name: "talk",
    description: "Un talk en entier : toutes ses notes, ses orateurs, son événement et sa source",
    options: { id: { name: "id", description: "Un identifiant de section (bouton Details d'un résultat)" } },
  },
  events: { name: "événements", description: "Les événements du corpus et leur nombre de sections" },
  event: {
    name: "événement",
    description: "Un événement : ses points clés et tous ses talks, page par page",
    options: {
      id: { name: "id", description: "Un identifiant d'événement (voir événements)" },
      page: { name: "page", description: "Page de talks" },
    },
  },
  topics: { name: "sujets", description: "Les grands sujets et leur nombre par année, en tendance" },
  takeaway: { name: "à-retenir", description: "Un point à retenir au hasard, avec son talk" },
  now: {
    name: "maintenant",
    description: "Les sessions sur un sujet en cours à l'événement (toutes sans sujet)",
    options: AGENDA_OPTIONS,
  },
  next: {
    name: "ensuite",
    description: "Les sessions sur un sujet qui commencent dans l'heure",
    options: AGENDA_OPTIONS,
  },
  today: {
    name: "aujourdhui",
    description: "Les sessions du jour sur un sujet, avec heure et salle",
    options: AGENDA_OPTIONS,
  },
  daily: {
    name: "quotidien",
    description: "Publier chaque jour un point à retenir de KubeCon dans ce salon",
    options: {
      action: { name: "action", description: "on, off, status ou preview", choices: { on: "activer", off: "désactiver", status: "état", preview: "aperçu" } },
      time: { name: "heure", description: "Heure locale de publication, HH:MM sur 24 heures (09:00 par défaut)" },
      zone: { name: "fuseau", description: "Fuseau horaire IANA, par ex. Europe/Paris (UTC par défaut)" },
      topic: { name: "sujet", description: "Seulement les points à retenir sur ce sujet" },
    },
  },
  help: { name: "aide", description: "Ce que le bot sait faire, avec des exemples" },
};
