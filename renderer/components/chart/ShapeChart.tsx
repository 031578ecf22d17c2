// A chart that draws shapes: ECharts initialised on a div, resized with it, disposed with it.
// Views get an imperative handle (draw the layers, read the size, make an image) and never
// touch ECharts themselves. Drawing is synchronous, so a caller that throttles its updates to
// animation frames draws exactly once per frame.
import { forwardRef, useEffect, useImperativeHandle, useRef, type CSSProperties } from 'react';
import { echarts, type ECharts } from './echarts';
import { ShapeSeries } from './shape-series';
import type { ShapeLayer } from '../../../shared/roadmap/shapes';

export interface ShapeChartHandle {
  /** Replaces what is drawn by these layers (only the items they hold are kept by ECharts). */
  draw(layers: readonly ShapeLayer[]): void;
  /** Size of the drawing area in CSS pixels. */
  size(): { width: number; height: number };
  /** The canvas element, for tests and pointer coordinates. */
  element(): HTMLDivElement | null;
}

export interface ShapeChartProps {
  className?: string;
  style?: CSSProperties;
  /** Told the drawing area's size once known and on every resize. */
  onResize?: (width: number, height: number) => void;
  /** Told after the canvas was painted, with the time painting took (zrender's figure). */
  onPainted?: (ms: number) => void;
  label?: string;
}

export const ShapeChart = forwardRef<ShapeChartHandle, ShapeChartProps>(function ShapeChart({ className, style, onResize, onPainted, label }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const series = useRef<ShapeSeries | null>(null);
  const callbacks = useRef({ onResize, onPainted });
  useEffect(() => {
    callbacks.current = { onResize, onPainted };
  });

  useEffect(() => {
    const el = host.current!;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
    series.current = new ShapeSeries();
    c.setOption({ animation: false, series: [] });
    c.getZr().on('rendered', (e: { elapsedTime?: number }) => callbacks.current.onPainted?.(e.elapsedTime ?? 0));
    const report = () => callbacks.current.onResize?.(el.clientWidth, el.clientHeight);
    const ro = new ResizeObserver(() => {
      c.resize();
      report();
    });
    ro.observe(el);
    report();
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
      series.current = null;
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      draw(layers) {
        const c = chart.current;
        const s = series.current;
        if (!c || !s || c.isDisposed()) return;
        c.setOption(s.option(layers), { lazyUpdate: false, silent: true });
      },
      size() {
        const el = host.current;
        return { width: el?.clientWidth ?? 0, height: el?.clientHeight ?? 0 };
      },
      element: () => host.current,
    }),
    [],
  );

  return <div ref={host} className={className} style={style} aria-hidden={label ? undefined : true} aria-label={label} />;
});
