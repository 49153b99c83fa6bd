/** Zone names the runtime knows, by the spelling asked: each checked once (a check builds a formatter). */
const known = new Map<string, string>();
/** Spellings kept at most: names come from users too ("europe/PARIS"), so the cache stays bounded. */
const MAX_KNOWN = 1024;

/** The runtime's own spelling of an IANA zone name ("europe/paris" → "Europe/Paris"), undefined when it knows none. */
export function canonicalZone(name: string): string | undefined {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  try {
    const zone = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    if (known.size < MAX_KNOWN) known.set(name, zone);
    return zone;
  } catch {
    return undefined;
  }
}

/** Whether the runtime knows an IANA time zone name. */
export const isTimeZone = (name: string): boolean => canonicalZone(name) !== undefined;
