/**
 * The one event-id scheme: a region code and the year (`eu-2024`, `na-2020`, `cn-2019`, `jp-2025`,
 * `in-2024`, `hk-2024`), so that two recaps of the same event share their id whoever wrote them.
 */

/** Region words in an event's name, and the code of each. */
const REGIONS: readonly { code: string; pattern: RegExp }[] = [
  { code: "eu", pattern: /\b(europe|eu|emea)\b/i },
  { code: "na", pattern: /\b(north america|na|usa)\b/i },
  { code: "cn", pattern: /\b(china|cn)\b|中国/i },
  { code: "jp", pattern: /\b(japan|jp)\b|日本|ジャパン/i },
  { code: "in", pattern: /\b(india)\b/i },
  { code: "hk", pattern: /\bhong kong\b|香港/i },
  { code: "kr", pattern: /\b(korea)\b/i },
  { code: "au", pattern: /\b(australia)\b/i },
];

/** Cities that have hosted a KubeCon, and their region, for names that give the city only ("KubeCon London 2016"). */
const CITIES: Record<string, string> = {
  london: "eu", berlin: "eu", copenhagen: "eu", barcelona: "eu", amsterdam: "eu", valencia: "eu", paris: "eu", "salt lake city": "na",
  seattle: "na", austin: "na", "san diego": "na", boston: "na", detroit: "na", chicago: "na", "los angeles": "na", atlanta: "na",
  "san francisco": "na", shanghai: "cn", tokyo: "jp", yokohama: "jp", hyderabad: "in", mumbai: "in", delhi: "in", "new delhi": "in",
  "hong kong": "hk", seoul: "kr", sydney: "au", melbourne: "au",
  londres: "eu", copenhague: "eu", amsterdão: "eu", "東京": "jp", "横浜": "jp", "上海": "cn",
};

const CITY = new RegExp(`(?<![\\p{L}])(${Object.keys(CITIES).sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}])`, "iu");
const YEAR = /\b(20[1-9]\d)\b/;
/** "KubeCon + CloudNativeCon Europe 2024", "KubeCon EU 2024", "KubeCon Japan 2025": the name up to its year. */
const EVENT_NAME = /\b(kubecon|cloudnativecon|cloud native con)\b[^\n]*?\b20[1-9]\d\b/i;

export interface EventFacts {
  event?: string;
  eventId?: string;
  year?: number;
  location?: string;
}

/** The region code of an event's name, when it names one (by region or by host city). */
export function regionOf(text: string): string | undefined {
  // A city first: "Europe" in "KubeCon Europe 2024 Paris" agrees, and "KubeCon London" names none.
  const named = REGIONS.find((r) => r.pattern.test(text.replace(/\bin\b/gi, " ")));
  if (named) return named.code;
  const city = CITY.exec(text);
  return city ? CITIES[city[1]!.toLowerCase()] : undefined;
}

/** The event id of the scheme for a region and a year. */
export function eventIdOf(region: string, year: number): string {
  return `${region}-${year}`;
}

/**
 * Event facts read from a title or first heading: "KubeCon + CloudNativeCon Europe 2024 Paris" gives
 * the event "KubeCon + CloudNativeCon Europe 2024", the id `eu-2024` and the location Paris.
 */
export function eventFactsOf(text: string): EventFacts {
  const match = EVENT_NAME.exec(text);
  const yearText = (match?.[0] ?? text).match(YEAR)?.[1];
  const year = yearText ? Number(yearText) : undefined;
  if (!match) return year ? { year } : {};
  const event = match[0].replace(/\s+/g, " ").trim();
  const after = text.slice(match.index + match[0].length);
  const city = CITY.exec(after) ?? CITY.exec(event);
  const region = regionOf(event) ?? (city ? CITIES[city[1]!.toLowerCase()] : undefined);
  const location = city ? city[1]!.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) : undefined;
  return {
    event,
    year,
    ...(region && year && { eventId: eventIdOf(region, year) }),
    ...(location && { location }),
  };
}
