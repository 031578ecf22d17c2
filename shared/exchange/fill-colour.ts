// A RAG carried only by a cell's fill colour: which of red, amber and green a fill means. Pure.
//
// People colour RAG cells with whatever the palette offers: Excel's standard red FF0000, orange
// FFC000 or yellow FFFF00 and green 00B050 / 92D050, its "Bad / Neutral / Good" cell styles
// (FFC7CE, FFEB9C, C6EFCE), LibreOffice's (FFCCCC, FFFFCC, CCFFCC), theme accents with a tint,
// dark reds and greens. So the decision is made on the hue (HSL), with a saturation floor and
// lightness bounds: white, greys, black and near-white tints mean no RAG, and so do blues,
// purples and pinks that are far from red.

export type RagLetter = 'R' | 'A' | 'G';

/** Below this saturation a fill is a grey (no RAG). */
const MIN_SATURATION = 0.25;
/** Above this lightness a fill is white or a barely visible tint (no RAG). */
const MAX_LIGHTNESS = 0.93;
/** Below this lightness a fill is black or nearly (no RAG). */
const MIN_LIGHTNESS = 0.1;

/** Hue ranges in degrees (0..360): red wraps round 0, amber runs from orange to yellow. */
const RED_BELOW = 16;
const RED_FROM = 330;
const AMBER_BELOW = 66;
const GREEN_BELOW = 170;

/** "RRGGBB" or "#RRGGBB" (also "AARRGGBB", as Excel writes ARGB) → hue, saturation, lightness. */
export function hexToHsl(hex: string): { h: number; s: number; l: number } | null {
  let t = String(hex ?? '').trim().replace(/^#/, '');
  if (/^[0-9a-f]{8}$/i.test(t)) t = t.slice(2);
  if (/^[0-9a-f]{3}$/i.test(t)) t = t.replace(/./g, (x) => x + x);
  if (!/^[0-9a-f]{6}$/i.test(t)) return null;
  const r = parseInt(t.slice(0, 2), 16) / 255;
  const g = parseInt(t.slice(2, 4), 16) / 255;
  const b = parseInt(t.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  return { h, s, l };
}

/** The RAG a fill colour stands for, or null (white, grey, black, blue, purple, not a colour). */
export function ragFromFill(hex: string): RagLetter | null {
  const hsl = hexToHsl(hex);
  if (!hsl) return null;
  const { h, s, l } = hsl;
  if (s < MIN_SATURATION || l > MAX_LIGHTNESS || l < MIN_LIGHTNESS) return null;
  if (h < RED_BELOW || h >= RED_FROM) return 'R';
  if (h < AMBER_BELOW) return 'A';
  if (h < GREEN_BELOW) return 'G';
  return null;
}

/** Words a RAG letter is written as, for the import's messages. */
export const RAG_FILL_WORDS: Record<RagLetter, string> = { R: 'red', A: 'amber', G: 'green' };
