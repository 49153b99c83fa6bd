/**
 * How likely a typed word is a slip for another: an edit distance where the slips people make
 * most cost less than other edits. Two neighbouring letters swapped, a letter replaced by a key
 * next to it (on a QWERTY or an AZERTY keyboard), a doubled letter typed once or a letter typed
 * twice cost `SLIP`; any other insertion, deletion or replacement costs 1.
 */
export const SLIP = 0.6;

const ROWS = {
  qwerty: ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"],
  azerty: ["1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"],
};

/** Each key's neighbours on either keyboard: left, right, and the keys above and below. */
const NEIGHBOURS = new Map<string, Set<string>>();
for (const rows of Object.values(ROWS)) {
  rows.forEach((row, r) => {
    [...row].forEach((key, i) => {
      const near = NEIGHBOURS.get(key) ?? new Set<string>();
      for (const other of [row[i - 1], row[i + 1], rows[r - 1]?.[i], rows[r - 1]?.[i + 1], rows[r + 1]?.[i], rows[r + 1]?.[i - 1]]) {
        if (other) near.add(other);
      }
      NEIGHBOURS.set(key, near);
    });
  });
}

export function areNeighbours(a: string, b: string): boolean {
  return NEIGHBOURS.get(a)?.has(b) ?? false;
}

/** The cost of typing `typed` for `intended` (Damerau-Levenshtein with the slips weighted as above). */
export function typingCost(typed: string, intended: string): number {
  const width = intended.length + 1;
  let prevPrev = new Float64Array(width);
  let prev = Float64Array.from({ length: width }, (_, j) => j);
  let row = new Float64Array(width);
  for (let i = 1; i <= typed.length; i++) {
    row[0] = i;
    const a = typed[i - 1]!;
    for (let j = 1; j < width; j++) {
      const b = intended[j - 1]!;
      const replace = a === b ? 0 : areNeighbours(a, b) ? SLIP : 1;
      const extra = i > 1 && a === typed[i - 2] ? SLIP : 1;
      const missing = j > 1 && b === intended[j - 2] ? SLIP : 1;
      let cost = Math.min(prev[j]! + extra, row[j - 1]! + missing, prev[j - 1]! + replace);
      if (i > 1 && j > 1 && a === intended[j - 2] && typed[i - 2] === b) cost = Math.min(cost, prevPrev[j - 2]! + SLIP);
      row[j] = cost;
    }
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[intended.length]!;
}
