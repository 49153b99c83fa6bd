import { isTopicGroupPhrase, KEYNOTE_WORDS, phraseKey, TITLE_LABELS } from "../lexicon/index.js";
import { namesKubeCon } from "./event-catalog.js";
import { mentionsIn, type Mention } from "./inline-talks.js";
import { leadingDay } from "./days.js";
import { factsOf, type LineFacts } from "./line-facts.js";
import { readLines, type Line } from "./lines.js";
import { talkLinkKind, type TalkLinkKind } from "./links.js";
import { outlineOf, walk, type OutlineNode } from "./outline.js";
import type { Bullet, Speaker } from "./section.js";
import { honorificPeople, leadingPeople, listedPeople, parsePeople } from "./speakers.js";
import { TITLE_THRESHOLD, titleScore } from "./title-score.js";
import { endsMidSentence } from "./words.js";

/**
 * Segmentation: a recap's text becomes its talks, structure first.
 *
 * 1. Each line is read once into facts (`line-facts.ts`: its decorations peeled, what its words name).
 * 2. The recap's headings form an outline (`outline.ts`).
 * 3. The outline decides where talks begin (`decide` below): days, containers ("Keynotes", "Sessions")
 *    and notes topics (introduction, travel, booths) are no talks; a heading whose children read as
 *    talks is a container, else it is a talk and its sub-headings are parts of it. A recap whose one
 *    talk heading names its speakers (a per-talk file) is one talk.
 * 4. Text that is no talk is searched for talks named in prose (`inline-talks.ts`); what is left is the
 *    recap's notes: one section of `kind: "notes"`.
 */

/** A section as the segmenter finds it, before ids and tags are given. */
export interface FoundSection {
  /** A talk (keynote, session, panel), or the recap's own notes (introduction, conclusion, travel): never shown as a talk. */
  kind: "talk" | "notes";
  title: string;
  talk: string;
  parent?: string;
  speakers: Speaker[];
  day?: string;
  bullets: Bullet[];
  /** The talk's own link (video, slides, schedule page) and what it points at. */
  url?: string;
  urlKind?: TalkLinkKind;
}

export interface SegmentOptions {
  /** The recap's own title: dropped where the page repeats it, and the title of its notes. */
  recapTitle: string;
  language: string;
  /** The recap's author ("Jane Doe (Acme Blog)"): a short line at the top naming them or their site is the page's byline, no talk. */
  author?: string;
}

interface Draft {
  kind: "talk" | "notes";
  title: string;
  /** The group of topics it belongs to ("Notes on security" over "Seccomp"). */
  parent?: string;
  speakers: Speaker[];
  day?: string;
  url?: string;
  /** The lines of the section, in order; a part's heading is marked. */
  lines: { at: number; part?: true }[];
}

/** Kinds of heading that are never a talk by their words alone. */
type Role = NonNullable<LineFacts["role"]>;
/** "Keynotes" with text of its own under it: the keynote block, reported as one session. */
const KEYNOTE_BLOCK = new RegExp(KEYNOTE_WORDS, "iu");
/** Fewer characters than this of a recap's own notes (a line of introduction, a sign-off) are not worth a section. */
const NOTES_WORTH_KEEPING = 280;

export function segment(body: string, options: SegmentOptions): FoundSection[] {
  const all = readLines(body);
  const tocLines = contentsLines(all);
  // A page saved as text opens with its title, which the recap's front matter holds already.
  const plain = all.every((line) => line.markdownLevel === undefined);
  const recapTitle = phraseKey(options.recapTitle);
  const lines = all.filter((line, i) => !tocLines.has(i) && !(plain && line.depth === 0 && phraseKey(line.text) === recapTitle));
  const facts = lines.map((line) => factsOf(line, options.language));
  // A byline at the top ("Homecooked.nl - Jane Doe") heads nothing, unless the page is the author's own talk and nothing else.
  const byline = bylines(facts, options.author);
  if (byline.size > 0) {
    const sections = sectionsOf(facts.filter((_, i) => !byline.has(i)), options.recapTitle);
    if (sections.some((s) => s.kind === "talk")) return sections;
  }
  return sectionsOf(facts, options.recapTitle);
}

function sectionsOf(facts: readonly LineFacts[], recapTitle: string): FoundSection[] {
  const roots = outlineOf(facts);
  const plan = new Planner(facts, roots);
  plan.run();
  const sections = plan.drafts.flatMap((draft) => found(draft, facts, recapTitle));
  // A line of introduction beside the talks is not worth a section; a recap with no talk keeps all it says.
  const talks = sections.some((s) => s.kind === "talk");
  return sections.filter((s) => s.kind === "talk" || !talks || s.bullets.reduce((n, b) => n + b.text.length, 0) >= NOTES_WORTH_KEEPING);
}

/** Lines at the top of a page where its byline stands (a site name, "Posted on", the title around it). */
const PAGE_TOP = 6;

/**
 * The short lines at the top of the page that name the recap's author or their site, as the author
 * field gives them ("Jane Doe (Acme Blog)"): "Homecooked.nl - Jane Doe", "Λ: Ann Lee for Acme", "Acme Blog".
 */
function bylines(facts: readonly LineFacts[], author: string | undefined): Set<number> {
  const names = (author?.match(/[^()（）]+/gu) ?? []).map((part) => phraseKey(part)).filter((name) => name.length >= 3);
  const found = new Set<number>();
  facts.slice(0, PAGE_TOP).forEach((f, i) => {
    if (f.line.depth === 0 && !f.sentence && f.words <= 12 && names.some((name) => phraseKey(f.line.text).includes(name))) found.add(i);
  });
  return found;
}

class Planner {
  readonly drafts: Draft[] = [];
  private notes: Draft | undefined;
  /** The level at which the recap puts the parts of its talks ("#### Summary" under each talk), if it does. */
  private readonly partLevel: number | undefined;
  /** The talks the recap names in prose, found once for the whole text. */
  private readonly mentions: readonly Mention[];

  constructor(
    private readonly facts: readonly LineFacts[],
    private readonly roots: readonly OutlineNode[],
  ) {
    const counts = new Map<number, number>();
    for (const node of walk(roots)) if (this.role(node) === "part") counts.set(node.level, (counts.get(node.level) ?? 0) + 1);
    const [level, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    this.partLevel = count >= 2 ? level : undefined;
    this.mentions = mentionsIn(facts);
  }

  private mentionsIn(from: number, to: number): Mention[] {
    return this.mentions.filter((m) => m.at >= from && m.at < to);
  }

  private role(node: OutlineNode): Role | undefined {
    const role = this.facts[node.at]!.role;
    // "**Speakers**" over a list of people and nothing else: the label of a talk's people, a part of it, not a list of talks.
    return role === "container" && this.listsPeople(node) ? "part" : role;
  }

  private listsPeople(node: OutlineNode): boolean {
    const body = this.facts.slice(node.bodyFrom, node.bodyTo);
    return node.children.length === 0 && body.length > 0 && body.every((f) => f.people !== undefined);
  }

  run(): void {
    const first = this.roots[0]?.at ?? this.facts.length;
    const single = this.singleTalk();
    if (single) {
      // Before the talk's heading: its links and people ("## Meta") are the talk's, an introduction is the recap's notes.
      for (let i = 0; i < single.at; i++) if (!this.facts[i]!.marker) this.notesOf(i, i + 1);
      this.talk(single, 0, this.facts.length);
      return;
    }
    this.prose(0, first, undefined);
    this.decide(this.roots, undefined);
  }

  /**
   * A recap that is one talk: its first heading names the talk's people (or is labelled a talk) and no
   * other heading does, with no day or container over them; or its one top heading is the page's
   * title over parts of that talk.
   */
  private singleTalk(): OutlineNode | undefined {
    const nodes = walk(this.roots);
    const named = nodes.filter((n) => this.facts[n.at]!.speakers.length > 0 || this.facts[n.at]!.talkLabel);
    const structural = nodes.some((n) => this.role(n) === "day" || this.role(n) === "container");
    const first = nodes.find((n) => this.role(n) === undefined);
    // Only an outline the author wrote: one inferred from plain lines holds only what read as titles.
    const written = nodes.some((n) => this.facts[n.at]!.line.markdownLevel !== undefined);
    if (first && written && named.length === 1 && named[0] === first && !structural) return first;
    const top = this.roots.filter((n) => this.role(n) !== "furniture");
    const lone = top.length === 1 ? top[0]! : undefined;
    if (!lone || this.role(lone) !== undefined || namesKubeCon(this.facts[lone.at]!.text)) return undefined;
    return lone.children.length > 0 && lone.at <= 3 && !this.childrenAreTalks(lone) ? lone : undefined;
  }

  private decide(nodes: readonly OutlineNode[], day: string | undefined, parent?: string): void {
    for (const node of nodes) {
      const facts = this.facts[node.at]!;
      const role = this.role(node);
      if (role === "furniture") {
        // Page furniture (a table of contents, related posts, an author box) is no part of any section.
        this.decide(node.children, day);
      } else if (role === "day") {
        const named = facts.day ?? day;
        // "Day 2 keynotes" over text of its own: the day's keynote block, as under "Keynotes".
        if (KEYNOTE_BLOCK.test(facts.text) && this.told(node)) this.talk(node, node.at, node.bodyTo, named);
        else this.prose(node.bodyFrom, node.bodyTo, named);
        this.decide(node.children, named);
      } else if (role === "container") {
        // The keynote block, or a group of topics ("Notes on networking"), with text of its own: that text is content.
        if ((KEYNOTE_BLOCK.test(facts.text) || isTopicGroupPhrase(facts.text)) && this.told(node)) this.talk(node, node.at, node.bodyTo, day);
        else this.prose(node.bodyFrom, node.bodyTo, day);
        // A group's topics carry its name ("Notes on security › Seccomp"); a list of sessions does not.
        this.decide(node.children, day, isTopicGroupPhrase(facts.text) ? facts.text : undefined);
      } else if (role === "part" && node.children.length > 0) {
        // "Notes", "My notes" over the talks: a part's word outside any talk names the page.
        this.prose(node.bodyFrom, node.bodyTo, day);
        this.decide(node.children, day);
      } else if (role === "notes" && node.children.some((k) => this.facts[k.at]!.speakers.length > 0)) {
        // "Intro" over talks that name their people (a heading one level too high): the introduction is its own text only.
        this.notesOf(node.at, node.bodyTo);
        this.decide(node.children, day);
      } else if (role === "notes" || role === "part") {
        // A recap's own notes name talks in passing ("all the sessions I went to"): none of them is a section.
        this.notesOf(node.at, node.end);
      } else if (node.children.length > 0 && this.childrenAreTalks(node)) {
        this.prose(node.at, node.bodyTo, day);
        this.decide(node.children, day, parent);
      } else if (this.namesTalks(node)) {
        // A topic heading ("Le scaling vertical") over prose that names the talks it heard.
        this.prose(node.at, node.end, day);
      } else {
        this.talk(node, node.at, node.end, day, parent);
      }
    }
  }

  /** Whether a heading has text of its own before its first child, other than talks named there by their people or recordings. */
  private told(node: OutlineNode): boolean {
    return node.bodyTo > node.bodyFrom && !this.mentionsIn(node.bodyFrom, node.bodyTo).some((m) => m.strong);
  }

  /**
   * Whether a heading is a topic over talks named in prose: its own text names talks by their people
   * or recordings, or it does not read as a title and its text names talks at all.
   */
  private namesTalks(node: OutlineNode): boolean {
    if (this.facts[node.at]!.speakers.length > 0) return false;
    const mentions = this.mentionsIn(node.bodyFrom, node.end);
    return mentions.some((m) => m.strong && m.at < node.bodyTo) || (mentions.length > 0 && titleScore(this.facts[node.at]!) < TITLE_THRESHOLD);
  }

  /**
   * Whether the headings under a heading are talks (it is a container) rather than parts of it. They
   * are parts where the recap puts its parts at their level, where many of them name parts ("Demo",
   * "Q&A"), or where the heading's own text marks it as the talk ("Presenters: …"); they are talks
   * where one names its people, or where they read as titles under a heading with little text of its own.
   */
  private childrenAreTalks(node: OutlineNode): boolean {
    // A top heading that names the event is over the recap, not one talk of it.
    if (this.roots.length === 1 && this.roots[0] === node && namesKubeCon(this.facts[node.at]!.text)) return true;
    const kids = node.children.filter((k) => this.role(k) === undefined);
    if (kids.length === 0) return node.children.some((k) => this.role(k) === "day" || this.role(k) === "container");
    if (kids.some((k) => this.facts[k.at]!.speakers.length > 0 || this.facts[k.at]!.talkLabel)) return true;
    for (let i = node.bodyFrom; i < node.bodyTo; i++) if (this.facts[i]!.marker) return false;
    if (this.partLevel !== undefined && kids[0]!.level >= this.partLevel) return false;
    if (node.children.filter((k) => this.role(k) === "part").length >= node.children.length * 0.3) return false;
    const mean = kids.reduce((sum, k) => sum + titleScore(this.facts[k.at]!, this.facts[k.at + 1]), 0) / kids.length;
    return mean >= TITLE_THRESHOLD && node.bodyTo - node.bodyFrom <= 3;
  }

  /** A talk: the heading at `at`, the lines after it up to `to`; headings among them are its parts. */
  private talk(node: OutlineNode, from: number, to: number, day?: string, parent?: string): void {
    const facts = this.facts[node.at]!;
    const opens = day ?? leadingDay(facts.text);
    const draft: Draft = { kind: "talk", title: facts.title, ...(parent && { parent }), speakers: facts.speakers, ...(opens && { day: opens }), ...(facts.url && { url: facts.url }), lines: [] };
    const headings = new Set(walk([node]).map((n) => n.at));
    this.drafts.push(draft);
    for (let i = from; i < to; i++) {
      const part = this.facts[i]!;
      if (i === node.at || (i < node.at && !part.marker)) continue;
      if (headings.has(i) || part.heading) {
        if (part.role !== "furniture") draft.lines.push({ at: i, part: true });
      } else if (part.role === "part" && part.words <= 3 && (this.facts[i + 1]?.line.depth ?? 0) > part.line.depth) {
        // "• Summary" over the bullets of the summary: the label of a part, as a heading would be.
        draft.lines.push({ at: i, part: true });
      } else if (part.speakers.length > 0 && this.isBulletTalk(i)) {
        // "- Jane Doe (Acme): Title" over its own bullets: the talk after, whatever heading is above it.
        i = this.bulletTalk(i, to, day) - 1;
      } else {
        draft.lines.push({ at: i });
      }
    }
  }

  /**
   * Text that is no talk's: the talks it names in prose get the lines from their mention on; the rest,
   * and talks set as a bullet over their own notes, go to the recap's notes.
   */
  private prose(from: number, to: number, day: string | undefined): void {
    const mentions = this.mentionsIn(from, to);
    let current: Draft | undefined;
    for (let i = from; i < to; i++) {
      const facts = this.facts[i]!;
      const named = mentions.filter((m) => m.at === i);
      if (named.length) {
        const shared = named.map((m): Draft => ({ kind: "talk", title: m.title, speakers: m.speakers, ...(day && { day }), ...(m.url && { url: m.url }), lines: [{ at: i }] }));
        this.drafts.push(...shared);
        current = shared.at(-1);
        continue;
      }
      if (this.isBulletTalk(i)) {
        i = this.bulletTalk(i, to, day) - 1;
        current = undefined;
        continue;
      }
      if (current && !facts.heading) current.lines.push({ at: i });
      else {
        current = undefined;
        this.notesOf(i, i + 1);
      }
    }
  }

  private notesOf(from: number, to: number): void {
    for (let i = from; i < to; i++) this.notesDraft().lines.push({ at: i, ...(this.facts[i]!.heading && { part: true as const }) });
  }

  /** The talk a bullet at `at` heads, with the deeper bullets under it; returns where it ends. */
  private bulletTalk(at: number, to: number, day: string | undefined): number {
    const facts = this.facts[at]!;
    const draft: Draft = { kind: "talk", title: facts.title, speakers: facts.speakers, ...(day && { day }), ...(facts.url && { url: facts.url }), lines: [] };
    this.drafts.push(draft);
    let i = at + 1;
    for (; i < to && this.facts[i]!.line.depth > facts.line.depth && !this.facts[i]!.heading; i++) draft.lines.push({ at: i });
    return i;
  }

  /** "- **Cilium Mesh** — Thomas Graf, Isovalent" over bullets of notes: a talk set as the top bullet of a tree. */
  private isBulletTalk(i: number): boolean {
    const facts = this.facts[i]!;
    const next = this.facts[i + 1];
    if (facts.line.depth !== 1 || !next || next.line.depth <= 1 || facts.sentence) return false;
    if (facts.speakers.length > 0 || facts.talkLabel) return true;
    const bold = facts.line.emphasis > 0 || facts.line.lead !== undefined;
    const score = titleScore(facts, next);
    return score >= (bold ? TITLE_THRESHOLD : TITLE_THRESHOLD + 1);
  }

  private notesDraft(): Draft {
    if (!this.notes) {
      this.notes = { kind: "notes", title: "", speakers: [], lines: [] };
      this.drafts.push(this.notes);
    }
    return this.notes;
  }
}

/** The lines of a table of contents: a list of in-page links, or a list near the top whose items come back as headings. */
function contentsLines(lines: readonly Line[]): Set<number> {
  const limit = Math.floor(lines.length * 0.4);
  // Where each paragraph text is last seen, to tell in one look whether an item comes back later.
  const lastSeen = new Map<string, number>();
  lines.forEach((l, i) => l.depth === 0 && lastSeen.set(phraseKey(l.text), i));
  const toc = new Set<number>();
  let found = false;
  for (let start = 0; start < lines.length; start++) {
    if (lines[start]!.depth === 0) continue;
    let end = start;
    while (end < lines.length && lines[end]!.depth > 0) end++;
    const run = lines.slice(start, end);
    const anchors = run.every((l) => l.links.length > 0 && l.links.every((link) => link.url.startsWith("#")));
    const repeated = run.filter((l) => (lastSeen.get(phraseKey(l.text)) ?? -1) >= end).length;
    if ((run.length >= 2 && anchors) || (!found && start < limit && run.length >= 3 && repeated >= Math.ceil(run.length * 0.75))) {
      for (let k = start; k < end; k++) toc.add(k);
      found ||= !anchors;
    }
    start = end;
  }
  return toc;
}

/** A draft as the section it becomes: its speakers read from its first lines where its heading names none, its link, its bullets. */
function found(draft: Draft, facts: readonly LineFacts[], recapTitle: string): FoundSection[] {
  const speakers = [...draft.speakers];
  let url = draft.url;
  const bullets: Bullet[] = [];
  const lines = draft.lines.map((l) => facts[l.at]!.line);
  for (let k = 0; k < draft.lines.length; k++) {
    const { at, part } = draft.lines[k]!;
    const f = facts[at]!;
    if (url === undefined && (f.marker || f.people) && f.line.links.length > 0) {
      const link = f.line.links.find((l) => talkLinkKind(l.url, `${f.line.text} ${l.label}`));
      if (link) url = link.url;
    }
    url ??= f.url;
    const early = k < 12 && draft.kind === "talk";
    if (early && speakers.length === 0) {
      const listed = listedPeople(lines, k, part === true);
      if (listed) {
        speakers.push(...listed.speakers);
        k += listed.lines - 1;
        continue;
      }
      const people = f.people ?? (f.line.depth === 0 && bullets.length === 0 ? leadingPeople(f.line.text) ?? honorificPeople(f.line.text) : undefined);
      if (people && f.people) {
        speakers.push(...people);
        continue;
      }
      if (people) speakers.push(...people);
    }
    if (part) bullets.push({ text: f.text, depth: 0, part: true });
    // "Link to slides", "Talk abstract": what the line points at is the talk's link, the words are no note.
    else if (!f.talkMarker && !(f.linkLabel && f.line.links.length > 0)) addLine(bullets, f.line);
  }
  // A part's label stays where notes follow it, not where another label or the end does.
  const kept = bullets.filter((b, i) => !b.part || (bullets[i + 1] !== undefined && !bullets[i + 1]!.part));
  if (kept.length === 0 && url === undefined) return [];
  // "### Kay Yan" over "Her talk's topic: … (Title)": a heading that names only the speaker.
  const person = draft.kind === "talk" && speakers.length === 0 ? parsePeople(draft.title) : undefined;
  const stated = person?.length === 1 ? draft.lines.slice(0, 8).map((l) => statedTitle(withOriginal(facts, l.at))).find(Boolean) : undefined;
  if (stated) speakers.push(...person!);
  const title = draft.kind === "notes" ? recapTitle : (stated ?? draft.title);
  const kind = url && draft.kind === "talk" ? (talkLinkKind(url) ?? "page") : undefined;
  return [
    {
      kind: draft.kind,
      title: draft.parent ? `${draft.parent} › ${title}` : title,
      talk: title,
      ...(draft.parent && { parent: draft.parent }),
      speakers: dedupe(speakers),
      ...(draft.day && { day: draft.day }),
      bullets: outdent(kept),
      ...(url && draft.kind === "talk" && { url, urlKind: kind }),
    },
  ];
}

/** "他演讲的主题是：中文标题（English Title）", "Title: …": the title a note states, its parenthesized original preferred. */
const STATED_TITLE = new RegExp(`(?:${TITLE_LABELS})[^:：]{0,6}[:：]\\s*(.{6,200})$`, "iu");
const ORIGINAL = /[（(]([\p{Script=Latin}\d][^（）()]{10,}(?:\([^()]*\)[^（）()]*)*)[）)]\s*$/u;

/** A line and, when the page broke it before its parenthesized original ("…仿真\n（Making …）"), that original too. */
function withOriginal(facts: readonly LineFacts[], at: number): string {
  const next = facts[at + 1]?.line;
  return next && !next.afterBlank && next.depth === 0 && /^[（(][^（）()]+[）)]$/u.test(next.text) ? facts[at]!.line.text + next.text : facts[at]!.line.text;
}

function statedTitle(text: string): string | undefined {
  const stated = STATED_TITLE.exec(text)?.[1]?.trim();
  return stated ? (ORIGINAL.exec(stated)?.[1]?.trim() ?? stated) : undefined;
}

function dedupe(speakers: Speaker[]): Speaker[] {
  const seen = new Set<string>();
  return speakers.filter((s) => !seen.has(s.name.toLowerCase()) && seen.add(s.name.toLowerCase()));
}

/** Adds a line, joining it to the one before when the page broke a sentence across lines. */
function addLine(bullets: Bullet[], line: Line): void {
  const last = bullets.at(-1);
  const continues =
    last !== undefined &&
    !last.part &&
    line.depth === 0 &&
    !line.afterBlank &&
    !line.verbatim &&
    (/^[,.;:)\]]/.test(line.text) || (!/[.!?:)"”。！？]$/.test(last.text) && (/^\p{Ll}/u.test(line.text) || endsMidSentence(last.text))));
  if (continues) last.text += /^[,.;:)\]]/.test(line.text) ? line.text : ` ${line.text}`;
  else bullets.push({ text: line.text, depth: line.depth });
}

/** Bullets start at depth 1 within a section, whatever their depth on the page. */
function outdent(bullets: Bullet[]): Bullet[] {
  const depths = bullets.filter((b) => b.depth > 0).map((b) => b.depth);
  const shift = depths.length ? Math.min(...depths) - 1 : 0;
  return bullets.map((b) => (b.depth > 0 ? { ...b, depth: b.depth - shift } : b));
}

