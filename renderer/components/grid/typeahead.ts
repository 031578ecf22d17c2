// Type-to-pick in a list of choices, as Excel's drop-down lists and the browser's own list boxes
// do: the typed letters are a prefix of the label (case and accents ignored); when no label starts
// with them, a word inside one may ("dev" finds "Product development").

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Index of the first label the typed text picks, or -1. */
export function typeaheadMatch(labels: readonly string[], typed: string): number {
  const t = fold(typed);
  if (!t) return -1;
  const folded = labels.map(fold);
  const start = folded.findIndex((l) => l.startsWith(t));
  if (start >= 0) return start;
  return folded.findIndex((l) => l.split(/[\s\-/(]+/).some((w) => w.startsWith(t)));
}
