/** "1 section", "2 sections": a count with its noun, plural when it is not one. */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : many}`;
}
