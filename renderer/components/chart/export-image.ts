// Shapes as image files: a PNG from an offscreen canvas chart (ECharts getDataURL) and an SVG
// from ECharts' server-side renderer (renderToSVGString), at any size, independent of the chart
// on screen.
import { echarts } from './echarts';
import { standaloneOption } from './shape-series';
import type { ShapeLayer } from '../../../shared/roadmap/shapes';

export interface ImageSize {
  /** In the shapes' pixels. */
  width: number;
  height: number;
  /** Output pixels per shape pixel (PNG only). */
  pixelRatio?: number;
}

/** PNG bytes of the layers drawn on a white page. */
export function shapesToPng(layers: readonly ShapeLayer[], size: ImageSize): Uint8Array {
  const el = document.createElement('div');
  // Laid out but out of sight: ECharts measures its container.
  el.style.cssText = `position:fixed;left:-${size.width + 100}px;top:0;width:${size.width}px;height:${size.height}px;pointer-events:none;`;
  document.body.append(el);
  const chart = echarts.init(el, null, { renderer: 'canvas', width: size.width, height: size.height, devicePixelRatio: size.pixelRatio ?? 1 });
  try {
    chart.setOption(standaloneOption(layers));
    const url = chart.getDataURL({ type: 'png', pixelRatio: size.pixelRatio ?? 1, backgroundColor: '#ffffff' });
    return dataUrlBytes(url);
  } finally {
    chart.dispose();
    el.remove();
  }
}

/** SVG text of the layers, with a viewBox so it scales to any page. */
export function shapesToSvg(layers: readonly ShapeLayer[], size: ImageSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(standaloneOption(layers));
    return chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
}

function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  const bin = atob(url.slice(comma + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
