// The roadmap: the register's projects on a timeline, in lanes by any grouping of the register,
// with baselines, milestones, dependencies, broken links and the critical path; the same
// filters, search and saved views as the project register. Bars can be dragged to move a
// project or change its dates (one undoable commit per drop). The chart draws only what is on
// screen (see controller.ts), so it stays smooth on 10,000 projects.
import './roadmap.css';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useRecords, useSettings, useStore, useVersion, useWorkbook } from '../../state/use-app';
import { useKeyed } from '../../state/use-keyed';
import { Derived } from '../../state/derived';
import { useColumnContext } from '../common/column-context';
import { useWorkingView } from '../common/use-working-view';
import { ViewsButton, ViewsMenu } from '../common/ViewsMenu';
import { SearchAndGroup } from '../common/SearchAndGroup';
import { FilterPopover, WorkingFilterChips, describeFilter } from '../common/FilterPopover';
import { ProjectDetail } from '../common/detail';
import { Popover } from '../../components/Popover';
import { ShapeChart, shapesToPng, shapesToSvg, type ShapeChartHandle } from '../../components/chart';
import { columnsFor } from '../../../shared/register/columns';
import { buildRows } from '../../../shared/register/pipeline';
import { defaultViewState, withFilter } from '../../../shared/register/view-state';
import type { ColumnDef, Filter } from '../../../shared/register/types';
import { buildLayout, milestonesByProject, statusText } from '../../../shared/roadmap/layout';
import { RAG_NAMES, legendEntries, type LegendEntry } from '../../../shared/roadmap/draw';
import type { RoadmapRow } from '../../../shared/roadmap/layout';
import { STAGE_LABELS, type Settings } from '../../../shared/model/schemas';
import { TIME_SCALES, TIME_SCALE_LABELS } from '../../../shared/roadmap/ticks';
import { addDays, dayOf, isoOf, localToday } from '../../../shared/calendar';
import { ZOOM_STEP } from '../../../shared/roadmap/viewport';
import type { Op } from '../../../shared/commands/types';
import { safeFileName } from '../../state/app-store';
import { date as formatDate, plural } from '../../format';
import { RoadmapController, AXIS_HEIGHT, type DropMove } from './controller';
import { HoverCard } from './HoverCard';
import { SidePanel } from './SidePanel';
import { loopsOf, lookupOf, moveChecker, scheduleOf, violationsOf, type ScheduleInputs } from './schedule';
import { ROW_HEIGHTS, useRoadmapPrefs, type Density } from './use-roadmap-prefs';
import { installTestHook } from './test-hook';
import type { LooseRecord as Rec } from '../../../shared/model/record';

const NO_COLLAPSE: ReadonlySet<string> = new Set();
const EXPORT_SIZES = { screen: 'As on screen', a4: 'A4 landscape', a3: 'A3 landscape' } as const;
type ExportSize = keyof typeof EXPORT_SIZES;
/** Print pages at 150 dots per inch, landscape. */
export const PAGE_PIXELS = { a4: { width: 1754, height: 1240 }, a3: { width: 2480, height: 1754 } } as const;
const PRINT_SCALE = 150 / 96;

/**
 * The schedule network over the whole portfolio (archived projects aside), not only the filtered
 * rows: broken links, loops, the drag check, and the critical path and float when asked for.
 * Kept while projects, milestones and dependencies are unchanged, so coming back to the roadmap,
 * or an edit of anything else, reuses it.
 */
const network = new Derived(['project', 'milestone', 'dependency'], (state) => {
  const all = state.list('project');
  const milestones = state.list('milestone');
  const dependencies = [...state.list('dependency')];
  const projects = all.filter((p) => !p.archived);
  const live = new Set(projects.map((p) => p.id));
  const inputs: ScheduleInputs = { projects, milestones: milestones.filter((m) => live.has(m.projectId)), dependencies };
  const names = lookupOf({ projects: [...all], milestones: [...milestones], dependencies });
  let schedule: ReturnType<typeof scheduleOf> | undefined;
  return {
    inputs,
    names,
    violations: violationsOf(inputs, names),
    loops: loopsOf(dependencies),
    checkMove: moveChecker(inputs, names),
    /** The critical path and float, worked out on first use. */
    schedule: () => (schedule ??= scheduleOf(inputs)),
  };
});

export function RoadmapView() {
  const store = useStore();
  const ctx = useColumnContext();
  const current = useWorkbook()!;
  const settings = useSettings()!;
  const [prefs, setPrefs] = useRoadmapPrefs();
  const todayIso = localToday(new Date());
  const today = useMemo(() => dayOf(todayIso) ?? 0, [todayIso]);

  // The project register's columns and working view: its filters, search, sort, grouping and saved views.
  const customFields = useRecords('customField');
  const columnsKey = JSON.stringify([settings.scoringCriteria, customFields]);
  const allColumns = useKeyed(columnsKey, () => columnsFor('project', settings, customFields) as ColumnDef<Rec>[]);
  const fallback = useCallback(() => defaultViewState(allColumns as never, [{ col: 'code', dir: 'asc' }]), [allColumns]);
  const working = useWorkingView('project', fallback);
  const { view, setView } = working;
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [detailId, setDetailId] = useState<string | null>(null);
  const [popover, setPopover] = useState<null | { kind: 'views' | 'export' | 'display'; anchor: HTMLElement } | { kind: 'filter'; col: string; anchor: HTMLElement }>(null);

  const records = useRecords('project') as unknown as readonly Rec[];
  const built = useMemo(() => (view && ctx ? buildRows(records, allColumns, view, ctx, NO_COLLAPSE, { isArchived: (r) => r['archived'] === true }) : null), [records, allColumns, view, ctx]);
  const milestones = useRecords('milestone');
  const byProject = useMemo(() => milestonesByProject(milestones), [milestones]);
  const networkVersion = useVersion(network.reads);
  const layout = useMemo(
    // Ghost bars and milestone slip follow the baseline chosen in Settings → Baselines.
    () => (built ? buildLayout({ rows: built.rows as never, milestonesByProject: byProject, collapsed, today, mode: prefs.mode, ...(settings.compareBaselineId && ctx?.baseline ? { baseline: ctx.baseline } : {}) }) : null),
    [built, byProject, collapsed, today, prefs.mode, settings.compareBaselineId, ctx],
  );

  const net = useMemo(() => network.get(current, networkVersion), [current, networkVersion]);
  const { names, violations, loops, checkMove } = net;
  const dependencies = net.inputs.dependencies;
  const schedule = useMemo(() => (prefs.critical ? net.schedule() : null), [prefs.critical, net]);
  const critical = useMemo(() => {
    if (!schedule) return null;
    const nodes = new Set<string>();
    for (const [key, n] of schedule.nodes) if (n.critical) nodes.add(key);
    return { nodes, edges: schedule.criticalEdges };
  }, [schedule]);

  const legend: LegendEntry[] = useMemo(
    () => legendEntries(prefs.colourBy, { showBaseline: prefs.showBaseline, showMilestones: prefs.showMilestones, showDependencies: prefs.showDependencies, critical: prefs.critical, mode: prefs.mode }),
    [prefs.colourBy, prefs.showBaseline, prefs.showMilestones, prefs.showDependencies, prefs.critical, prefs.mode],
  );

  // The chart engine, created once per view.
  const [controller] = useState(() => new RoadmapController());

  // Turning the critical path on brings its first item into view (it may be far down the rows).
  const revealCritical = useRef(false);
  useEffect(() => {
    if (!schedule || !revealCritical.current) return;
    revealCritical.current = false;
    const first = [...schedule.nodes.values()].filter((n) => n.critical).sort((a, b) => a.es.localeCompare(b.es))[0];
    const pid = first ? (first.kind === 'project' ? first.id : names.milestone.get(first.id)?.projectId) : undefined;
    if (pid) controller.reveal(pid);
  }, [schedule, names, controller]);

  const chartRef = useRef<ShapeChartHandle>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const spacerRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  const drop = useCallback(
    async (m: DropMove) => {
      const p = current.get('project', m.projectId);
      if (!p) return;
      const changes: Record<string, unknown> = {};
      if (m.part !== 'finish') changes['start'] = isoOf(m.startDay);
      if (m.part !== 'start') changes['finish'] = isoOf(m.finishDay);
      const ops: Op[] = [{ op: 'update', entity: 'project', id: p.id, changes }];
      if (m.part === 'move') {
        // Its open milestones move with it; done ones keep their actual dates.
        for (const ms of byProject.get(p.id) ?? []) {
          if (ms.actualDate || !ms.forecastDate) continue;
          ops.push({ op: 'update', entity: 'milestone', id: ms.id, changes: { forecastDate: addDays(ms.forecastDate, m.deltaDays) } });
        }
      }
      const n = `${m.deltaDays} day${Math.abs(m.deltaDays) === 1 ? '' : 's'}`;
      const label = m.part === 'move' ? `Move ${p.code} by ${n}` : `Change ${p.code} ${m.part} by ${n}`;
      const r = await store.commit(ops, { origin: 'edit', label });
      const problem = r?.rejected.flatMap((x) => x.problems)[0];
      if (problem) store.notify('error', `${label}: not saved. ${problem.message}`);
    },
    [current, byProject, store],
  );

  useEffect(() => {
    controller.setCallbacks({
      openProject: (id) => setDetailId(id),
      toggleLane: (rowId) =>
        setCollapsed((prev) => {
          const next = new Set(prev);
          if (next.has(rowId)) next.delete(rowId);
          else next.add(rowId);
          return next;
        }),
      drop,
      checkMove,
    });
  }, [controller, drop, checkMove]);

  useEffect(() => {
    if (!layout) return;
    controller.setData({
      layout,
      dependencies,
      options: {
        mode: prefs.mode,
        showMilestones: prefs.showMilestones,
        showDependencies: prefs.showDependencies,
        showBaseline: prefs.showBaseline,
        scale: prefs.scale,
        today,
        critical: critical?.nodes ?? null,
        criticalEdges: critical?.edges ?? null,
        violated: violations.ids,
        violatedProjects: violations.projects,
      },
      style: { colourBy: prefs.colourBy, selected: detailId },
      legend,
      axis: { fiscalYearStartMonth: settings.fiscalYearStartMonth, weekStart: settings.weekStart, locale: settings.locale },
      snap: prefs.snap,
      rowHeight: ROW_HEIGHTS[prefs.density],
      editable: true,
    });
  }, [controller, layout, dependencies, prefs, today, critical, violations, detailId, legend, settings.fiscalYearStartMonth, settings.weekStart, settings.locale]);

  // The chart parts exist once the view has its data.
  const ready = !!layout;
  useEffect(() => {
    if (!ready) return;
    controller.attach({ chart: chartRef.current, scroller: scrollerRef.current, spacer: spacerRef.current, surface: surfaceRef.current });
    const surface = surfaceRef.current!;
    const onWheel = (e: WheelEvent) => controller.wheel(e);
    surface.addEventListener('wheel', onWheel, { passive: false });
    const remove = installTestHook(controller);
    return () => {
      surface.removeEventListener('wheel', onWheel);
      controller.detach();
      remove();
    };
  }, [controller, ready]);

  const onResize = useCallback(
    (width: number, height: number) => {
      controller.resize(width, height);
      setSize({ width, height });
    },
    [controller],
  );

  const onPainted = useCallback((ms: number) => controller.painted(ms), [controller]);
  const status = useSyncExternalStore(controller.status.subscribe, controller.status.get);
  const cursor = useSyncExternalStore(controller.cursor.subscribe, controller.cursor.get);

  const exportImage = async (format: 'png' | 'svg', sizeKind: ExportSize) => {
    setPopover(null);
    const s = sizeKind === 'screen' ? { ...controller.getViewportSize(), scale: 1 } : { ...PAGE_PIXELS[sizeKind], scale: PRINT_SCALE };
    if (!layout || s.width <= 0) return;
    const group = view?.groupBy ? allColumns.find((c) => c.id === view.groupBy)?.header : null;
    const layers = controller.imageLayers(s.width, s.height, s.scale, (f) => {
      const v = f.viewport;
      const from = isoOf(Math.ceil(v.startDay));
      const to = isoOf(Math.floor(v.startDay + v.width / v.pxPerDay));
      const filters = view && ctx ? view.filters.map((fl) => { const def = allColumns.find((c) => c.id === fl.col); return def ? describeFilter(fl, def, ctx) : ''; }).filter(Boolean) : [];
      const parts = [
        prefs.mode === 'milestones' ? 'Milestones' : 'Timeline',
        group ? `grouped by ${group}` : null,
        statusText(layout.counts),
        view?.search ? `search “${view.search}”` : null,
        ...filters,
        `${formatDate(from, settings)} – ${formatDate(to, settings)}`,
        f.last >= f.first ? `rows ${f.first + 1}–${f.last + 1} of ${layout.rows.length}` : null,
      ].filter(Boolean);
      return { title: `${settings.name} — Roadmap`, subtitle: parts.join(' · '), date: formatDate(todayIso, settings) };
    });
    if (!layers) return;
    const name = `${safeFileName(settings.name)} roadmap ${todayIso}${sizeKind === 'screen' ? '' : ` ${sizeKind.toUpperCase()}`}.${format}`;
    try {
      const bytes = format === 'png' ? shapesToPng(layers, { width: s.width, height: s.height, pixelRatio: sizeKind === 'screen' ? window.devicePixelRatio || 1 : 1 }) : new TextEncoder().encode(shapesToSvg(layers, { width: s.width, height: s.height }));
      const saved = await store.platform.saveFile(name, bytes, format);
      if (saved) store.notify('info', `Exported ${saved}`);
    } catch (e) {
      store.notify('error', `The image was not saved: ${(e as Error).message}`);
    }
  };

  if (!view || !ctx || !built || !layout) return <div className="register-loading" aria-busy="true" />;

  const groupable = allColumns.filter((c) => c.groupable);
  const filterable = allColumns.filter((c) => !c.hiddenByDefault || view.filters.some((f) => f.col === c.id));
  const defById = new Map(allColumns.map((c) => [c.id, c]));
  const setFilter = (col: string, f: Filter | null) => setView(withFilter(view, col, f));
  const lanes = layout.grouped ? layout.rows.filter((r) => r.kind === 'lane') : [];
  const empty = built.total === 0 ? 'No projects yet. Add projects with start and finish dates in the register to see them here.' : layout.rows.length === 0 ? (built.shown === 0 ? 'No projects match the search and filters.' : prefs.mode === 'milestones' ? 'None of the projects shown has a dated milestone.' : 'None of the projects shown has dates yet: they are listed under Unscheduled.') : null;
  const toggle = (key: 'showMilestones' | 'showDependencies' | 'showBaseline', label: string) => (
    <label className="check">
      <input type="checkbox" checked={prefs[key]} onChange={(e) => setPrefs({ [key]: e.target.checked })} /> {label}
    </label>
  );

  return (
    <section className={`roadmap${detailId ? ' with-detail' : ''}`} aria-labelledby="roadmap-title">
      <div className="roadmap-main">
        <header className="register-head">
          <h1 id="roadmap-title">Roadmap</h1>
          <span className="count" data-testid="roadmap-status" aria-live="polite">
            {statusText(layout.counts)}
          </span>
          {built.shown !== built.total && <span className="count">(filtered from {plural(built.total, 'project')})</span>}
          <span className="spacer" />
          <div className="segmented" role="group" aria-label="Roadmap mode">
            <button type="button" aria-pressed={prefs.mode === 'timeline'} onClick={() => setPrefs({ mode: 'timeline' })}>
              Timeline
            </button>
            <button
              type="button"
              aria-pressed={prefs.mode === 'milestones'}
              onClick={() => {
                setPrefs({ mode: 'milestones', panel: true });
                controller.showDays(today - 14, today + 90);
              }}
            >
              Milestones only
            </button>
          </div>
          <button type="button" onClick={(e) => setPopover({ kind: 'export', anchor: e.currentTarget })} aria-haspopup="dialog" title="Export the view as a PNG or SVG image">
            Export…
          </button>
        </header>

        <div className="toolbar" role="toolbar" aria-label="Roadmap view">
          <SearchAndGroup working={working} label="Search projects" groupable={groupable} />
          {lanes.length > 0 && (
            <button type="button" className="ghost small" onClick={() => setCollapsed(collapsed.size ? new Set() : new Set(lanes.map((r) => r.rowId)))}>
              {collapsed.size ? 'Expand all' : 'Collapse all'}
            </button>
          )}
          <select
            className="rm-filter"
            aria-label="Add a filter"
            value=""
            onChange={(e) => {
              const col = e.target.value;
              if (col) setPopover({ kind: 'filter', col, anchor: e.currentTarget });
            }}
          >
            <option value="">Filter…</option>
            {filterable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.header}
              </option>
            ))}
          </select>
          <ViewsButton working={working} onOpen={(anchor) => setPopover({ kind: 'views', anchor })} />
          <span className="rm-sep" aria-hidden="true" />
          <div className="segmented" role="group" aria-label="Zoom">
            <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => controller.zoom(1 / ZOOM_STEP)}>
              −
            </button>
            <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => controller.zoom(ZOOM_STEP)}>
              +
            </button>
          </div>
          <select aria-label="Time scale" value={prefs.scale} onChange={(e) => setPrefs({ scale: e.target.value as typeof prefs.scale })}>
            <option value="auto">Auto: {TIME_SCALE_LABELS[status.scale as keyof typeof TIME_SCALE_LABELS]?.toLowerCase() ?? 'months'}</option>
            {TIME_SCALES.map((s) => (
              <option key={s} value={s}>
                {TIME_SCALE_LABELS[s]}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => controller.fit()} title="Fit the portfolio (F)">
            Fit
          </button>
          <button type="button" onClick={() => controller.today()} title="Jump to today (Home)">
            Today
          </button>
          <span className="rm-sep" aria-hidden="true" />
          <button type="button" className={prefs.critical ? 'toggle on' : 'toggle'} aria-pressed={prefs.critical} onClick={() => {
              revealCritical.current = !prefs.critical;
              setPrefs({ critical: !prefs.critical, ...(prefs.critical ? {} : { panel: true }) });
            }}
          >
            Critical path
          </button>
          <button type="button" className={`ghost${violations.list.length ? ' bad-text' : ''}`} onClick={() => setPrefs({ panel: true })} aria-label={`${violations.list.length} broken dependencies`} title="Dependencies the plan breaks">
            ⚠ {violations.list.length} broken
          </button>
          <button type="button" onClick={(e) => setPopover({ kind: 'display', anchor: e.currentTarget })} aria-haspopup="dialog">
            Display…
          </button>
          {!prefs.panel && (
            <button type="button" className="ghost" onClick={() => setPrefs({ panel: true })}>
              Details
            </button>
          )}
        </div>

        <WorkingFilterChips working={working} defById={defById} ctx={ctx} onEdit={(col, anchor) => setPopover({ kind: 'filter', col, anchor })} />

        <div className="rm-chart-wrap">
          <ShapeChart ref={chartRef} className="rm-chart" onResize={onResize} onPainted={onPainted} />
          <div
            ref={surfaceRef}
            className="rm-surface"
            tabIndex={0}
            role="application"
            aria-roledescription="roadmap"
            aria-label={`Roadmap chart, ${statusText(layout.counts)}. Up and Down arrows go from row to row, Enter opens the project's details (or folds a lane) as a click does; Left and Right arrows pan, plus and minus zoom, Home jumps to today, F fits the portfolio. Drag a bar to move it, its ends to change its dates; click it for details.`}
            aria-describedby="roadmap-cursor"
            data-testid="roadmap-chart"
            onKeyDown={(e) => {
              if (controller.key(e.nativeEvent)) e.preventDefault();
            }}
            onPointerDown={(e) => controller.pointerDown(e.nativeEvent)}
            onPointerMove={(e) => controller.pointerMove(e.nativeEvent)}
            onPointerUp={(e) => controller.pointerUp(e.nativeEvent)}
            onPointerCancel={() => controller.cancelGesture()}
            onPointerLeave={() => controller.pointerLeave()}
          />
          <div ref={scrollerRef} className="rm-scroll" style={{ top: AXIS_HEIGHT }} onScroll={(e) => controller.onScroll(e.currentTarget.scrollTop)} aria-hidden="true" tabIndex={-1}>
            <div ref={spacerRef} className="rm-spacer" />
          </div>
          {empty && <div className="rm-empty">{empty}</div>}
          <div id="roadmap-cursor" className="sr-only" aria-live="polite" data-testid="roadmap-cursor">
            {cursor !== null && layout.rows[cursor] ? describeRow(layout.rows[cursor], cursor, layout.rows.length, settings) : ''}
          </div>
          <HoverCard controller={controller} layout={layout} settings={settings} schedule={schedule} today={today} width={size.width} height={size.height} />
        </div>

        <ul className="rm-legend" aria-label="Legend">
          {legend.map((e) => (
            <li key={e.key}>
              <span className={`rm-swatch ${e.kind}${e.dashed ? ' dashed' : ''}`} style={{ ['--c' as string]: e.colour }} aria-hidden="true" />
              {e.label}
            </li>
          ))}
          {status.hiddenArrows > 0 && (
            <li className="muted" data-testid="hidden-arrows">
              {plural(status.hiddenArrows, 'dependency arrow')} hidden at this zoom: zoom in or filter to see them
            </li>
          )}
        </ul>
      </div>

      {detailId && current.has('project', detailId) ? (
        <ProjectDetail
          projectId={detailId}
          onClose={() => {
            // Closed from inside (Esc, ×): the keyboard goes back to the chart and its row.
            const fromPanel = !!document.activeElement?.closest('.detail-panel');
            setDetailId(null);
            if (fromPanel) setTimeout(() => surfaceRef.current?.focus(), 0);
          }}
          onOpenProject={setDetailId}
        />
      ) : (
        prefs.panel && (
          <SidePanel
            layout={layout}
            settings={settings}
            today={today}
            mode={prefs.mode}
            violations={violations}
            loops={loops}
            schedule={schedule}
            criticalOn={prefs.critical}
            names={names}
            onOpen={setDetailId}
            onReveal={(id, day) => controller.reveal(id, day)}
            onClose={() => setPrefs({ panel: false })}
          />
        )
      )}

      {popover?.kind === 'display' && (
        <Popover anchor={popover.anchor} onClose={() => setPopover(null)} label="Display options" width={260}>
          <div className="rm-display">
            <label>
              Colour bars by
              <select aria-label="Colour by" value={prefs.colourBy} onChange={(e) => setPrefs({ colourBy: e.target.value as 'rag' | 'stage' })}>
                <option value="rag">RAG</option>
                <option value="stage">Stage</option>
              </select>
            </label>
            <fieldset>
              <legend>Show</legend>
              {toggle('showMilestones', 'Milestones')}
              {toggle('showDependencies', 'Dependencies')}
              {toggle('showBaseline', 'Baseline (ghost bar)')}
              <label className="check">
                <input type="checkbox" checked={prefs.panel} onChange={(e) => setPrefs({ panel: e.target.checked })} /> Side panel
              </label>
            </fieldset>
            <label>
              Row height
              <select aria-label="Row height" value={prefs.density} onChange={(e) => setPrefs({ density: e.target.value as Density })}>
                <option value="normal">Normal</option>
                <option value="compact">Compact</option>
                <option value="thin">Thin (no labels)</option>
              </select>
            </label>
            <label>
              Snap dragged dates to
              <select aria-label="Snap dragged dates to" value={prefs.snap} onChange={(e) => setPrefs({ snap: e.target.value as 'day' | 'week' })}>
                <option value="day">Days</option>
                <option value="week">Weeks</option>
              </select>
            </label>
          </div>
        </Popover>
      )}
      {popover?.kind === 'export' && (
        <Popover anchor={popover.anchor} onClose={() => setPopover(null)} label="Export image" width={280}>
          <h3>Export the current view</h3>
          <p className="muted small">The dates and rows on screen, with a title, today's date and a legend.</p>
          {(['png', 'svg'] as const).map((format) => (
            <div key={format} className="rm-export-group" role="group" aria-label={format.toUpperCase()}>
              {(Object.keys(EXPORT_SIZES) as ExportSize[]).map((k) => (
                <button key={k} type="button" className="menu-item" onClick={() => void exportImage(format, k)}>
                  {format.toUpperCase()} — {EXPORT_SIZES[k]}
                </button>
              ))}
            </div>
          ))}
        </Popover>
      )}
      {popover?.kind === 'filter' && defById.get(popover.col) && (
        <FilterPopover
          def={defById.get(popover.col)!}
          ctx={ctx}
          anchor={popover.anchor}
          current={view.filters.find((f) => f.col === popover.col)}
          records={records}
          onClose={() => setPopover(null)}
          onApply={(f) => {
            setFilter(popover.col, f);
            setPopover(null);
          }}
        />
      )}
      {popover?.kind === 'views' && <ViewsMenu anchor={popover.anchor} working={working} onClose={() => setPopover(null)} />}
    </section>
  );
}

/** What the keyboard's row says to a screen reader: the project, its dates and RAG, or the lane. */
function describeRow(row: RoadmapRow, index: number, total: number, settings: Settings): string {
  const where = `Row ${index + 1} of ${total}.`;
  if (row.kind === 'lane') return `${row.label}: ${plural(row.count, 'project')}, ${row.collapsed ? 'folded' : 'open'}. ${where} Enter ${row.collapsed ? 'opens' : 'folds'} the lane.`;
  const p = row.project;
  const d = (day: number | null) => (day === null ? 'no date' : formatDate(isoOf(day), settings));
  const dates = row.startDay === null ? 'no dates' : `${d(row.startDay)} – ${d(row.finishDay)}`;
  return `${p.code} ${p.name}: ${dates}, ${RAG_NAMES[p.rag.overall ?? 'none']}, ${STAGE_LABELS[p.stage]}. ${where} Enter opens its details.`;
}
