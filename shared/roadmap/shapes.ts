// Simple shapes in canvas pixels: what the roadmap hands to the chart wrapper
// (renderer/components/chart), which draws them with an ECharts custom series. Plain data, so
// the drawing is tested in Node and the same shapes give the screen, the PNG and the SVG.

export type Shape =
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number; radius?: number; dash?: number[]; opacity?: number }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; lineWidth?: number; dash?: number[]; opacity?: number }
  | { type: 'polyline'; points: [number, number][]; stroke: string; lineWidth?: number; dash?: number[]; opacity?: number }
  | { type: 'polygon'; points: [number, number][]; fill?: string; stroke?: string; lineWidth?: number; opacity?: number }
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      fill: string;
      size: number;
      weight?: 'normal' | 'bold';
      align?: 'left' | 'center' | 'right';
      baseline?: 'top' | 'middle' | 'bottom';
      /** Truncated with an ellipsis past this width. */
      maxWidth?: number;
      /** A box behind the text, for labels drawn over lines. */
      background?: string;
    };

/** One drawn item: a group of shapes with a key that stays the same while the item does. */
export interface ShapeItem {
  key: string;
  shapes: Shape[];
}

/** A stack of items drawn together; higher z on top. */
export interface ShapeLayer {
  id: string;
  z: number;
  items: ShapeItem[];
}

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** How many shapes the layers hold (for tests and the frame statistics). */
export function countShapes(layers: readonly ShapeLayer[]): number {
  let n = 0;
  for (const l of layers) for (const it of l.items) n += it.shapes.length;
  return n;
}
