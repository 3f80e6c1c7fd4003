/**
 * "Did you mean …?": the candidate closest to a mistyped word, by edit distance with adjacent transpositions
 * (`uta` → `uat` is one edit), or undefined when nothing is close enough to be a likely typo. One rule for
 * every suggestion the tool makes (commands, options, environment names).
 */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
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

/** The closest candidate within a typo's reach (1 edit for short words, up to 3 for long ones); ties: the first. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const reach = Math.max(1, Math.min(3, Math.floor(word.length / 2)));
  let best: string | undefined;
  let bestDistance = reach + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (candidate !== word && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
