/** Abbreviations that end in a period without ending a sentence ("ie.", "e.g.", "vs.", "cf."). */
export const ABBREVIATION_END = /(?<![\p{L}])(ie|i\.e|eg|e\.g|vs|cf|etc|resp|approx|incl|p\.ex|c\.-à-d|cad)\.$/iu;

/** Whether a text ends a sentence: a closing mark (. ! ? ) 。！？) that is not the period of an abbreviation. */
export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  return /[.!?)。！？]$/.test(trimmed) && !ABBREVIATION_END.test(trimmed);
}
