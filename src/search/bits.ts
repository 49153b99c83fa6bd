/** How many bits of a 32-bit number are set (summed in pairs, nibbles, then bytes: no loop, no branch). */
export function popcount(bits: number): number {
  let b = bits - ((bits >>> 1) & 0x55555555);
  b = (b & 0x33333333) + ((b >>> 2) & 0x33333333);
  return Math.imul((b + (b >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The set of a word's characters, folded into 32 bits (any mapping keeps "an edit changes two bits at most"). */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}
