// Shapes (shared/roadmap/shapes) drawn by ECharts: one custom series per layer, one data item per
// shape item, and a renderItem that returns the item's shapes as graphic elements. The data of
// each series is only the items on screen (indexes into the current layer), so ECharts holds
// what is visible and nothing more; items keep their key as the data id, so an item that stays
// on screen updates its elements in place instead of being rebuilt.
import type { Shape, ShapeLayer } from '../../../shared/roadmap/shapes';
import { FONT_FAMILY } from '../../../shared/roadmap/shapes';

type ElementOption = Record<string, unknown>;

function element(s: Shape): ElementOption {
  switch (s.type) {
    case 'rect':
      return {
        type: 'rect',
        shape: { x: s.x, y: s.y, width: s.w, height: s.h, r: s.radius ?? 0 },
        style: { fill: s.fill ?? 'none', stroke: s.stroke ?? 'none', lineWidth: s.lineWidth ?? 0, lineDash: s.dash ?? null, opacity: s.opacity ?? 1 },
      };
    case 'line':
      return { type: 'line', shape: { x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2 }, style: { stroke: s.stroke, lineWidth: s.lineWidth ?? 1, lineDash: s.dash ?? null, opacity: s.opacity ?? 1 } };
    case 'polyline':
      return { type: 'polyline', shape: { points: s.points }, style: { fill: 'none', stroke: s.stroke, lineWidth: s.lineWidth ?? 1, lineDash: s.dash ?? null, opacity: s.opacity ?? 1 } };
    case 'polygon':
      return { type: 'polygon', shape: { points: s.points }, style: { fill: s.fill ?? 'none', stroke: s.stroke ?? 'none', lineWidth: s.lineWidth ?? 0, opacity: s.opacity ?? 1 } };
    case 'text':
      return {
        type: 'text',
        x: s.x,
        y: s.y,
        style: {
          text: s.text,
          fill: s.fill,
          font: `${s.weight === 'bold' ? '600 ' : ''}${s.size}px ${FONT_FAMILY}`,
          align: s.align ?? 'left',
          verticalAlign: s.baseline ?? 'middle',
          ...(s.maxWidth !== undefined ? { width: Math.max(1, s.maxWidth), overflow: 'truncate', ellipsis: '…' } : {}),
          ...(s.background ? { backgroundColor: s.background, padding: [1, 3], borderRadius: 3 } : {}),
        },
      };
  }
}

/**
 * Keeps the current items of each layer for the renderItem functions, and builds the series
 * option that points at them. The renderItem of a layer is created once, so ECharts sees the
 * same function on every update.
 */
export class ShapeSeries {
  private readonly items = new Map<string, ShapeLayer['items']>();
  private readonly renderers = new Map<string, (params: { dataIndex: number }) => ElementOption>();
  private known: string[] = [];

  private renderer(id: string) {
    let r = this.renderers.get(id);
    if (!r) {
      r = (params) => {
        const item = this.items.get(id)?.[params.dataIndex];
        return { type: 'group', children: item ? item.shapes.map(element) : [] };
      };
      this.renderers.set(id, r);
    }
    return r;
  }

  /** The option for these layers; layers drawn before but absent now are emptied. */
  option(layers: readonly ShapeLayer[]): { series: Record<string, unknown>[] } {
    const ids = new Set(layers.map((l) => l.id));
    const series: Record<string, unknown>[] = [];
    for (const l of layers) {
      this.items.set(l.id, l.items);
      series.push({
        id: l.id,
        type: 'custom',
        coordinateSystem: 'none',
        silent: true,
        animation: false,
        progressive: 0,
        z: l.z,
        renderItem: this.renderer(l.id),
        data: l.items.map((it, i) => ({ id: it.key, value: [i] })),
      });
    }
    for (const id of this.known) {
      if (ids.has(id)) continue;
      this.items.set(id, []);
      series.push({ id, type: 'custom', coordinateSystem: 'none', silent: true, renderItem: this.renderer(id), data: [] });
    }
    this.known = [...new Set([...this.known, ...ids])];
    return { series };
  }
}

/** A complete option for a chart that shows only these layers (exports). */
export function standaloneOption(layers: readonly ShapeLayer[], background = '#ffffff'): Record<string, unknown> {
  return { animation: false, backgroundColor: background, ...new ShapeSeries().option(layers) };
}
