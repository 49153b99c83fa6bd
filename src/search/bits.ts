/** How many bits of a 32-bit number are set. */
export function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

/** The set of a word's characters, folded into 32 bits (any mapping keeps "an edit changes two bits at most"). */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}
