// The roadmap's engine outside React: it owns the viewport, draws at most once per animation
// frame (only what is on screen: computeFrame → drawFrame → the chart), and turns the pointer,
// the wheel and the keyboard into pans, zooms, clicks and drags. React gives it data and
// options and reads two small stores: the hover card and the view status (scale, hidden arrows).
import type { ShapeChartHandle } from '../../components/chart';
import type { RoadmapLayout } from '../../../shared/roadmap/layout';
import { barAt, buildLinks, computeFrame, hitTest, barRectOf, bodyRect, type Frame, type FrameOptions, type Geometry, type Hit, type LinkIndex, type MovePreview } from '../../../shared/roadmap/frame';
import { drawFrame, legendLayout, type DrawStyle, type LegendEntry } from '../../../shared/roadmap/draw';
import { countShapes, type ShapeLayer } from '../../../shared/roadmap/shapes';
import { clampViewport, createViewport, fitPortfolio, keyViewport, panBy, resize, revealRow, snapDays, centreOn, withRowHeight, zoomAt, contentHeight, maxScrollTop, type Viewport } from '../../../shared/roadmap/viewport';
import type { AxisSettings } from '../../../shared/roadmap/ticks';
import type { Dependency } from '../../../shared/model/schemas';
import { ExternalStore } from '../../state/external-store';

export interface MoveCheck {
  /** Dependency ids the move would leave broken, and how many of them the move itself breaks. */
  (projectId: string, startDay: number, finishDay: number, milestoneShift: number): { broken: string[]; brokenProjects: string[]; messages: string[]; newlyBroken: number };
}

export interface DropMove {
  projectId: string;
  part: 'start' | 'finish' | 'move';
  startDay: number;
  finishDay: number;
  deltaDays: number;
}

export interface ControllerData {
  layout: RoadmapLayout;
  dependencies: readonly Dependency[];
  options: Omit<FrameOptions, 'preview'>;
  style: DrawStyle;
  /** For images: what the colours and marks mean. */
  legend: LegendEntry[];
  axis: AxisSettings;
  snap: 'day' | 'week';
  rowHeight: number;
  editable: boolean;
}

export interface Callbacks {
  openProject(id: string): void;
  toggleLane(rowId: string): void;
  drop(move: DropMove): Promise<void>;
  checkMove: MoveCheck;
}

export interface HoverState {
  hit: Hit;
  /** Pointer position in the chart, CSS pixels. */
  x: number;
  y: number;
}

export interface DragState {
  projectId: string;
  code: string;
  part: 'start' | 'finish' | 'move';
  startDay: number;
  finishDay: number;
  deltaDays: number;
  broken: string[];
  messages: string[];
  newlyBroken: number;
  x: number;
  y: number;
}

/** What the toolbar shows about the chart; it changes with the zoom, not with every frame. */
export interface ViewStatus {
  scale: string;
  hiddenArrows: number;
}

export const LABEL_WIDTH = 300;
export const AXIS_HEIGHT = 44;
/** Largest content height of the native scrollbar beside the rows (see syncScroller). */
const SCROLL_SPAN = 20_000;

interface Gesture {
  pointerId: number;
  kind: 'pan' | 'drag' | 'click';
  hit: Hit | null;
  /** The bar being dragged (it may have been grabbed by one of its milestones). */
  bar: Extract<Hit, { kind: 'bar' }> | null;
  x0: number;
  y0: number;
  lastX: number;
  lastY: number;
  moved: boolean;
  original?: { start: number; finish: number };
}

export class RoadmapController {
  readonly hover = new ExternalStore<HoverState | null>(null);
  readonly dragging = new ExternalStore<DragState | null>(null);
  readonly status = new ExternalStore<ViewStatus>({ scale: 'month', hiddenArrows: 0 });
  /** The row the keyboard is on (Up/Down move it, Enter acts on it as a click would); null until used. */
  readonly cursor = new ExternalStore<number | null>(null);
  /** The hover card follows the keyboard's row once that row is drawn. */
  private cardForCursor = false;

  private data: ControllerData | null = null;
  private links: LinkIndex | null = null;
  private viewport: Viewport = createViewport({ width: 800, height: 400 });
  private chart: ShapeChartHandle | null = null;
  private scroller: HTMLElement | null = null;
  private spacer: HTMLElement | null = null;
  private surface: HTMLElement | null = null;
  private frame: Frame | null = null;
  private raf = 0;
  private size = { width: 0, height: 0 };
  private fitted = false;
  private gesture: Gesture | null = null;
  private preview: MovePreview | null = null;
  /** A dropped move stays drawn until the data with it arrives. */
  /** The scroll position we gave the native scrollbar last, so its scroll event is not taken for the user's. */
  private scrollerSet: number | null = null;
  private pendingDrop: { preview: MovePreview; broken: string[]; brokenProjects: string[] } | null = null;
  private moveBroken: { broken: Set<string>; projects: Set<string> } | null = null;
  private callbacks: Callbacks | null = null;

  // Statistics for tests and the benchmark.
  frames = 0;
  lastDrawMs = 0;
  lastShapes = 0;
  readonly drawTimes: number[] = [];
  /** Time the renderer took to paint each frame (zrender's own figure). */
  readonly paintTimes: number[] = [];

  painted(ms: number) {
    this.paintTimes.push(ms);
    if (this.paintTimes.length > 600) this.paintTimes.splice(0, this.paintTimes.length - 600);
  }

  attach(parts: { chart: ShapeChartHandle | null; scroller: HTMLElement | null; spacer: HTMLElement | null; surface: HTMLElement | null }) {
    this.chart = parts.chart;
    this.scroller = parts.scroller;
    this.spacer = parts.spacer;
    this.surface = parts.surface;
    this.request();
  }

  detach() {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.chart = null;
    this.scroller = null;
    this.surface = null;
    this.spacer = null;
  }

  setCallbacks(callbacks: Callbacks) {
    this.callbacks = callbacks;
  }

  /** Data, options or style changed: re-index links when the layout changed, then redraw. */
  setData(data: ControllerData) {
    const prev = this.data;
    this.data = data;
    if (!prev || prev.layout !== data.layout || prev.dependencies !== data.dependencies) {
      this.links = buildLinks(data.layout, data.dependencies);
      this.pendingDrop = null;
      const at = this.cursor.get();
      if (at !== null && at >= data.layout.rows.length) this.cursor.set(null);
    }
    let v = this.viewport;
    if (!prev || prev.rowHeight !== data.rowHeight) v = withRowHeight(v, data.rowHeight, data.layout.rows.length);
    this.viewport = clampViewport(v, data.layout.rows.length);
    if (!this.fitted && this.size.width > 0) this.fit();
    this.request();
  }

  get rowCount() {
    return this.data?.layout.rows.length ?? 0;
  }

  private geometry(): Geometry {
    const labelWidth = Math.min(LABEL_WIDTH, Math.max(170, Math.round(this.size.width * 0.3)));
    return { width: this.size.width, height: this.size.height, labelWidth, axisHeight: AXIS_HEIGHT, top: 0, bottom: 0, scale: 1 };
  }

  resize(width: number, height: number) {
    this.size = { width, height };
    const body = bodyRect(this.geometry());
    this.viewport = resize(this.viewport, body.width, body.height, this.rowCount);
    if (!this.fitted && this.data) this.fit();
    this.request();
  }

  // ------------------------------------------------------------------ viewport commands

  getViewport(): Viewport {
    return this.viewport;
  }

  /** The chart's size on screen, CSS pixels. */
  getViewportSize(): { width: number; height: number } {
    return { ...this.size };
  }

  setViewport(v: Viewport) {
    const next = clampViewport(v, this.rowCount);
    if (next === this.viewport) return;
    this.viewport = next;
    this.hover.set(null);
    this.request();
  }

  fit() {
    if (!this.data || this.size.width <= 0) return;
    this.fitted = true;
    this.setViewport(fitPortfolio(this.viewport, this.data.layout.range, this.data.options.today));
  }

  today() {
    if (this.data) this.setViewport(centreOn(this.viewport, this.data.options.today));
  }

  zoom(factor: number) {
    this.setViewport(zoomAt(this.viewport, factor, this.viewport.width / 2, this.rowCount));
  }

  /** Shows the days from … to across the width (the milestone view's "next 90 days"). */
  showDays(from: number, to: number) {
    const v = this.viewport;
    const pxPerDay = v.width / Math.max(1, to + 1 - from);
    this.setViewport({ ...v, pxPerDay, startDay: from });
  }

  /**
   * Scrolls a project's row into view and brings its bar on screen: the whole bar, in the
   * middle, when it fits; else its start near the left. With `day`, that day in the middle.
   */
  reveal(projectId: string, day?: number) {
    const layout = this.data?.layout;
    if (!layout) return;
    const row = layout.rowOfProject.get(projectId);
    let v = this.viewport;
    if (row !== undefined) v = revealRow(v, row, this.rowCount);
    const span = v.width / v.pxPerDay;
    const from = v.startDay;
    const to = v.startDay + span;
    const r = row !== undefined ? layout.rows[row] : undefined;
    if (day !== undefined) {
      if (day < from + span * 0.05 || day > to - span * 0.05) v = centreOn(v, day);
    } else if (r && r.kind === 'project' && r.startDay !== null && r.finishDay !== null) {
      const a = r.startDay;
      const b = r.finishDay + 1;
      const margin = span * 0.05;
      if (b - a <= span * 0.8) {
        if (a < from + margin || b > to - margin) v = { ...v, startDay: (a + b) / 2 - span / 2 };
      } else if (a < from || a > from + span * 0.3) v = { ...v, startDay: a - span * 0.1 };
    }
    this.setViewport(v);
  }

  key(e: KeyboardEvent): boolean {
    if (!this.data || e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === 'Escape' && this.gesture?.kind === 'drag') {
      this.cancelGesture();
      return true;
    }
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.shiftKey) return this.moveCursor(e.key === 'ArrowUp' ? -1 : 1);
    if (e.key === 'Enter' || e.key === ' ') return this.activateCursor();
    if (e.key === 'Escape' && this.cursor.get() !== null) {
      this.cursor.set(null);
      this.hover.set(null);
      this.request();
      return true;
    }
    const next = keyViewport(this.viewport, e.key, e.shiftKey, { totalRows: this.rowCount, today: this.data.options.today, range: this.data.layout.range });
    if (!next) return false;
    this.setViewport(next);
    return true;
  }

  /**
   * Moves the keyboard's row by `step` (from the first row on screen the first time), scrolls
   * it into view with its bar on screen, and shows its card: the keyboard's hover.
   */
  moveCursor(step: number): boolean {
    const n = this.rowCount;
    if (!n) return false;
    const at = this.cursor.get();
    const firstShown = Math.min(n - 1, Math.ceil(this.viewport.scrollTop / this.viewport.rowHeight));
    const row = at === null || at >= n ? firstShown : Math.max(0, Math.min(n - 1, at + step));
    this.cursor.set(row);
    const r = this.data!.layout.rows[row]!;
    if (r.kind === 'project' && this.data!.layout.rowOfProject.get(r.project.id) === row) this.reveal(r.project.id);
    else this.setViewport(revealRow(this.viewport, row, n));
    this.cardForCursor = true;
    this.request();
    return true;
  }

  /** Enter on the keyboard's row: what a click on it does (a lane folds, a project opens). */
  activateCursor(): boolean {
    const row = this.cursor.get();
    const r = row === null ? undefined : this.data?.layout.rows[row];
    if (!r || row === null) return false;
    if (r.kind === 'lane') this.callbacks?.toggleLane(r.rowId);
    else this.callbacks?.openProject(r.project.id);
    return true;
  }

  // ------------------------------------------------------------------ drawing

  request() {
    if (this.raf || typeof requestAnimationFrame === 'undefined') return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.draw();
    });
  }

  /** Draws now (also used by exports to get the current frame's inputs). */
  draw() {
    const data = this.data;
    if (!data || !this.chart || this.size.width <= 0 || this.size.height <= 0) return;
    const t0 = performance.now();
    const frame = this.computeFrame(this.geometry(), this.viewport);
    const cursor = this.cursor.get();
    const layers = drawFrame(frame, cursor === null ? data.style : { ...data.style, focusedRow: cursor });
    this.chart.draw(layers);
    this.frame = frame;
    if (this.cardForCursor) this.showCursorCard(frame);
    this.syncScroller();
    const ms = performance.now() - t0;
    this.frames++;
    this.lastDrawMs = ms;
    this.lastShapes = countShapes(layers);
    this.drawTimes.push(ms);
    if (this.drawTimes.length > 600) this.drawTimes.splice(0, this.drawTimes.length - 600);
    const s = this.status.get();
    // Only what the toolbar shows: a React render per scrolled frame would cost more than the frame.
    if (s.scale !== frame.ticks.scale || s.hiddenArrows !== frame.hiddenArrows) this.status.set({ scale: frame.ticks.scale, hiddenArrows: frame.hiddenArrows });
    if (this.frames === 1) performance.mark('pmo:roadmap:first-draw');
  }

  /** The frame for a geometry and viewport with the current data, options and drag. */
  computeFrame(g: Geometry, v: Viewport): Frame {
    const data = this.data!;
    const preview = this.preview ?? this.pendingDrop?.preview ?? null;
    let options: FrameOptions = { ...data.options, preview };
    const broken = this.moveBroken ?? (this.pendingDrop ? { broken: new Set(this.pendingDrop.broken), projects: new Set(this.pendingDrop.brokenProjects) } : null);
    if (broken) options = { ...options, violated: union(options.violated, broken.broken), violatedProjects: union(options.violatedProjects, broken.projects) };
    return computeFrame(data.layout, this.links, v, g, options, data.axis);
  }

  get currentFrame(): Frame | null {
    return this.frame;
  }

  /**
   * The native scrollbar beside the rows. Its content is at most SCROLL_SPAN pixels tall and
   * maps onto the rows in proportion: a spacer as tall as 10,000 rows (280,000 px) made Chrome
   * rebuild its layers on every frame (60 ms), whereas the scrollbar only needs the ratio.
   */
  private syncScroller() {
    const sc = this.scroller;
    if (!sc || !this.spacer) return;
    const content = contentHeight(this.viewport, this.rowCount);
    const h = `${Math.max(1, Math.min(content, SCROLL_SPAN))}px`;
    if (this.spacer.style.height !== h) this.spacer.style.height = h;
    const target = this.toScroller(this.viewport.scrollTop, sc);
    if (Math.abs(sc.scrollTop - target) >= 1) {
      this.scrollerSet = target;
      sc.scrollTop = target;
    }
  }

  private toScroller(scrollTop: number, sc: HTMLElement): number {
    const max = maxScrollTop(this.viewport, this.rowCount);
    const room = sc.scrollHeight - sc.clientHeight;
    return max <= 0 || room <= 0 ? 0 : Math.round((scrollTop / max) * room);
  }

  /** The native scrollbar was moved (by the user, or by us: then it is ignored). */
  onScroll(nativeTop: number) {
    const sc = this.scroller;
    if (!sc) return;
    if (this.scrollerSet !== null && Math.abs(nativeTop - this.scrollerSet) < 1) {
      this.scrollerSet = null;
      return;
    }
    this.scrollerSet = null;
    const room = sc.scrollHeight - sc.clientHeight;
    const max = maxScrollTop(this.viewport, this.rowCount);
    const scrollTop = room > 0 ? (nativeTop / room) * max : 0;
    if (Math.abs(scrollTop - this.viewport.scrollTop) < 1) return;
    this.setViewport({ ...this.viewport, scrollTop });
  }

  // ------------------------------------------------------------------ pointer

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const r = this.surface?.getBoundingClientRect();
    return r ? { x: e.clientX - r.left, y: e.clientY - r.top } : { x: e.clientX, y: e.clientY };
  }

  wheel(e: WheelEvent) {
    if (!this.data) return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.viewport.height : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    const { x } = this.local(e);
    const bodyX = x - this.geometry().labelWidth;
    if (e.ctrlKey || e.metaKey) this.setViewport(zoomAt(this.viewport, Math.exp(-dy * 0.0015), Math.max(0, bodyX), this.rowCount));
    else if (e.shiftKey) this.setViewport(panBy(this.viewport, dy || dx, 0, this.rowCount));
    else this.setViewport(panBy(this.viewport, dx, dy, this.rowCount));
  }

  pointerDown(e: PointerEvent) {
    if (!this.data || !this.frame || e.button !== 0 || this.gesture) return;
    const { x, y } = this.local(e);
    const hit = hitTest(this.frame, x, y);
    let kind: Gesture['kind'] = 'pan';
    let original: Gesture['original'];
    // A milestone drawn on its bar does not stop the bar from being dragged by it.
    const bar = hit?.kind === 'bar' ? hit : hit?.kind === 'milestone' ? barAt(this.frame, x, y) : null;
    if (bar && this.data.editable && this.data.options.mode === 'timeline') {
      const row = this.data.layout.rows[bar.index];
      if (row && row.kind === 'project' && row.startDay !== null && row.finishDay !== null) {
        kind = 'drag';
        original = { start: row.startDay, finish: row.finishDay };
      }
    } else if (hit) kind = 'click';
    this.gesture = { pointerId: e.pointerId, kind, hit, bar: kind === 'drag' ? bar : null, x0: x, y0: y, lastX: x, lastY: y, moved: false, ...(original ? { original } : {}) };
    // On the surface itself: React delegates events from its root, so the native event's
    // currentTarget is the root, and capturing there would send the rest of the drag past us.
    try {
      this.surface?.setPointerCapture(e.pointerId);
    } catch {
      /* a synthetic or already finished pointer: the drag still works without capture */
    }
    this.hover.set(null);
  }

  pointerMove(e: PointerEvent) {
    if (!this.data || !this.frame) return;
    const { x, y } = this.local(e);
    const g = this.gesture;
    if (!g || g.pointerId !== e.pointerId) {
      this.hoverAt(x, y);
      return;
    }
    if (!g.moved && Math.abs(x - g.x0) + Math.abs(y - g.y0) < 4) return;
    g.moved = true;
    if (g.kind === 'pan' || g.kind === 'click') {
      g.kind = 'pan';
      this.setViewport(panBy(this.viewport, g.lastX - x, g.lastY - y, this.rowCount));
    } else if (g.kind === 'drag' && g.bar && g.original) {
      const delta = snapDays((x - g.x0) / this.viewport.pxPerDay, this.data.snap);
      const part = g.bar.part;
      let start = g.original.start;
      let finish = g.original.finish;
      if (part === 'move') {
        start += delta;
        finish += delta;
      } else if (part === 'start') start = Math.min(finish, start + delta);
      else finish = Math.max(start, finish + delta);
      const shift = part === 'move' ? delta : 0;
      this.updateDrag(g.bar.projectId, part, start, finish, part === 'move' ? delta : part === 'start' ? start - g.original.start : finish - g.original.finish, shift, x, y);
    }
    g.lastX = x;
    g.lastY = y;
  }

  private updateDrag(projectId: string, part: DragState['part'], start: number, finish: number, delta: number, shift: number, x: number, y: number) {
    const prev = this.preview;
    const same = prev && prev.projectId === projectId && prev.startDay === start && prev.finishDay === finish;
    const code = this.codeOf(projectId);
    if (!same) {
      this.preview = { projectId, startDay: start, finishDay: finish, milestoneShift: shift };
      const check = delta === 0 ? { broken: [], brokenProjects: [], messages: [], newlyBroken: 0 } : (this.callbacks?.checkMove(projectId, start, finish, shift) ?? { broken: [], brokenProjects: [], messages: [], newlyBroken: 0 });
      this.moveBroken = delta === 0 ? null : { broken: new Set(check.broken), projects: new Set(check.brokenProjects) };
      this.dragging.set({ projectId, code, part, startDay: start, finishDay: finish, deltaDays: delta, broken: check.broken, messages: check.messages, newlyBroken: check.newlyBroken, x, y });
      this.request();
    } else {
      const d = this.dragging.get();
      if (d) this.dragging.set({ ...d, x, y });
    }
  }

  private codeOf(projectId: string): string {
    const row = this.data?.layout.rowOfProject.get(projectId);
    const r = row === undefined ? undefined : this.data?.layout.rows[row];
    return r && r.kind === 'project' ? r.project.code : projectId;
  }

  pointerUp(e: PointerEvent) {
    const g = this.gesture;
    if (!g || g.pointerId !== e.pointerId) return;
    this.gesture = null;
    if (g.kind === 'drag' && g.moved) {
      const d = this.dragging.get();
      const preview = this.preview;
      this.preview = null;
      this.dragging.set(null);
      const broken = this.moveBroken;
      this.moveBroken = null;
      if (d && preview && d.deltaDays !== 0) {
        this.pendingDrop = { preview, broken: broken ? [...broken.broken] : [], brokenProjects: broken ? [...broken.projects] : [] };
        void this.callbacks?.drop({ projectId: d.projectId, part: d.part, startDay: d.startDay, finishDay: d.finishDay, deltaDays: d.deltaDays }).finally(() => {
          // If the data did not change (refused), show the bar where it is stored.
          if (this.pendingDrop?.preview === preview) {
            this.pendingDrop = null;
            this.request();
          }
        });
      }
      this.request();
      return;
    }
    if (!g.moved && g.hit) this.click(g.hit);
  }

  cancelGesture() {
    this.gesture = null;
    this.preview = null;
    this.moveBroken = null;
    this.dragging.set(null);
    this.request();
  }

  pointerLeave() {
    if (!this.gesture) this.hover.set(null);
  }

  /** The hover card of the keyboard's row, beside its bar (or its label), as the pointer would show it. */
  private showCursorCard(frame: Frame) {
    this.cardForCursor = false;
    const row = this.cursor.get();
    const r = row === null ? undefined : this.data?.layout.rows[row];
    if (!r || row === null) return;
    if (r.kind === 'lane') {
      const lane = frame.lanes.find((l) => l.index === row);
      if (lane) this.hover.set({ hit: { kind: 'lane', rowId: r.rowId, index: row }, x: this.geometry().labelWidth - 8, y: lane.y + lane.h });
      return;
    }
    const bar = frame.bars.find((b) => b.index === row);
    const label = frame.labels.find((l) => l.index === row);
    if (bar) this.hover.set({ hit: { kind: 'bar', projectId: r.project.id, part: 'move', index: row }, x: Math.min(bar.x1, this.size.width - 40), y: bar.barY + bar.barH });
    else if (label) this.hover.set({ hit: { kind: 'label', projectId: r.project.id, index: row }, x: this.geometry().labelWidth - 8, y: label.y + label.h });
    else this.hover.set(null);
  }

  private click(hit: Hit) {
    if (hit.kind === 'lane') this.callbacks?.toggleLane(hit.rowId);
    else this.callbacks?.openProject(hit.projectId);
  }

  private hoverAt(x: number, y: number) {
    const hit = this.frame ? hitTest(this.frame, x, y) : null;
    if (this.surface) this.surface.style.cursor = cursorFor(hit, !!this.data?.editable && this.data.options.mode === 'timeline');
    const prev = this.hover.get();
    if (!hit) {
      if (prev) this.hover.set(null);
      return;
    }
    if (prev && sameHit(prev.hit, hit) && Math.abs(prev.x - x) < 2 && Math.abs(prev.y - y) < 2) return;
    this.hover.set({ hit, x, y });
  }

  // ------------------------------------------------------------------ images

  /**
   * The layers of an image of the current view at another size: the same dates across the
   * width and the rows from the first one on screen, as many as fit, with a title band and a
   * legend band. `scale` enlarges text, rows and strokes (print resolution).
   */
  imageLayers(width: number, height: number, scale: number, chrome: (f: Frame) => { title: string; subtitle: string; date: string }): ShapeLayer[] | null {
    const data = this.data;
    if (!data) return null;
    const screen = this.geometry();
    const bottom = Math.ceil(legendLayout(data.legend, width, scale).height);
    const g: Geometry = { width, height, labelWidth: Math.round(screen.labelWidth * scale), axisHeight: Math.round(AXIS_HEIGHT * scale), top: Math.round(64 * scale), bottom, scale };
    const body = bodyRect(g);
    const src = this.viewport;
    const span = src.width / src.pxPerDay;
    const rowHeight = src.rowHeight * scale;
    const firstRow = Math.floor(src.scrollTop / src.rowHeight);
    const v: Viewport = { startDay: src.startDay, pxPerDay: body.width / span, scrollTop: firstRow * rowHeight, rowHeight, width: body.width, height: body.height };
    const frame = this.computeFrame(g, v);
    return drawFrame(frame, { ...data.style, title: chrome(frame), legend: data.legend });
  }

  // ------------------------------------------------------------------ for tests

  /** A project's bar in page coordinates (null when not drawn). */
  barRect(projectId: string): { x: number; y: number; width: number; height: number } | null {
    if (!this.frame || !this.surface) return null;
    const r = barRectOf(this.frame, projectId);
    if (!r) return null;
    const box = this.surface.getBoundingClientRect();
    return { x: box.left + r.x, y: box.top + r.y, width: r.width, height: r.height };
  }
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}

function sameHit(a: Hit, b: Hit): boolean {
  if (a.kind !== b.kind || a.index !== b.index) return false;
  if (a.kind === 'bar' && b.kind === 'bar') return a.projectId === b.projectId && a.part === b.part;
  if (a.kind === 'milestone' && b.kind === 'milestone') return a.milestoneId === b.milestoneId;
  return true;
}

function cursorFor(hit: Hit | null, editable: boolean): string {
  if (!hit) return 'grab';
  if (hit.kind === 'bar' && editable) return hit.part === 'move' ? 'move' : 'ew-resize';
  return 'pointer';
}
