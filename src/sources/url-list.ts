/** The http(s) addresses of a plain list, one a line; blank lines and `#` comments are skipped. */
export function parseUrlList(text: string, base: string): string[] {
  const urls: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim();
    if (!word || word.startsWith("#")) continue;
    try {
      const url = new URL(word, base);
      if (url.protocol === "http:" || url.protocol === "https:") urls.push(url.href);
    } catch {
      // A line that is no address is not part of the list.
    }
  }
  return [...new Set(urls)];
}
