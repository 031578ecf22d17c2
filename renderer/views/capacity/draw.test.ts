// The heat map's PNG legend: every band on the image, wrapped onto more lines when it is narrow
// (a one-line legend was cut off at "100–1…"), and nothing drawn past the image's right edge.
import { describe, expect, it } from 'vitest';
import { BANDS, LEGEND_H, exportFrame, exportLegend } from './draw';

describe('export legend', () => {
  it('keeps one line when the image is wide', () => {
    const l = exportLegend(2400);
    expect(new Set(l.items.map((i) => i.line)).size).toBe(1);
    expect(l.height).toBe(LEGEND_H);
  });

  it('wraps in a narrow image, every label whole and inside it', () => {
    for (const width of [420, 680, 900, 1100]) {
      const l = exportLegend(width);
      expect(l.items.filter((i) => i.band).map((i) => i.text)).toEqual(Object.values(BANDS).map((b) => b.label));
      expect(new Set(l.items.map((i) => i.line)).size).toBeGreaterThan(1);
      for (const it of l.items) expect(it.x + (it.band ? 24 : 0) + it.text.length * 6.2).toBeLessThanOrEqual(width);
      const lines = Math.max(...l.items.map((i) => i.line)) + 1;
      expect(l.height).toBeGreaterThanOrEqual(lines * 20);
      // The frame draws the legend inside the image's height.
      const frame = exportFrame('T', 's', 'd', width, 500);
      const texts = frame.items.find((i) => i.key === 'legend')!.shapes.filter((s) => s.type === 'text');
      expect(texts).toHaveLength(l.items.length);
      for (const t of texts) if (t.type === 'text') expect(t.y).toBeGreaterThan(500 - l.height);
    }
  });
});
