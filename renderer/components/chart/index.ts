// The chart wrapper: the only code that imports ECharts.
export { ShapeChart, type ShapeChartHandle, type ShapeChartProps } from './ShapeChart';
export { shapesToPng, shapesToSvg, type ImageSize } from './export-image';
