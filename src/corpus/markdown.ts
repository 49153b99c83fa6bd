import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";

/**
 * Reading a recap's text (Markdown, or plain text, which Markdown reads as paragraphs) through a real
 * Markdown parser into blocks of one line each, with the syntax gone: emphasis markers, images,
 * inline code backticks and stray HTML tags dropped, links kept as their label (and their URL kept
 * aside). The segmenter classifies these blocks; it never sees Markdown syntax.
 */

export interface Link {
  label: string;
  url: string;
}

/** One line of the recap as the segmenter sees it. */
export interface Block {
  /** The text without bullet marker, Markdown syntax or surrounding space. */
  text: string;
  /** 0 for a paragraph line, 1 and more for list items by nesting (or by indentation, for "•" bullets). */
  depth: number;
  /** Markdown heading level (`#` = 1), when the line is one. */
  markdownLevel?: number;
  /** The whole line is emphasized: 1 `*italic*`, 2 `**bold**`, 3 `***both***` (a heading in disguise). */
  emphasis: number;
  /** The line opened with a mark that plain-text pages put before headings ("■ Title", "◆ Title"). */
  headingMark?: true;
  /** The bold or italic words the line opens with, when more follows ("**Title** — Jane Doe, Acme"). */
  lead?: string;
  /** The links of the line, in order. */
  links: Link[];
  /** Words set in bold or italics inside the line, when the line is not all emphasized: where prose names a talk. */
  marked?: string[];
  /** Code or a table row: text to keep, never a heading (but a row of a table of talks is a talk). */
  verbatim: boolean;
  /** A table row: its cells, and the texts of its table's header row (`header` is set on that row itself). */
  table?: { cells: { text: string; links: Link[] }[]; columns: string[]; header: boolean };
  /** A blank line (or a thematic break) came before it. */
  afterBlank: boolean;
  /** 1-based line of the source it starts on. */
  line: number;
}

export interface ParsedMarkdown {
  blocks: Block[];
  /** The source's own front matter (Hugo and Jekyll posts carry one), unparsed. */
  frontMatter?: { format: "yaml" | "toml"; value: string };
}

/**
 * GitHub's Markdown without its autolink literals: that extension alone cost about a third of the
 * parse (measured on the 1 MB page of the ingest benchmark), so bare addresses are found in the
 * text instead (BARE_URL).
 */
const MICROMARK_BODY = [gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem()];
const MDAST_BODY = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown()];
/** For the first part of a text: front matter can only open one. */
const MICROMARK_EXTENSIONS = [...MICROMARK_BODY, frontmatter(["yaml", "toml"])];
const MDAST_EXTENSIONS = [...MDAST_BODY, frontmatterFromMarkdown(["yaml", "toml"])];

/** Bullets that Markdown does not know but pages use: "•", "◦", "–", "2)". */
const PLAIN_BULLET = /^([•◦▪▫‣⁃·*+\-–—]|\d{1,2}[.)])\s+/u;
/** Pictographs a page puts before a line or a heading as a bullet ("🎤 Title", "## 🚀 Title", "👉 Slides"). */
const EMOJI_BULLET = /^(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}][\uFE0F\u200D\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}]*\s*)+/u;
/** Marks that Japanese and other plain-text pages put before a heading: "■ セッション名", "◆ Title". */
const HEADING_MARK = /^[■□◆◇▶▷★☆]\s*/u;
/** Pictographs after a line ("Title 🎥", "Great demo 🎉"): decoration. */
const EMOJI_TAIL = /(?:\s*[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}][\uFE0F\u200D\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}]*)+$/u;
/** A bare address in text ("Slides: https://…", "www.example.org"), a link as GitHub reads it. */
const BARE_URL = /(?<![\p{L}\p{N}@/.])(?:https?:\/\/|www\.)[^\s<>]+/giu;
/** What ends a sentence after an address rather than the address: ".", ",", "?", a closing quote. */
const URL_TRAIL = /[?!.,:;*_~'"”’]+$/u;

/** Hugo shortcodes and Liquid tags (`{{< youtube id >}}`, `{{% notice %}}`, `{% embed … %}`): blog-engine markup. */
const TEMPLATE_TAG = /\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}/g;
/** "[1] https://…" on a line of its own: a numbered reference, as e-mail newsletters list their links. */
const NUMBERED_REFERENCE = /^\s*\[(\d{1,3})\]\s+((?:https?:\/\/|www\.)\S+)\s*$/;
/** "[1]" after the words it cites. */
const CITATION = /\s*\[(\d{1,3})\]/g;
const CITATION_NUMBER = /^\d{1,3}$/;

/** Inline HTML tags that are markup (dropped); anything else in angle brackets is text (`<pod-name>`). */
const HTML_TAG = /^<\/?(a|abbr|b|big|br|center|cite|code|del|div|em|font|hr|i|iframe|img|ins|kbd|mark|p|picture|q|s|small|source|span|strike|strong|sub|sup|u|video|audio|figure|figcaption|script|style|noscript|button|svg|path|input|label|section|article|header|footer|nav|aside)\b[^>]*>$|^<!--[\s\S]*-->$/i;

function parse(text: string, opening = true): Root {
  return opening
    ? fromMarkdown(text, { extensions: MICROMARK_EXTENSIONS, mdastExtensions: MDAST_EXTENSIONS })
    : fromMarkdown(text, { extensions: MICROMARK_BODY, mdastExtensions: MDAST_BODY });
}

/** A piece of inline text with what it is inside of. */
interface Run {
  text: string;
  em: boolean;
  strong: boolean;
  link?: number;
}

interface InlineLine {
  text: string;
  emphasis: number;
  lead?: string;
  marked?: string[];
  links: Link[];
  /** 0-based offset, in lines, from the first line of the inline content. */
  offset: number;
}

/** A piece of a text node: words, a bare address (`url`), or a citation of the words before it. */
interface Piece {
  text: string;
  url?: string;
  citation?: true;
}

/** A link of a line, and whether it is a numbered citation ("Title [1]") rather than linked words. */
type InlineLink = Link & { citation?: true };

/** Flattens inline content into lines (split at soft and hard breaks), without any syntax. */
function inlineLines(nodes: readonly PhrasingContent[], definitions: ReadonlyMap<string, string>): InlineLine[] {
  const lines: Run[][] = [[]];
  const links: InlineLink[] = [];
  const cite = (url: string, em: boolean, strong: boolean) => lines.at(-1)!.push({ text: "", em, strong, link: links.push({ label: "", url, citation: true }) - 1 });
  const visit = (node: PhrasingContent, em: boolean, strong: boolean, link: number | undefined) => {
    switch (node.type) {
      case "text":
      case "inlineCode": {
        const value = node.type === "text" ? node.value.replace(TEMPLATE_TAG, "") : node.value;
        value.split("\n").forEach((part, i) => {
          if (i > 0) lines.push([]);
          const pieces: Piece[] = node.type === "text" && link === undefined ? bareUrls(part).flatMap((p) => (p.url ? [p] : citations(p.text, definitions))) : [{ text: part }];
          for (const piece of pieces) {
            if (piece.citation) {
              cite(piece.url!, em, strong);
              continue;
            }
            const index = piece.url ? links.push({ label: "", url: piece.url }) - 1 : link;
            lines.at(-1)!.push({ text: piece.text, em, strong, link: index });
          }
        });
        return;
      }
      case "break":
        lines.push([]);
        return;
      case "emphasis":
        for (const child of node.children) visit(child, true, strong, link);
        return;
      case "strong":
        for (const child of node.children) visit(child, em, true, link);
        return;
      case "delete":
        for (const child of node.children) visit(child, em, strong, link);
        return;
      case "link":
      case "linkReference": {
        const url = node.type === "link" ? node.url : definitions.get(node.identifier.toLowerCase());
        // "[1]" pointing at a numbered reference: a citation of the words before it, not words of its own.
        if (url && node.children.length === 1 && node.children[0]!.type === "text" && CITATION_NUMBER.test(node.children[0]!.value)) {
          cite(url, em, strong);
          return;
        }
        const index = url ? links.push({ label: "", url }) - 1 : link;
        for (const child of node.children) visit(child, em, strong, index);
        return;
      }
      case "html":
        if (!HTML_TAG.test(node.value.trim())) lines.at(-1)!.push({ text: node.value, em, strong, link });
        return;
      default:
        return; // images, footnote references: not text
    }
  };
  for (const node of nodes) visit(node, false, false, undefined);

  return lines.map((runs, offset) => {
    runs.forEach((run, i) => {
      if (run.link === undefined) return;
      const target = links[run.link]!;
      target.label = target.citation ? runs.slice(0, i).map((r) => r.text).join("") : target.label + run.text;
    });
    const text = clean(runs.map((r) => r.text).join(""));
    const shown = runs.filter((r) => r.text.trim());
    const all = (test: (r: Run) => boolean) => shown.length > 0 && shown.every(test);
    const emphasis = (all((r) => r.em) ? 1 : 0) + (all((r) => r.strong) ? 2 : 0);
    const plainFrom = shown.findIndex((r) => !r.em && !r.strong);
    const lead = plainFrom > 0 ? clean(shown.slice(0, plainFrom).map((r) => r.text).join("")) : undefined;
    const own = [...new Set(runs.map((r) => r.link).filter((l): l is number => l !== undefined))];
    const marked: string[] = [];
    if (emphasis === 0) {
      let open = false;
      for (const run of runs) {
        const emphasized = run.em || run.strong;
        if (emphasized && open) marked[marked.length - 1] += run.text;
        else if (emphasized) marked.push(run.text);
        open = emphasized || (open && !run.text.trim());
      }
    }
    const spans = marked.map(clean).filter((m) => /\p{L}/u.test(m));
    return { text, emphasis, ...(lead && { lead }), ...(spans.length && { marked: spans }), links: own.map((i) => ({ label: clean(links[i]!.label), url: links[i]!.url })), offset };
  });
}

/** Text cut around its citations ("Gateway API Beta [1]") of numbered references the page defines. */
function citations(text: string, definitions: ReadonlyMap<string, string>): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const match of text.matchAll(CITATION)) {
    const url = definitions.get(match[1]!);
    if (!url) continue;
    pieces.push({ text: text.slice(from, match.index) }, { text: "", url, citation: true });
    from = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(from) });
  return pieces.filter((p) => p.text || p.citation);
}

/** Text cut around its bare addresses, each with its URL (`www.` ones as http://, as GitHub does). */
function bareUrls(text: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const match of text.matchAll(BARE_URL)) {
    let address = match[0];
    // Trailing punctuation, and a ")" the address did not open, belong to the sentence.
    for (let before = ""; before !== address; ) {
      before = address;
      address = address.replace(URL_TRAIL, "");
      if (address.endsWith(")") && address.split("(").length < address.split(")").length) address = address.slice(0, -1);
    }
    if (!/^[\p{L}\p{N}]/u.test(address.replace(/^(https?:\/\/|www\.)/i, ""))) continue; // "https://" alone
    pieces.push({ text: text.slice(from, match.index) }, { text: address, url: /^www\./i.test(address) ? `http://${address}` : address });
    from = match.index + address.length;
  }
  pieces.push({ text: text.slice(from) });
  return pieces.filter((p) => p.text);
}

function clean(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f\t]/g, " ").replace(/ {2,}/g, " ").trim();
}

/** The text of a line that Markdown left as it is (indented code read as text): its inline syntax only. */
function inlineOf(text: string, definitions: ReadonlyMap<string, string>): InlineLine {
  const root = parse(text);
  const first = root.children[0];
  if (first?.type === "paragraph" || first?.type === "heading") return inlineLines(first.children, definitions)[0]!;
  return { text: clean(text), emphasis: 0, links: [], offset: 0 };
}

class Reader {
  readonly blocks: Block[] = [];
  frontMatter?: ParsedMarkdown["frontMatter"];
  private readonly raw: string[];
  private readonly definitions = new Map<string, string>();
  private breakBefore = false;
  /** Lines of the source before the part being read (the source is parsed in parts). */
  offset = 0;

  constructor(source: string, roots: readonly { root: Root; offset: number }[]) {
    this.raw = source.split("\n");
    const collect = (node: Nodes) => {
      if (node.type === "definition") this.definitions.set(node.identifier.toLowerCase(), node.url);
      if ("children" in node) for (const child of node.children) collect(child);
    };
    for (const { root } of roots) collect(root);
    for (const raw of this.raw) {
      const reference = NUMBERED_REFERENCE.exec(raw);
      if (reference && !this.definitions.has(reference[1]!)) this.definitions.set(reference[1]!, reference[2]!);
    }
  }

  /** The 1-based source line a node starts (or ends) on. */
  private lineOf(node: Nodes, end = false): number {
    return ((end ? node.position?.end.line : node.position?.start.line) ?? 1) + this.offset;
  }

  private afterBlank(line: number): boolean {
    const before = this.breakBefore || line <= 1 || this.raw[line - 2]!.trim() === "";
    this.breakBefore = false;
    return before;
  }

  /** Emits a block, reading a page's own bullet ("•", "–") and its indentation from the source line. */
  private emit(inline: InlineLine, line: number, fields: { depth?: number; markdownLevel?: number; verbatim?: boolean; table?: Block["table"] }): void {
    let { text } = inline;
    let depth = fields.depth ?? 0;
    let headingMark = false;
    const afterBlank = this.afterBlank(line);
    if (!fields.verbatim) {
      // The list of numbered references is where the citations' links came from: not text.
      if (NUMBERED_REFERENCE.test(this.raw[line - 1] ?? "")) return;
      const bullet = fields.markdownLevel === undefined ? PLAIN_BULLET.exec(text) : null;
      if (bullet && depth === 0) {
        const raw = this.raw[line - 1] ?? "";
        depth = 1 + Math.floor(indentOf(raw) / 2);
        text = text.slice(bullet[0].length).trim();
      }
      text = text.replace(EMOJI_BULLET, "").replace(EMOJI_TAIL, "");
      headingMark = fields.markdownLevel === undefined && depth === 0 && HEADING_MARK.test(text);
      if (headingMark) text = text.replace(HEADING_MARK, "");
    }
    if (!text) return;
    this.blocks.push({
      text,
      depth,
      ...(fields.markdownLevel !== undefined && { markdownLevel: fields.markdownLevel }),
      emphasis: inline.emphasis,
      ...(headingMark && { headingMark }),
      ...(inline.lead && { lead: inline.lead }),
      ...(inline.marked && { marked: inline.marked }),
      links: inline.links,
      verbatim: fields.verbatim ?? false,
      ...(fields.table && { table: fields.table }),
      afterBlank,
      line,
    });
  }

  read(node: RootContent, depth: number): void {
    const start = this.lineOf(node);
    switch (node.type) {
      case "yaml":
        this.frontMatter ??= { format: "yaml", value: node.value };
        return;
      case "heading": {
        const lines = inlineLines(node.children, this.definitions);
        // "Text\n---" over several lines of plain text: only the last line is the heading.
        lines.forEach((inline, i) =>
          this.emit(inline, start + inline.offset, i === lines.length - 1 ? { depth, markdownLevel: node.depth } : { depth }),
        );
        return;
      }
      case "paragraph": {
        for (const inline of inlineLines(node.children, this.definitions)) this.emit(inline, start + inline.offset, { depth });
        return;
      }
      case "list":
        for (const item of node.children) this.readItem(item, depth + 1);
        return;
      case "blockquote":
      case "footnoteDefinition":
        for (const child of node.children) this.read(child, depth);
        return;
      case "code": {
        const fenced = /^\s*(```|~~~)/.test(this.raw[start - 1] ?? "");
        const end = this.lineOf(node, true);
        if (fenced) {
          node.value.split("\n").forEach((text, i) => this.emit({ text: clean(text), emphasis: 0, links: [], offset: 0 }, start + 1 + i, { depth, verbatim: true }));
          return;
        }
        // Four spaces of indentation in a plain-text page are nesting, not code: read each line as text.
        for (let line = start; line <= end; line++) {
          const raw = this.raw[line - 1]!;
          if (raw.trim()) this.emit(inlineOf(raw.trim(), this.definitions), line, { depth });
          else this.breakBefore = true;
        }
        return;
      }
      case "table": {
        const rows = node.children.map((row) =>
          row.children.map((cell) => {
            const lines = inlineLines(cell.children, this.definitions);
            return { text: lines.map((l) => l.text).join(" "), links: lines.flatMap((l) => l.links) };
          }),
        );
        const columns = rows[0]?.map((cell) => cell.text) ?? [];
        rows.forEach((cells, i) => {
          const text = cells.map((c) => c.text).filter(Boolean).join(" · ");
          const table = { cells, columns, header: i === 0 };
          this.emit({ text, emphasis: 0, links: cells.flatMap((c) => c.links), offset: 0 }, this.lineOf(node.children[i]!), { depth, verbatim: true, table });
        });
        return;
      }
      case "html": {
        // A block of HTML in Markdown: its text, without the tags (scripts, styles and comments dropped).
        const text = node.value.replace(/<(script|style)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->/gi, "").replace(/<[^>]*>/g, "\n");
        text.split("\n").forEach((part, i) => {
          if (part.trim()) this.emit({ text: clean(decodeEntities(part)), emphasis: 0, links: [], offset: 0 }, start + i, { depth });
        });
        return;
      }
      case "thematicBreak":
        this.breakBefore = true;
        return;
      default:
        if ((node.type as string) === "toml") this.frontMatter ??= { format: "toml", value: (node as { value: string }).value };
        return; // definitions, and anything without text
    }
  }

  /**
   * A list item: its first paragraph is the bullet, its continuation lines joined; its further
   * paragraphs are notes under it, as its sub-list is. A line that is not indented under the bullet
   * is, on a plain-text page, a line of its own (Markdown would take it as a lazy continuation).
   */
  private readItem(item: Extract<RootContent, { type: "listItem" }>, itemDepth: number): void {
    for (const [k, child] of item.children.entries()) {
      const depth = k > 0 && child.type === "paragraph" ? itemDepth + 1 : itemDepth;
      if (child.type !== "paragraph") {
        this.read(child, depth);
        continue;
      }
      const start = this.lineOf(child);
      const column = (child.position?.start.column ?? 1) - 1;
      const lines = inlineLines(child.children, this.definitions);
      const lazy = lines.findIndex((l, i) => i > 0 && indentOf(this.raw[start + l.offset - 1] ?? "") < column);
      const own = lazy < 0 ? lines : lines.slice(0, lazy);
      this.emit(
        {
          text: own.map((l) => l.text).filter(Boolean).join(" "),
          emphasis: own.every((l) => l.emphasis === own[0]!.emphasis) ? own[0]!.emphasis : 0,
          ...(own[0]?.lead && { lead: own[0].lead }),
          ...(own.some((l) => l.marked) && { marked: own.flatMap((l) => l.marked ?? []) }),
          links: own.flatMap((l) => l.links),
          offset: 0,
        },
        start,
        { depth },
      );
      if (lazy >= 0) for (const inline of lines.slice(lazy)) this.emit(inline, start + inline.offset, { depth: 0 });
    }
  }
}

function indentOf(raw: string): number {
  return raw.length - raw.trimStart().length;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Parts of about this many characters are parsed one at a time: micromark slows down more than
 * linearly on long texts (on the ingest benchmark's page, parts of 4,000 took about two thirds of
 * the CPU time of parts of 20,000).
 */
const PART = 4_000;

/**
 * The source cut in parts at blank lines followed by a line that is not indented (where no
 * paragraph, list or block quote goes on), never inside fenced code; with the line each starts on.
 */
function parts(source: string): { text: string; offset: number }[] {
  if (source.length <= PART) return [{ text: source, offset: 0 }];
  const lines = source.split("\n");
  const found: { text: string; offset: number }[] = [];
  let from = 0;
  let size = 0;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker.slice(0, 3) : undefined;
    size += line.length + 1;
    const next = lines[i + 1];
    if (size >= PART && fence === undefined && line.trim() === "" && next !== undefined && /^\S/.test(next) && !/^[>|]/.test(next)) {
      found.push({ text: lines.slice(from, i + 1).join("\n"), offset: from });
      from = i + 1;
      size = 0;
    }
  }
  found.push({ text: lines.slice(from).join("\n"), offset: from });
  return found;
}

/** Parses a recap's text into its blocks and its own front matter. */
export function parseMarkdown(body: string): ParsedMarkdown {
  const source = body.replace(/\r\n?/g, "\n");
  const roots = parts(source).map(({ text, offset }, i) => ({ root: parse(text, i === 0), offset }));
  const reader = new Reader(source, roots);
  for (const { root, offset } of roots) {
    reader.offset = offset;
    for (const node of root.children) reader.read(node, 0);
  }
  return { blocks: reader.blocks, ...(reader.frontMatter && { frontMatter: reader.frontMatter }) };
}
