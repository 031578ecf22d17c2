// The only place ECharts is set up. Tree-shaken: the core, the custom series (everything the
// app draws is simple shapes), and the canvas and SVG renderers. No axes, tooltip, dataZoom or
// other components are registered: the roadmap owns its viewport, axis and tooltip, so they
// would only add weight.
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([CustomChart, CanvasRenderer, SVGRenderer]);

export { echarts };
export type ECharts = ReturnType<typeof echarts.init>;
