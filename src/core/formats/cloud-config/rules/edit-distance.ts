/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Edits tolerated for a word of this length: short words need a closer match to count as a typo. */
const typoThreshold = (length: number): number => (length <= 3 ? 1 : length <= 6 ? 2 : 3);

/** The candidate closest to `word` within the typo threshold (case-insensitive), if any; ties go to the first. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = typoThreshold(word.length) + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: a far longer word (a pasted blob) is
    // no typo of any candidate, and comparing it would cost its length times theirs.
    if (Math.abs(c.length - w.length) >= bestDistance) continue;
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
