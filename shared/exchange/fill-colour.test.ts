import { describe, expect, it } from 'vitest';
import { hexToHsl, ragFromFill } from './fill-colour';

describe('ragFromFill', () => {
  const cases: [string, string, 'R' | 'A' | 'G' | null][] = [
    // Excel's standard colours
    ['FF0000', 'Excel red', 'R'],
    ['C00000', 'Excel dark red', 'R'],
    ['FFC000', 'Excel orange', 'A'],
    ['FFFF00', 'Excel yellow', 'A'],
    ['00B050', 'Excel green', 'G'],
    ['92D050', 'Excel light green', 'G'],
    // Excel's Bad / Neutral / Good cell styles
    ['FFC7CE', 'Excel Bad', 'R'],
    ['FFEB9C', 'Excel Neutral', 'A'],
    ['C6EFCE', 'Excel Good', 'G'],
    // LibreOffice's Bad / Neutral / Good and its palette
    ['FFCCCC', 'LibreOffice Bad', 'R'],
    ['FFFFCC', 'LibreOffice Neutral', 'A'],
    ['CCFFCC', 'LibreOffice Good', 'G'],
    ['FF4000', 'LibreOffice Red Orange (hue 15°) reads as red', 'R'],
    ['FF8000', 'LibreOffice Orange', 'A'],
    ['2A6099', 'LibreOffice Dark Blue 2', null],
    // Google Sheets / web colours
    ['E06666', 'Sheets light red 1', 'R'],
    ['F6B26B', 'Sheets light orange 1', 'A'],
    ['93C47D', 'Sheets light green 1', 'G'],
    ['008000', 'web green', 'G'],
    ['FFA500', 'web orange', 'A'],
    ['#FF0000', 'with a hash', 'R'],
    ['ff0000', 'lower case', 'R'],
    ['FFFF0000', 'ARGB as Excel writes it', 'R'],
    ['F00', 'three digits', 'R'],
    // no RAG
    ['FFFFFF', 'white', null],
    ['F2F2F2', 'light grey', null],
    ['808080', 'grey', null],
    ['000000', 'black', null],
    ['0070C0', 'blue', null],
    ['00B0F0', 'light blue', null],
    ['7030A0', 'purple', null],
    ['FFFFF0', 'ivory (barely a tint)', null],
    ['', 'empty', null],
    ['red', 'a word, not a colour', null],
    ['GG0000', 'not hex', null],
  ];
  for (const [hex, what, rag] of cases) {
    it(`${what} (${hex || 'empty'}) → ${rag ?? 'no RAG'}`, () => expect(ragFromFill(hex)).toBe(rag));
  }

  it('is decided by hue across lightness: every shade of the same hue gives the same RAG', () => {
    for (const l of [0.2, 0.35, 0.5, 0.65, 0.8, 0.9]) {
      expect(ragFromFill(hsl(0, 1, l)), `red at l=${l}`).toBe('R');
      expect(ragFromFill(hsl(40, 1, l)), `amber at l=${l}`).toBe('A');
      expect(ragFromFill(hsl(120, 0.6, l)), `green at l=${l}`).toBe('G');
      expect(ragFromFill(hsl(220, 1, l)), `blue at l=${l}`).toBeNull();
    }
  });
});

describe('hexToHsl', () => {
  it('computes hue, saturation and lightness', () => {
    expect(hexToHsl('FF0000')).toEqual({ h: 0, s: 1, l: 0.5 });
    const g = hexToHsl('00FF00')!;
    expect(g.h).toBeCloseTo(120);
    const y = hexToHsl('FFC000')!;
    expect(y.h).toBeCloseTo(45.2, 0);
    expect(hexToHsl('808080')!.s).toBe(0);
  });
});

/** HSL → "RRGGBB", for the sweep above. */
function hsl(h: number, s: number, l: number): string {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [r, g, b].map((v) => Math.round((v + m) * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}
