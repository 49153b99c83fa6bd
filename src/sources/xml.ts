import { XMLParser } from "fast-xml-parser";
import { SourceError } from "./source-error.js";

/**
 * XML of feeds and sitemaps, read with entity processing off: a document that declares entities of
 * its own (the "billion laughs" expands a few of them into gigabytes) is refused before parsing, and
 * only XML's five predefined entities and character references are decoded, in text we keep.
 */
const parser = new XMLParser({
  processEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** An element as the parser gives it: text, or an object of children and `@attributes`, or a list of either. */
export type XmlNode = string | { [name: string]: XmlNode | undefined } | XmlNode[];

export function parseXml(text: string, address: string): Record<string, XmlNode> {
  if (/<!ENTITY/i.test(text)) throw new SourceError(`${address} declares XML entities of its own, which a feed never needs (they can expand into gigabytes): refused.`);
  try {
    return parser.parse(text, true) as Record<string, XmlNode>;
  } catch (error) {
    throw new SourceError(`${address} is not well-formed XML (${(error as Error).message.split("\n")[0]}).`);
  }
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML's predefined entities and character references, decoded once (the parser leaves them as written). */
export function decodeXmlText(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|amp|quot|apos));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return PREDEFINED[name.toLowerCase()]!;
    const code = decimal ? Number(decimal) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A node as a list: the parser gives one child as itself and several as an array. */
export const listOf = (node: XmlNode | undefined): XmlNode[] => (node === undefined ? [] : Array.isArray(node) ? node : [node]);

/** The text of an element (its own text, CDATA included), decoded; undefined when it has none. */
export function textOf(node: XmlNode | undefined): string | undefined {
  const first = listOf(node)[0];
  if (first === undefined) return undefined;
  const raw = typeof first === "string" ? first : typeof first === "object" && !Array.isArray(first) && typeof first["#text"] === "string" ? first["#text"] : undefined;
  const text = raw === undefined ? undefined : decodeXmlText(raw).trim();
  return text || undefined;
}

/** An attribute of an element. */
export function attributeOf(node: XmlNode | undefined, name: string): string | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = node[`@${name}`];
  return typeof value === "string" ? decodeXmlText(value).trim() : undefined;
}

/** A child element of an element. */
export function childOf(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  return node[name];
}
