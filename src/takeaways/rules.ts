import type { Bullet, Section } from "../corpus/section.js";
import { isFunctionWord } from "../corpus/words.js";
import { hasConjugatedVerb, opensWithVerb } from "./grammar.js";

/** A candidate statement with what the rules read around it. */
export interface Candidate {
  text: string;
  language: string;
  /** `list` when the recap itself called it a takeaway, lesson or conclusion. */
  origin: "list" | "bullet" | "sentence";
  section: Pick<Section, "kind" | "tags" | "text" | "talk">;
  /** The bullet or paragraph it was cut from, and the lines around that one. */
  line: Bullet;
  previous?: Bullet;
  next?: Bullet;
  /** The nearest line above that its line nests under. */
  parent?: Bullet;
  /** The run of sibling lines (same depth, one after the other) its line sits in. */
  siblings: readonly Bullet[];
  /** Whether it is the first, the last sentence of its line. */
  first: boolean;
  last: boolean;
}

/**
 * One named, documented feature of a candidate and its weight: the score is the product of the
 * weights of the features a candidate has. Above 1 a feature makes it a better post (a number, a
 * named project), below 1 a weaker one (a definition, a how-to step), 0 never posts it.
 */
export interface Feature {
  name: string;
  weight: number;
  test(candidate: Candidate): boolean;
}

/**
 * A takeaway is postable when its score reaches this: a plain statement scores 1 and does not
 * reach it; it needs something a reader learns from (a number, a comparison, a lesson, advice, a
 * named project or company) more than what it lacks.
 */
export const POSTABLE_THRESHOLD = 1.3;

export function isPostable(score: number): boolean {
  return score >= POSTABLE_THRESHOLD;
}

/** Statements shorter than this are too thin to stand alone ("Networking is hard."). */
const THIN_LENGTH = 60;

const NEVER = 0;

/** The languages grammar.ts knows well enough to tell a statement without a verb. */
const HAS_GRAMMAR = new Set(["en", "fr"]);

const feature = (name: string, weight: number, test: (c: Candidate) => boolean): Feature => ({ name, weight, test });

const matches = (pattern: RegExp) => (c: Candidate) => pattern.test(c.text);

/** "Name: attributes", the label a short noun phrase without a verb. */
function labelled(c: Pick<Candidate, "text" | "language">): { label: string; rest: string } | undefined {
  const match = /^([^:]{2,100}?)\s?:\s+(\S.*)$/u.exec(c.text);
  if (!match) return undefined;
  const label = match[1]!;
  // Words in brackets describe the name: "Falco (consume and enrich kernel events – incubating)".
  let name = label;
  while (/\([^()]*\)/.test(name)) name = name.replace(/\([^()]*\)/g, " ");
  name = name.trim();
  if (name.split(/\s+/).length > 5 || hasConjugatedVerb(name, c.language)) return undefined;
  return { label, rest: match[2]! };
}

/** A run of at least three "Name: attributes" lines: a catalogue (project updates, tool lists). */
function inCatalogue(c: Candidate): boolean {
  return c.siblings.filter((line) => labelled({ text: line.text, language: c.language })).length >= 3;
}

/** Praise, thanks, venue and food, sponsors: about the conference, not about the technology. */
const CHIT_CHAT =
  /(?<![\p{L}-])((at|during|to|of) (the|this) (conference|event|summit)|(à|de|pendant) la (conférence|kubecon)|cool|awesome|amazing|great (talk|demo|session|keynote|job|story|presentation)|interesting|nice|fun|funny|impressive|impressed|excellent|fantastic|enjoy(ed|able)?|worth (it|the time|watching|a watch|seeing)|must[- ]see|shout[- ]?out|thanks?|thank you|kudos|congrat\p{L}*|well done|venue|catering|food|lunch|dinner|breakfast|coffee|part(y|ies)|swag|booths?|hotel|weather|beautiful|sponsor(ed|s|ing)?|platinum|tribute|génial|sympa|chouette|intéressante?s?|impressionnante?s?|passionnante?s?|bravo|merci|remerci\p{L}*|félicit\p{L}*|repas|traiteur|soirée|buffet|sponsoris\p{L}*)(?![\p{L}-])/iu;

/** The write-up telling how the session went rather than what it taught. */
const NARRATION =
  /(?<![\p{L}-])((started|starts|began|begins|continued|continues|kicked off|wrapped up|concluded|ended|finished) (with|by|on|off|describing|talking|explaining|presenting|the)|talked|spoke|presented|demo['’]?ed|demoed|showed us|walked us|took us|told us|gave (us|an overview|a presentation|a talk)|went through|introduced (us|by)|(was|were) (introduced|presented|shown|demoed)|during (the|a) (demo|talk|keynote|session|presentation|panel)|we (could|can) see|the (speaker|presenter|speakers|presenters|session|keynotes?|panel|demo|audience)\b|speaker \(|s['’]encha[iî]n\p{L}*|nous (a|ont|sont) (présenté|montré|expliqué)\p{L}*|(a|ont) présenté|démonstrations?|on a pu voir|(what|which) (was|were) (covered|shown|said|presented)|(le|les|un|une|ce) speakers?|l['’]intervenante?|(première|seconde|deuxième|dernière) présentation|donne envie|(a|an|the|this|that|un|le|ce) talk|nous (fait|fera|parle|présente|explique)|fait un retour|revient sur|commence par|termine par|on fini\p{L}*|l['’]orateur|la présentation|le public)(?![\p{L}-])/iu;

/** Endings that promise a word that never came: "called", "via", "ie.", "e.g.", a colon. */
const FRAGMENT_ENDING =
  /((?<![\p{L}-])(called|named|via|using|with|like|such as|including|namely|ie|i\.e|e\.g|eg|cf|appelée?s?|nommée?s?|comme|avec|notamment|par exemple)\.?|:|\.\.\.|…)$/iu;

/** Text the page garbled: runs of colons or arrows ("R(un)::::", "router -> backends -> service"). */
const GARBLED = /:{3,}|(->|→|=>).*(->|→|=>)|\.\.\s*\p{Ll}|\s,(?=\p{L})/u;

/** Two bullets glued together by a lost line break: "... integrations - Uses runc rootless". */
const GLUED_BULLETS = /\s-\s+\p{Lu}|[.!?]\s+\(/u;

/** A line that is only a negation: the page broke "No Dockerfile support" after "No". */
const BARE_NEGATION = /^(no|not|non|pas|sans|never|jamais|without|aucune?)\.?$/i;

/** Openings that lean on what came before: "Another part is...", "In the end", "The plugin". */
const LEANING_OPENING = new RegExp(
  "^(another|other|others|the other|the (same|latter|former|rest|remaining|following|next|last|first|second|third|final)|" +
    "in the end|at the end|finally|lastly|then|next|also|as well|similarly|likewise|both|either|neither|meanwhile|" +
    "in addition|additionally|besides|moreover|furthermore|on top of that|on the other hand|as a result|still|again|" +
    "an alternative|one of them|some of them|most of them|all of them|none of them|" +
    "un autre|une autre|d['’]autres|l['’]autre|les autres|enfin|finalement|au final|à la fin|ensuite|puis|aussi|" +
    "également|de même|de plus|en outre|par ailleurs|l['’]ensemble|le reste|ce dernier|cette dernière|celui-ci|" +
    "celle-ci|le premier|la première|le dernier|la dernière|de ce|dans ce|pour cela|pour ça|c['’]est pourquoi|" +
    "for that|for this|because of that|that['’]s why|this is why)(?![\\p{L}-])|" +
    // A definite article and a noun that only names something from earlier lines: "The plugin reserves".
    "^(goal|idea|result|solution|problem|answer|reason|point|conclusion)s? (is|are|was|were|:)|" +
    "^(the|le|la|les|l['’])\\s*(plugin|design|project|tool|idea|goal|solution|approach|feature|model|colou?rs?|query|" +
    "demo|result|results|team|company|problem|answer|reason|point|part|process|method|question|issue|topic|mod[eè]le|projet|outil|idée|but|" +
    "solution|approche|fonctionnalité|chiffres?|résultats?|équipe|problème)s?(?![\\p{L}-])(?!\\s+(of|de|d['’]|du|des|for|pour)\\b)",
  "iu",
);
/** A subject that is a common noun the talk has been about: "The checks pass", "The volume will remain", "Le cluster". */
const THE_SUBJECT = /^(The|Le|La|Les|L['’])\s*\p{Ll}[\p{Ll}-]*\s/u;
/** Words anywhere that point back: "also", "as well", "anymore", "such APIs", "aussi". */
const LEANING_WORD =
  /(?<![\p{L}-])(also|as well(?! as)|anymore|(?<!even )though|such (?!as\b)\p{L}+|aussi|également|non plus|de même|en plus|de plus|in addition|on top of that)(?![\p{L}-])|[,;)]\s(it|they|this|these)\s(\p{L}+ly\s)?(can|is|are|was|were|will|has|have|does|do|requires?|needs?)(?![\p{L}-])/iu;
/** A label's attributes that go on from something else: "Someone else’s app: and its state...". */
const CONJUNCTION_OPENING = /^(and|but|or|so|et|mais|ou|donc)(?![\p{L}-])/iu;
/** A question and its answer: "What is (e)BPF: ...", "Why OpenTelemetry? because ...". */
const QUESTION = /\?|^(what|why|how|who|which) (is|are|do|does|can|should)(?![\p{L}-])|^(pourquoi|comment|qu['’]est-ce)(?![\p{L}-])/iu;

/** Sentences that only announce what follows: "the first thing to do is to...", "here are". */
const PROMISE =
  /(?<![\p{L}-])(the first thing to do|first step is|here (is|are)|the following|as follows|there (are|were) (a few|some|two|three|four|five|several|many|\d+) (main |common |key )?\p{L}+|let['’]s (see|look)|voici|voilà|ci-dessous|suivante?s?|deux techniques|plusieurs (points|techniques|approches))(?![\p{L}-])/iu;

/** Pointers at a page, a link or a publication, in either language. */
const REFERENCE =
  /(?<![\p{L}-])(you can find|can be found|check (it )?out|see (the )?(link|slides|video|blog|post|article|docs?|documentation|repo)|available (here|online|on github)|more (info|information|details) (here|at|on|in)|read more|dont vous pouvez|vous pouvez (retrouver|trouver|consulter|lire)|retrouvez|à retrouver|disponibles? (ici|sur|en ligne)|voir (le|la|les) (lien|slides|article|vidéo|publication)|la publication|l['’]article|le lien)(?![\p{L}-])/iu;

/** News of the day it was written: releases, "now", "recently", "a new runtime". History once it says its year. */
const NEWS =
  /(?<![\p{L}-])(released|announced|launched|unveiled|introduced|went ga|graduated|annoncée?s?|sortie?s?|recent(ly)?|nowadays|now|currently|today|as of|yet|at the moment|for now|so far|this year|à ce jour|pour l['’]instant|pour le moment|last year|an? (brand )?new|récemment|actuellement|aujourd['’]hui|désormais|maintenant|cette année|pas encore|en cours|une? nouvel(le)?|(in|is|are|still|en) (preview|alpha|beta|draft)|preview|GA|general availability|work in progress|prototype|at the time of writing)(?![\p{L}-])/iu;
/** Plans and predictions: stale a year later, whatever year they name. */
const FUTURE =
  /(?<![\p{L}-])(will|won['’]t|might|soon|upcoming|coming|plans? to|planned|wants? to|going to|roadmap|in the (near )?future|(should|to) be (released|finalized|shipped|available|introduced|deprecated)|sera|seront|serait|vont|prochaine(ment)?|bientôt)(?![\p{L}-])/iu;

/** Filler of spoken or hurried writing: "more stuff that can break", "it's a bytecode basically". */
const INFORMAL = /(?<![\p{L}-])(stuff|basically|kinda|sort of|gonna|wanna|pretty much|a bunch of|killing it|trucs?|bref)(?![\p{L}-])/iu;

/** The speakers or the writer as characters: "he", "his company", "gave us", "il s’évade". */
const PERSONAL =
  /(?<![\p{L}-])(he|she|his|her|him|himself|herself|us|our|ours|let['’]s|we (can|could|are|were|need|have|had|saw|see|got|heard)|elle|ils|elles|nous|notre|nos|il(?! (faut|y a|est possible|s['’]agit|existe)))(?![\p{L}-])|^we(?![\p{L}-])/iu;

/** A figure a reader can hold on to: "1,800 services", "10x", "3 AZs", "two layers", "80%". */
const NUMBER =
  /(?<![\p{L}\p{N}.-])(\d[\d,.]*\s?(%|x|k|m|s)?|one (in|of) (two|three|four|five|ten)|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundreds?|thousands?|millions?|billions?|dozens?|half|twice|deux|trois|quatre|cinq|dix|cent|mille|centaines|milliers|millions|moitié)(?![\p{L}\p{N}])/iu;
/** Numbers that are only names: versions ("Kubernetes 1.8", "v2"), CVE ids, "Kernel 2.2". */
const VERSION = /(?<![\p{L}\p{N}])(v?\d+\.\d+(\.\d+)?|CVE-\d{4}-\d+|v\d+)(?![\p{N}])/giu;

/** Two things weighed against each other: "than", "instead of", "not an X, but a Y", "plutôt que". */
const COMPARISON =
  /(?<![\p{L}-])(than|compared (to|with)|versus|vs\.?|instead of|rather than|unlike|whereas|as opposed to|not (an?|the|just|only) [^,;.]{2,60}(,\s*)?but|no longer|not anymore|used to|(far|much|way|a lot|bien|beaucoup) (more|less|plus|moins) \p{L}+|the (best|worst|most|least|fastest|simplest|easiest|hardest|biggest)|(le|la|les) (meilleure?s?|pire|plus)|better|worse|faster|slower|cheaper|easier|harder|simpler|safer|smaller|bigger|larger|fewer|outperforms?|plutôt que|au lieu de|contrairement à|par rapport à|comparée? à|mieux|moins (de |d['’])?\p{L}+ que|plus (de |d['’])?\p{L}+ que)(?![\p{L}-])|,\s*(while|whereas|alors que|tandis que)(?![\p{L}-])|,\s*not (by|in|for|on|a|an|the|only|just)(?![\p{L}-])/iu;

/** What the speakers found out by doing it: "we learned", "it turned out", "the hard way", "in production". */
const LESSON =
  /(?<![\p{L}-])(we (learned|learnt|found|realized|realised|discovered|moved|migrated|cut|reduced|saved|went from|ended up|switched|replaced|run|ran)|(turned|turns) out|the hard way|lessons? learn[et]d?|in production|at scale|our (biggest|main|first|key) (lesson|mistake|problem|challenge)|nous avons (appris|constaté|découvert|migré|réduit)|on a (appris|constaté|découvert)|en production|à l['’]échelle|retour d['’]expérience|(not|rarely|hardly|barely|widely) (being )?(used|adopted)|(anyone|nobody|no one) (using|uses|is using)|the reality is|in (practice|reality)|en pratique|en réalité)(?![\p{L}-])/iu;

/** Why or when something happens: "because", "which means", "if the kubelet is too slow, ...", "car". */
const CAUSE =
  /(?<![\p{L}-])(because|since(?= (?!\d|version|v\d|then|the (start|beginning)))|so that|which means|this means|that means|means|(can|could|may|will) mean|leads? to|results? in|causes?|therefore|hence|thanks to|due to|as a result|parce que|car|donc|grâce à|ce qui (permet|signifie|évite)|afin que)(?![\p{L}-])|^given(?![\p{L}-])/iu;
/** A rule of behaviour: "If the kubelet is too slow, ...", "Quand ..., ...": a mechanism, a weaker reason to post than a cause. */
const CONDITIONAL = /^(if|when|whenever|once|unless|si|quand|lorsqu['’]?\p{L}*) [^,]{8,},\s/iu;

/** A verdict on something: "Networking is hard", "Istio is becoming the default", "la configuration reste complexe". */
const VERDICT =
  /(?<![\p{L}-])(is|are|was|were|remains?|becomes?|becoming|getting|gets|seems?|looks?|feels?|est|sont|reste|restent|devient|deviennent)(\s+(still|very|really|quite|far|much|so|too|not|often|usually|always|never|more|less|a lot|even|encore|très|vraiment|plus|moins|pas|souvent|toujours))*\s+(hard|harder|hardest|difficult|complex|complicated|expensive|costly|painful|slow|slower|fragile|brittle|risky|dangerous|mature|immature|mainstream|the (new )?(standard|default|norm)|a (rabbit hole|pain|must|buzzword|hype|bottleneck|trap)|a (big|real|huge|common|hard) (problem|issue|pain|challenge)|overkill|essential|critical|crucial|immutable|easy|easier|simple|simpler|cheap|cheaper|popular|uncommon|rare|production[- ]ready|unstable|unreliable|obvious|difficile|complexe|compliquée?s?|coûteu(x|se)s?|lente?s?|fragiles?|matures?|indispensables?|essentiel(le)?s?|critiques?|simples?|faciles?|rapides?)(?![\p{L}-])/iu;

/** A risk, a problem or a limit named as such: "operators have privileged access", "a bottleneck", "le piège". */
const RISK =
  /(?<![\p{L}-])(risks?|risky|concerns?|threats?|attacks?|attackers?|vulnerab\p{L}*|danger\p{L}*|exploit\p{L}*|compromised?|leaks?|outages?|incidents?|bottlenecks?|pitfalls?|drawbacks?|downsides?|trade-?offs?|caveats?|gotchas?|limitations?|single point of failure|blast radius|privileged|crash\p{L}*|failures?|broken|blacklisted|throttled|rate[- ]limit\p{L}*|downtime|risques?|menaces?|attaques?|pièges?|failles?|inconvénients?|limites)(?![\p{L}-])/iu;

/** Advice: "should", "avoid", "don't", "think twice", "il faut", "bonne idée". */
const RECOMMENDATION =
  /(?<![\p{L}-])(?<!(how|what|whether|which|when) [^,.;:]{0,60})(should|shouldn['’]t|must|mustn['’]t|don['’]t|do not|avoid|prefer|make sure|think twice|careful|beware|consider|recommend(s|ed)?|best practices?|(it['’]s|is) (better|best|worth|key|crucial|essential)|the key is|is a (good|bad) idea|suggest(s|ed)?|advis(e|ed|able)|(a )?good starting point|no need to|(don['’]t|do not|doesn['’]t) need|treat (it|them|\p{L}+) (like|as)|il faut|il vaut mieux|mieux vaut|évite[rz]?|privilégie[rz]?|bonne (idée|pratique)|recommand\p{L}*|ne (faut|doit) pas|doit|doivent|devrait|devraient)(?![\p{L}-])|(?<![\p{L}-])(always|never)(?! \p{L}+ing(?![\p{L}-]))(?![\p{L}-])/iu;

/** Definitions a reader can look up: "AppArmor is a Linux kernel security module", "X stands for". */
const DEFINITION =
  /^((the|an?|le|la|les|l['’]|un|une)\s*)?[^\s,;:]+(\s[^\s,;:]+){0,4}?\s(\([^)]*\)\s)?(is|are|est|sont) (an?|the|un|une|le|la|des|one of the)\s[^;:.]{0,120}?(?<![\p{L}-])(that|which|to|used|designed|aimed|meant|qui|permettant|destinée?)(?![\p{L}-])|^what (we|they) mean by|^(one of the|l['’]une? des) [^,;:]{3,60} (is|est) (the|le|la|l['’])|(?<![\p{L}-])(stands for|refers to|is defined as|désigne|se définit)(?![\p{L}-])|^[^:]{2,40}:\s(an?|une?)\s/iu;

/** A step of a how-to: "To implement X, you can start with", "Import the package and build", "you can use". */
const HOW_TO_OPENING =
  /^(to|pour|in order to|so as to|afin de?) \p{L}+\b|^(import|install|run|create|add|open|click|type|copy|paste|download|clone|set up|setup|configure|enable|go to|navigate|select|edit|build|execute|apply|define|write|call|declare|start with|first,?|then|next|step \d|installer|lancer|créer|ajouter|ouvrir|cliquer|configurer|exécuter|télécharger)(?![\p{L}-])/iu;
/** A verdict whose subject is the heading: "Good for keeping weeks of data", "Useful when ...". */
const EVALUATION_OPENING = /^(good|great|useful|handy|ideal|perfect|nice|bad|not (good|great|ideal)) (for|to|at|when)(?![\p{L}-])/iu;
/** "Using X to do Y" and no more: a phrase without its clause (a comma would start one). */
const INSTRUMENT_PHRASE = /^(using|leveraging|utili[sz]ing) [^\s,;:]+( [^\s,;:]+){0,3} to [^,;:]+$/iu;

/** What a tool can do, as its documentation says it: "Mesher can be easily integrated with", "OpenEBS enables". */
const DESCRIPTION =
  /^((the|an?)\s)?[^\s,;:]+(\s[^\s,;:]+)?(\s\([^)]*\))?\s(can (be )?(easily )?(?!mean|cause|lead|break|fail|hurt)\p{L}+|enables|integrates|collects|stores|exposes|manages|is (written|deployed|defined|configured|installed|used|built)|are (written|deployed|defined|configured|installed|used|built)|allows|lets|provides|supports|offers|helps|handles|automates|takes care of|permet|fournit|propose|offre)(?![\p{L}-])|^by \p{L}+ing\b/iu;

/** Instructions addressed to the reader anywhere in the text: "you can design a workflow", "vous pouvez". */
const INSTRUCTIONS = /(?<![\p{L}-])(you can|you need to|you have to|(need|needs) to be (provided|installed|configured|created|set)|vous pouvez|vous devez|on peut (utiliser|lancer|créer))(?![\p{L}-])/iu;

/** When, where and how to attend: rooms, schedules, registration, recordings, slides. */
const LOGISTICS =
  /(?<![\p{L}-])(room|hall \p{L}|registration|register|tickets?|badge|wi-?fi|schedule[sd]?|agenda|recording|recorded|livestream|youtube|slides? (are|is|will be)|videos? (are|is|will be)|\d{1,2}[:h]\d{2}|\d{1,2} ?(am|pm)|salle|inscriptions?|programme|replay|vidéos? (sont|est|seront))(?![\p{L}-])/iu;

/** What follows from something is no plan either: "relabels pods so that the Service won't match them". */
const CONSEQUENCE = /(?<![\p{L}-])(so that|which means|otherwise|or else|de sorte que|sinon)(?![\p{L}-])/iu;
/** A condition makes "will" a rule, not a plan: "if the kubelet is too slow, the OOM killer will kill it". */
const CONDITION = /(?<![\p{L}-])(if|when|whenever|once|unless|until|as long as|while|si|quand|lorsqu['’]?\p{L}*|tant que)(?![\p{L}-])/iu;

/**
 * A plan or prediction, unless a condition comes first and makes it a rule ("if the kubelet is too
 * slow, the OOM killer will kill it"); a condition after it only dates the plan ("AWS will open-source
 * it once EKS is GA").
 */
function plans(text: string): boolean {
  const future = FUTURE.exec(text);
  if (!future) return false;
  const condition = CONDITION.exec(text) ?? CONSEQUENCE.exec(text);
  return !condition || condition.index > future.index;
}

/** A section that is a demo: "Demo", "Demo project: Stork", "Démonstration". */
const DEMO = /(?<![\p{L}-])(demo|démo|démonstration|live coding)(?![\p{L}-])/iu;

/** A year written in the text: dated news that says its year reads as history ("back in 2016"). */
const YEAR = /(?<![\p{N}])(19|20)\d{2}(?![\p{N}])/u;

/**
 * A name of a project, company or product: a capital inside a word (eBPF, GitHub), an acronym, a
 * capitalized word past the first, or a first word its section writes capitalized mid-sentence too
 * ("Seccomp limits ..." where the notes say "... with Seccomp").
 */
function namesSomething(c: Candidate): boolean {
  const words = wordsOf(c.text);
  return words.some((word, i) => {
    // "child AND parent", "JUST": a function word in capitals is emphasis, no name.
    if (COMMON_CAPITALS.has(word) || isFunctionWord(word)) return false;
    if (/\p{Ll}\p{Lu}|^\p{Lu}{2,}s?$|^\p{Lu}[\p{Ll}\p{N}]*\p{Lu}/u.test(word)) return true;
    return /^\p{Lu}\p{Ll}/u.test(word) && (i > 0 || namesOf(c.section).has(word) || namedByHeading(c.section, word));
  });
}

function wordsOf(text: string): string[] {
  return text.replace(/[’]/g, "'").split(/[^\p{L}\p{N}'/-]+/u).filter(Boolean);
}

/** A short heading ("Seccomp", "Notes on security › AppArmor") names what its notes are about. */
function namedByHeading(section: Candidate["section"], word: string): boolean {
  const heading = wordsOf(section.talk);
  return heading.length <= 3 && heading.includes(word);
}

const NAMES = new WeakMap<object, Set<string>>();

/** The words a section writes capitalized in the middle of a sentence: its names. */
function namesOf(section: Candidate["section"]): Set<string> {
  let names = NAMES.get(section);
  if (!names) {
    names = new Set();
    for (const sentence of section.text.split(/[.!?:;\n]\s+|\n/u)) {
      for (const word of wordsOf(sentence).slice(1)) if (/^\p{Lu}\p{Ll}/u.test(word)) names.add(word);
    }
    NAMES.set(section, names);
  }
  return names;
}

/** "Kubernetes is a control loop: you express the desired state, it runs a diff": a claim, then why. */
function explainedAfterColon(c: Candidate): boolean {
  const colon = c.text.indexOf(": ");
  if (colon < 0) return false;
  return hasConjugatedVerb(c.text.slice(0, colon), c.language) && hasConjugatedVerb(c.text.slice(colon + 2), c.language);
}

/** Capitalized words that name nothing worth a mention: "I", days and months, the platform itself. */
const COMMON_CAPITALS = new Set([
  "I", "OK", "Kubernetes", "K8s", "K8S", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "API", "APIs", "UI", "CLI", "IT", "IP", "OS", "YAML", "JSON", "HTTP", "HTTPS", "TCP", "DNS", "CPU", "CPUs", "GPU",
]);

/** Whether the text gives a number that counts something, not a version or an id. */
function givesNumber(c: Candidate): boolean {
  return NUMBER.test(c.text.replace(VERSION, " "));
}

/** The features, in the order their names are listed. Their weights are here and nowhere else. */
export const FEATURES: readonly Feature[] = [
  // What a reader learns from.
  feature("number", 1.4, givesNumber),
  feature("comparison", 1.4, matches(COMPARISON)),
  feature("lesson", 1.5, matches(LESSON)),
  feature("recommendation", 1.5, matches(RECOMMENDATION)),
  feature("verdict", 1.3, matches(VERDICT)),
  feature("risk", 1.3, matches(RISK)),
  feature("cause", 1.3, (c) => CAUSE.test(c.text) || explainedAfterColon(c)),
  feature("conditional", 1.15, (c) => !CAUSE.test(c.text) && CONDITIONAL.test(c.text)),
  feature("named", 1.3, namesSomething),
  // Not about the technology: a section with no topic tag is about the conference itself.
  // A recap's own notes, or a programme's abstract (what a talk promises, not what it said).
  feature("notes", NEVER, (c) => c.section.kind !== "talk"),
  feature("no-topic", NEVER, (c) => c.section.tags.length === 0),
  feature("chit-chat", NEVER, matches(CHIT_CHAT)),
  feature("narration", NEVER, matches(NARRATION)),
  feature("logistics", NEVER, matches(LOGISTICS)),
  // Lines broken around inline code or abbreviations.
  feature("fragment-ending", NEVER, matches(FRAGMENT_ENDING)),
  feature("glued-bullets", NEVER, matches(GLUED_BULLETS)),
  feature("garbled", NEVER, matches(GARBLED)),
  feature("lost-negation", NEVER, (c) => c.first && c.previous !== undefined && BARE_NEGATION.test(c.previous.text.trim())),
  // The subject left in the heading: "Scales up the number of replicas".
  feature("subject-less", 0.3, (c) => (opensWithVerb(labelled(c)?.rest ?? c.text, c.language) && !HOW_TO_OPENING.test(c.text)) || INSTRUMENT_PHRASE.test(c.text) || EVALUATION_OPENING.test(c.text)),
  // A language grammar.ts does not read: whether it is a statement at all is not known.
  feature("unjudged", 0.6, (c) => !HAS_GRAMMAR.has(c.language)),
  feature("verbless", 0.35, (c) => c.origin !== "list" && !labelled(c) && HAS_GRAMMAR.has(c.language) && !hasConjugatedVerb(c.text, c.language)),
  // A sentence that needs its neighbour.
  feature("the-subject", 0.8, matches(THE_SUBJECT)),
  feature("leaning-opening", 0.2, (c) => LEANING_OPENING.test(c.text) || CONJUNCTION_OPENING.test(labelled(c)?.rest ?? "")),
  feature("leaning-word", 0.5, matches(LEANING_WORD)),
  // An item that completes the line it nests under: "They solved that by:", "Requirements:".
  feature("completes-lead-in", 0.75, (c) => c.origin !== "list" && c.parent !== undefined && /:\s*$/.test(c.parent.text)),
  // A lead-in whose payload was dropped: it promises, or the list it introduces follows.
  feature("lead-in", 0.3, (c) => PROMISE.test(c.text) || (c.last && (introducesList(c.line, c.next) || asksNext(c.line, c.next)))),
  // A bare "Name: attributes" item of an enumeration.
  feature("bare-label", 0.2, (c) => {
    const item = labelled(c);
    return item !== undefined && !hasConjugatedVerb(item.rest, c.language);
  }),
  feature("catalogue", 0.6, (c) => labelled(c) !== undefined && inCatalogue(c)),
  feature("reference", NEVER, matches(REFERENCE)),
  // A demo told step by step: what the screen showed, not what the talk taught.
  feature("demo", 0.5, (c) => DEMO.test(c.section.talk)),
  // Textbook lines and instructions: true, but nothing a channel learns from.
  feature("definition", 0.5, matches(DEFINITION)),
  feature("description", 0.75, matches(DESCRIPTION)),
  feature("how-to", 0.3, matches(HOW_TO_OPENING)),
  feature("instructions", 0.6, matches(INSTRUCTIONS)),
  // News gone stale, unless the text says its year; a story about people; thin or unfinished text.
  feature("dated", 0.5, (c) => plans(c.text) || (NEWS.test(c.text) && !YEAR.test(c.text))),
  feature("personal", 0.5, matches(PERSONAL)),
  feature("question", 0.3, matches(QUESTION)),
  feature("exclamation", 0.7, (c) => c.text.includes("!")),
  feature("informal", 0.5, matches(INFORMAL)),
  feature("thin", 0.9, (c) => c.text.length < THIN_LENGTH),
  // Bullets and the author's own list items often skip the final period; a paragraph without one is a note.
  feature("unfinished", 0.75, (c) => c.origin === "sentence" && !/[.!?…。]["”»)]*$/u.test(c.text)),
];

/** Across candidates: of an enumeration's "Name: attributes" items, only the best stays whole. */
export const ONE_PER_ENUMERATION = { name: "enumeration", weight: 0.4 } as const;

/** A premise set up for the question the next paragraph asks ("Developers are familiar with ..."). */
function asksNext(line: Bullet, next: Bullet | undefined): boolean {
  return next !== undefined && next.depth === line.depth && /\?\s*$/.test(next.text);
}

/** The list under a line: the next line nests under it and says something (not a bare link or name). */
function introducesList(line: Bullet, next: Bullet | undefined): boolean {
  return next !== undefined && next.depth > line.depth && next.text.split(/\s+/).length >= 4 && !/https?:|www\.|\.(com|io|org)\b/.test(next.text);
}

export interface Scored {
  score: number;
  /** The names of the features it has, for and against. */
  reasons: string[];
}

/** The product of the weights of the features a candidate has, and their names. */
export function scoreCandidate(candidate: Candidate): Scored {
  let score = 1;
  const reasons: string[] = [];
  for (const f of FEATURES) {
    if (!f.test(candidate)) continue;
    score *= f.weight;
    reasons.push(f.name);
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}


/** Whether a candidate reads as a "Name: attributes" item (the enumeration weight groups those). */
export function isLabelItem(candidate: Candidate): boolean {
  return labelled(candidate) !== undefined;
}
