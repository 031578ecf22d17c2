// Capacity: a heat map of utilisation (demand ÷ capacity) by person, role or team and by week,
// month or quarter; click a cell for the projects behind it; the people and roles over 100 % in a
// list beside it; export as PNG. The maths is shared/capacity; this view only shows it. The chart
// draws only the rows and periods on screen, so it stays quick on 2,000 people.
import './capacity.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useRecords, useSettings, useStore, useVersion, useWorkbook } from '../../state/use-app';
import { ShapeChart, shapesToPng, type ShapeChartHandle } from '../../components/chart';
import { ProjectDetail } from '../common/detail';
import { capacityDisplayOf, type CapacityInput, type CapacityModel, type CapacityRow, type Grain, type Overload, type TentativeMode } from '../../../shared/capacity';
import { addDays, buildHolidayIndex, localToday, startOfIsoWeek } from '../../../shared/calendar';
import { safeFileName } from '../../state/app-store';
import { date as formatDate, plural } from '../../format';
import { BANDS, HEADER_H, LABEL_W, TITLE_H, WHATIF_MARKS, drawHeatmap, exportFrame, exportLegend, isOver, pctText, tentativeText, type Band, type HeatGrid, type HeatRow } from './draw';
import { DrillDown, cellContributions, type CellRef, type ProjectRef } from './DrillDown';
import { OverloadList } from './OverloadList';
import { DemandPanel } from './DemandPanel';
import { useOverloads } from './use-overloads';
import { CAPACITY_READS, capacityStats, planInput, timedBuild } from './model-cache';
import { capacityFigure, headerLines, periodDates, type CapacityFigure } from './labels';
import { installCapacityTestHook, notePaint } from './test-hook';
import { ScenarioBar, useScenario } from './scenario/ScenarioBar';

type Kind = 'person' | 'role' | 'team';
type Mode = TentativeMode | 'apart';
const KINDS: Record<Kind, string> = { person: 'People', role: 'Roles', team: 'Teams' };
const GRAINS: Record<Grain, string> = { week: 'Weeks', month: 'Months', quarter: 'Quarters' };
const MODES: Record<Mode, string> = { include: 'Included', exclude: 'Excluded', apart: 'Shown apart', only: 'Only tentative' };
const COL_W: Record<Grain, number> = { week: 56, month: 72, quarter: 96 };
/** Periods shown before today's when the view opens or the grain changes. */
const LEAD: Record<Grain, number> = { week: 4, month: 1, quarter: 0 };
/** The default window: 4 weeks back to 26 weeks ahead. */
const WINDOW_WEEKS = 31;
const MAX_EXPORT_ROWS = 300;

/** The weeks the model covers: a year back and two years ahead of this week. */
function rangeOf(today: string) {
  const monday = startOfIsoWeek(today);
  return { from: addDays(monday, -52 * 7), to: addDays(monday, 104 * 7 - 1) };
}

export function CapacityView() {
  const store = useStore();
  const current = useWorkbook()!;
  const settings = useSettings()!;
  // Only what the model reads: renaming a programme, say, neither re-renders nor rebuilds.
  const version = useVersion(CAPACITY_READS);
  const projectList = useRecords('project');
  const todayIso = localToday(new Date());

  const [kind, setKind] = useState<Kind>('person');
  const [grain, setGrain] = useState<Grain>('week');
  const [mode, setMode] = useState<Mode>('include');
  const [zoom, setZoom] = useState(1);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<{ key: string; period: number } | null>(null);
  const [hover, setHover] = useState<{ row: number; col: number; x: number; y: number; w: number; h: number } | null>(null);
  /** The keyboard's cell: arrows move it, Enter acts as a click on it; col −1 is the row's name. */
  const [cursor, setCursor] = useState<{ row: number; col: number } | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [demandOf, setDemandOf] = useState<string | null>(null);

  const range = useMemo(() => rangeOf(todayIso), [todayIso]);
  // What-if (./scenario): the heat map shows the plan with the scenario's changes while what-if is on.
  const whatIf = useScenario();
  // Reused while the data is unchanged (./model-cache), so coming back here does not rebuild.
  const baseInput: CapacityInput = useMemo(() => planInput(current, version), [current, version]);
  const effectiveInput = useMemo(() => whatIf.input(baseInput), [baseInput, whatIf]);
  const built = useMemo(() => timedBuild(effectiveInput, range), [effectiveInput, range]);
  const model: CapacityModel = built.model;
  const projects = useMemo(() => {
    const m = new Map<string, ProjectRef>();
    for (const p of projectList) m.set(p.id, { code: p.code, name: p.name });
    return m;
  }, [projectList]);

  const periods = useMemo(() => model.periods(grain), [model, grain]);
  // Figures in hours or FTE (Settings → Plan capacity in), by the one rule in shared/capacity.
  const holidayIndex = useMemo(() => buildHolidayIndex(settings.holidays), [settings.holidays]);
  const display = useMemo(() => capacityDisplayOf(settings), [settings]);
  const figure = useMemo(() => capacityFigure(display, periods, holidayIndex), [display, periods, holidayIndex]);
  const todayCol = useMemo(() => periods.start.findIndex((s, i) => s <= todayIso && todayIso <= (periods.end[i] ?? '')), [periods, todayIso]);
  const engineMode: TentativeMode = mode === 'apart' ? 'exclude' : mode;

  // Better / worse against today's plan, for the what-if bar's summary and the cells' marks.
  const whatIfBase = useMemo(() => (whatIf.active && whatIf.scenario.changes.length ? timedBuild(baseInput, range).model : null), [whatIf.active, whatIf.scenario.changes.length, baseInput, range]);
  const whatIfMarks = useMemo(() => (whatIfBase ? whatIf.compare(whatIfBase, model, kind, grain, engineMode) : null), [whatIf, whatIfBase, model, kind, grain, engineMode]);

  // The rows shown: the chosen kind, each role or team followed by its people when expanded.
  const grid: HeatGrid = useMemo(() => {
    const all = model.rows(kind, grain, engineMode);
    // A role's unassigned demand is shown under the role, with its people.
    const top = all.filter((r) => !r.key.startsWith('unassigned-role:'));
    const people = kind === 'person' ? null : new Map([...model.rows('person', grain, engineMode), ...all].map((r) => [r.key, r]));
    const heat = (r: CapacityRow, depth: 0 | 1): HeatRow => ({
      key: r.key,
      label: r.label,
      kind: r.kind,
      depth,
      expandable: depth === 0 && r.children.length > 0,
      expanded: expanded.has(r.key),
      capacity: r.capacity,
      demand: r.demand,
      apart: mode === 'apart' ? r.tentative : null,
      whatIf: whatIfMarks?.get(r.key) ?? null,
    });
    const rows: HeatRow[] = [];
    for (const r of top) {
      rows.push(heat(r, 0));
      if (!people || !expanded.has(r.key)) continue;
      for (const c of r.children) {
        const child = people.get(c);
        if (child) rows.push(heat(child, 1));
      }
    }
    const { labels, sublabels } = headerLines(periods, grain);
    return { rows, labels, sublabels, todayCol };
  }, [model, kind, grain, engineMode, mode, expanded, periods, todayCol, whatIfMarks]);

  const overloads = useOverloads(model, effectiveInput, range, grain, engineMode);

  const colW = Math.round(COL_W[grain] * zoom);
  const rowH = mode === 'apart' ? 36 : 26;

  // Drawing: the chart under a native scroll area that holds a spacer as large as the grid.
  const chartRef = useRef<ShapeChartHandle>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const lastDrawn = useRef<{ rows: { first: number; last: number }; cols: { first: number; last: number }; cells: number } | null>(null);
  const paint = useCallback(() => {
    const s = scrollRef.current;
    const chart = chartRef.current;
    if (!s || !chart) return;
    const d = drawHeatmap(grid, { width: s.clientWidth, height: s.clientHeight, scrollLeft: s.scrollLeft, scrollTop: s.scrollTop, colW, rowH }, { selected, hover, focus: cursor });
    chart.draw(d.layers);
    lastDrawn.current = { rows: d.rows, cols: d.cols, cells: d.cells };
    notePaint();
  }, [grid, colW, rowH, selected, hover, cursor]);
  useEffect(() => paint(), [paint]);
  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(paint);
  }, [paint]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // Opening, or changing the grain or zoom, puts the periods just before today at the left.
  useEffect(() => {
    const s = scrollRef.current;
    if (s && todayCol >= 0) s.scrollLeft = Math.max(0, (todayCol - LEAD[grain]) * colW);
  }, [grain, colW, todayCol]);

  const rowAt = useCallback(
    (e: { clientX: number; clientY: number }) => {
      const s = scrollRef.current!;
      const rect = s.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      if (y < HEADER_H || y > s.clientHeight || x > s.clientWidth) return null;
      const row = Math.floor((y - HEADER_H + s.scrollTop) / rowH);
      if (row < 0 || row >= grid.rows.length) return null;
      const w = s.clientWidth;
      const h = s.clientHeight;
      if (x < LABEL_W) return { row, col: -1, x, y, w, h };
      const col = Math.floor((x - LABEL_W + s.scrollLeft) / colW);
      if (col < 0 || col >= grid.labels.length) return null;
      return { row, col, x, y, w, h };
    },
    [grid, rowH, colW],
  );

  const toggle = useCallback((key: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const onClick = (e: ReactPointerEvent<HTMLDivElement>) => {
    const hit = rowAt(e);
    if (!hit) return;
    const row = grid.rows[hit.row]!;
    if (hit.col < 0) {
      if (row.expandable) toggle(row.key);
      return;
    }
    setDetailId(null);
    setSelected({ key: row.key, period: hit.col });
  };
  // The keyboard's equivalent of pointing and clicking: arrows move a cell outline (the hover
  // card follows it and a live region reads it), Enter or Space does what a click on it does.
  const onKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const s = scrollRef.current;
    const nRows = grid.rows.length;
    const nCols = grid.labels.length;
    if (!s || !nRows || !nCols || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = ({ ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] } as Record<string, [number, number]>)[e.key];
    const at = cursor && cursor.row < nRows && cursor.col < nCols ? cursor : null;
    // Home: the row's name (to show a role's people), End: its last period, as in a spreadsheet.
    const jump = e.key === 'Home' ? -1 : e.key === 'End' ? nCols - 1 : null;
    if (step || jump !== null) {
      e.preventDefault();
      const firstCol = Math.min(nCols - 1, Math.ceil(s.scrollLeft / colW));
      const next = at
        ? jump !== null
          ? { row: at.row, col: jump }
          : { row: Math.max(0, Math.min(nRows - 1, at.row + step![0])), col: Math.max(-1, Math.min(nCols - 1, at.col + step![1])) }
        : { row: Math.min(nRows - 1, Math.ceil(s.scrollTop / rowH)), col: jump ?? (todayCol >= firstCol ? todayCol : firstCol) };
      // Scroll the cell into view, then put the card beside it as the pointer would.
      const bodyW = s.clientWidth - LABEL_W;
      const bodyH = s.clientHeight - HEADER_H;
      const cx = next.col * colW;
      const cy = next.row * rowH;
      if (next.col < 0) s.scrollLeft = 0;
      else if (cx < s.scrollLeft) s.scrollLeft = cx;
      else if (next.col >= 0 && cx + colW > s.scrollLeft + bodyW) s.scrollLeft = cx + colW - bodyW;
      if (cy < s.scrollTop) s.scrollTop = cy;
      else if (cy + rowH > s.scrollTop + bodyH) s.scrollTop = cy + rowH - bodyH;
      setCursor(next);
      setHover(next.col < 0 ? null : { row: next.row, col: next.col, x: LABEL_W + cx - s.scrollLeft + colW, y: HEADER_H + cy - s.scrollTop + rowH / 2, w: s.clientWidth, h: s.clientHeight });
    } else if ((e.key === 'Enter' || e.key === ' ') && at) {
      e.preventDefault();
      const row = grid.rows[at.row]!;
      if (at.col < 0) {
        if (row.expandable) toggle(row.key);
      } else {
        setDetailId(null);
        setSelected({ key: row.key, period: at.col });
      }
    } else if (e.key === 'Escape' && at) {
      e.preventDefault();
      setCursor(null);
      setHover(null);
    }
  };

  const onMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const hit = rowAt(e);
    const next = hit && hit.col >= 0 ? hit : null;
    if (next?.row === hover?.row && next?.col === hover?.col) return;
    setHover(next);
  };

  const [pendingReveal, setPendingReveal] = useState<{ key: string; period: number } | null>(null);
  /** Scrolls a cell into view (the row's kind is shown, its group expanded) and selects it. */
  const reveal = useCallback(
    (o: { key: string; kind: Kind; period: number }) => {
      setDetailId(null);
      if (o.kind !== kind) setKind(o.kind);
      setSelected({ key: o.key, period: o.period });
      setPendingReveal({ key: o.key, period: o.period });
    },
    [kind],
  );
  useEffect(() => {
    if (!pendingReveal) return;
    const s = scrollRef.current;
    const r = grid.rows.findIndex((x) => x.key === pendingReveal.key);
    if (!s || r < 0) return;
    const bodyW = s.clientWidth - LABEL_W;
    const bodyH = s.clientHeight - HEADER_H;
    const cx = pendingReveal.period * colW;
    const cy = r * rowH;
    if (cx < s.scrollLeft || cx + colW > s.scrollLeft + bodyW) s.scrollLeft = Math.max(0, cx - Math.max(0, (bodyW - colW) / 2));
    if (cy < s.scrollTop || cy + rowH > s.scrollTop + bodyH) s.scrollTop = Math.max(0, cy - Math.max(0, (bodyH - rowH) / 2));
    schedule();
    const t = setTimeout(() => setPendingReveal(null), 0);
    return () => clearTimeout(t);
  }, [pendingReveal, grid, colW, rowH, schedule]);

  const cellRef = (key: string, period: number): CellRef | null => {
    const row = grid.rows.find((r) => r.key === key);
    if (!row || period < 0 || period >= periods.label.length) return null;
    return {
      key,
      label: row.label,
      kind: row.kind,
      period,
      periodLabel: periods.label[period] ?? '',
      dates: periodDates(periods, period),
      capacity: row.capacity[period] ?? 0,
      demand: row.demand[period] ?? 0,
      apart: row.apart?.[period] ?? 0,
    };
  };
  const selectedCell = selected ? cellRef(selected.key, selected.period) : null;

  // The test hook reads the current state through a ref kept in an effect.
  const hookState = useRef({ grid, colW, rowH, reveal, lastDrawn, buildMs: built.ms, scrollRef, stats: capacityStats });
  useEffect(() => {
    hookState.current = { grid, colW, rowH, reveal, lastDrawn, buildMs: built.ms, scrollRef, stats: capacityStats };
  });
  useEffect(() => installCapacityTestHook(() => hookState.current), []);

  const exportPng = async () => {
    const s = scrollRef.current;
    if (!s) return;
    const cols = Math.max(1, Math.min(grid.labels.length, Math.floor((s.clientWidth - LABEL_W) / colW)));
    const firstCol = Math.min(Math.floor(s.scrollLeft / colW), Math.max(0, grid.labels.length - cols));
    const nRows = Math.min(grid.rows.length, MAX_EXPORT_ROWS);
    const width = LABEL_W + cols * colW;
    // The legend wraps onto more lines in a narrow image, and the image grows to hold them.
    const legendH = exportLegend(width).height;
    const height = TITLE_H + HEADER_H + nRows * rowH + legendH;
    const d = drawHeatmap(grid, { width, height: height - legendH, scrollLeft: firstCol * colW, scrollTop: 0, colW, rowH }, { selected: null, hover: null }, TITLE_H);
    const subtitle = [
      `${KINDS[kind]} by ${GRAINS[grain].toLowerCase()}`,
      `${periods.label[firstCol]} – ${periods.label[firstCol + cols - 1]}`,
      `tentative demand ${MODES[mode].toLowerCase()}`,
      nRows < grid.rows.length ? `rows 1–${nRows} of ${grid.rows.length}` : plural(grid.rows.length, 'row'),
    ].join(' · ');
    const layers = [...d.layers, exportFrame(`${settings.name} — Capacity`, subtitle, formatDate(todayIso, settings), width, height)];
    try {
      const bytes = shapesToPng(layers, { width, height, pixelRatio: window.devicePixelRatio || 1 });
      const saved = await store.platform.saveFile(`${safeFileName(settings.name)} capacity ${todayIso}.png`, bytes, 'png');
      if (saved) store.notify('info', `Exported ${saved}`);
    } catch (e) {
      store.notify('error', `The image was not saved: ${(e as Error).message}`);
    }
  };

  const cursorText = (() => {
    const row = cursor ? grid.rows[cursor.row] : undefined;
    if (!cursor || !row || cursor.col >= grid.labels.length) return '';
    if (cursor.col < 0) return `${row.label}${row.expandable ? `, ${row.expanded ? 'open' : 'folded'}: Enter ${row.expanded ? 'hides' : 'shows'} its people` : ''}.`;
    const cell = cellRef(row.key, cursor.col);
    if (!cell) return '';
    const fig = (h: number) => figure(h, cell.period);
    return `${cell.label}, ${cell.periodLabel} (${cell.dates}): ${pctText(cell.capacity, cell.demand) || 'nothing planned'}, ${fig(cell.demand)} of ${fig(cell.capacity)}. Enter lists the projects behind it.`;
  })();
  const hoverCard = hover ? cellRef(grid.rows[hover.row]?.key ?? '', hover.col) : null;
  const expandable = grid.rows.filter((r) => r.expandable);
  const empty = grid.rows.length === 0 ? (kind === 'person' ? 'No people yet. Add resources with a weekly capacity to see their utilisation here.' : kind === 'role' ? 'No roles yet.' : 'No teams yet: give resources a team to see them here.') : null;

  return (
    <section className={`capacity${detailId ? ' with-detail' : ''}`} aria-labelledby="capacity-title">
      <div className="capacity-main">
        <header className="register-head">
          <h1 id="capacity-title">Capacity</h1>
          <span className="count" data-testid="capacity-status">
            {plural(grid.rows.length, 'row')} · {plural(grid.labels.length, GRAINS[grain].toLowerCase().replace(/s$/, ''))}
          </span>
          <span className="spacer" />
          <button
            type="button"
            aria-pressed={!!demandOf}
            title="Edit a project's demand by week or month"
            onClick={() => setDemandOf(demandOf ? null : (selectedCell ? cellContributions(model, selectedCell, grain, mode).firm[0]?.projectId : undefined) ?? [...projects.keys()].sort((a, b) => (projects.get(a)!.code < projects.get(b)!.code ? -1 : 1))[0] ?? null)}
          >
            Edit demand
          </button>
          <button type="button" onClick={() => void exportPng()} title="Export the periods on screen, every row, as a PNG image">
            Export PNG
          </button>
        </header>
        <div className="toolbar" role="toolbar" aria-label="Capacity view">
          <div className="segmented" role="group" aria-label="Rows">
            {(Object.keys(KINDS) as Kind[]).map((k) => (
              <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
                {KINDS[k]}
              </button>
            ))}
          </div>
          <div className="segmented" role="group" aria-label="Periods">
            {(Object.keys(GRAINS) as Grain[]).map((g) => (
              <button key={g} type="button" aria-pressed={grain === g} onClick={() => setGrain(g)}>
                {GRAINS[g]}
              </button>
            ))}
          </div>
          <label className="inline">
            Tentative demand
            <select aria-label="Tentative demand" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
              {(Object.keys(MODES) as Mode[]).map((m) => (
                <option key={m} value={m}>
                  {MODES[m]}
                </option>
              ))}
            </select>
          </label>
          <span className="rm-sep" aria-hidden="true" />
          <div className="segmented" role="group" aria-label="Zoom">
            <button type="button" aria-label="Zoom out" title="Narrower columns" disabled={zoom <= 0.3} onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>
              −
            </button>
            <button type="button" aria-label="Zoom in" title="Wider columns" disabled={zoom >= 2} onClick={() => setZoom((z) => Math.min(2.4, z * 1.25))}>
              +
            </button>
          </div>
          <button
            type="button"
            title="Fit 4 weeks back to 26 weeks ahead"
            onClick={() => {
              const s = scrollRef.current;
              if (!s) return;
              const weeksPer = grain === 'week' ? 1 : grain === 'month' ? 4.35 : 13;
              const want = Math.max(1, Math.ceil(WINDOW_WEEKS / weeksPer));
              setZoom(Math.max(0.25, Math.min(2.4, (s.clientWidth - LABEL_W) / want / COL_W[grain])));
            }}
          >
            Fit
          </button>
          <button
            type="button"
            onClick={() => {
              const s = scrollRef.current;
              if (s && todayCol >= 0) s.scrollLeft = Math.max(0, (todayCol - LEAD[grain]) * colW);
            }}
          >
            Today
          </button>
          {expandable.length > 0 && (
            <button type="button" className="ghost small" onClick={() => setExpanded(expanded.size ? new Set() : new Set(expandable.map((r) => r.key)))}>
              {expanded.size ? 'Collapse all' : 'Expand all'}
            </button>
          )}
        </div>
        <ScenarioBar scenario={whatIf} marks={whatIfMarks} />
        <div className="cap-chart-wrap">
          <ShapeChart ref={chartRef} className="cap-chart" onResize={schedule} />
          <div
            ref={scrollRef}
            className="cap-scroll"
            tabIndex={0}
            role="application"
            aria-roledescription="capacity heat map"
            aria-label={`Capacity heat map, ${KINDS[kind].toLowerCase()} by ${GRAINS[grain].toLowerCase()}. Click a cell for the projects behind it; click a role or team to show its people. Arrow keys move from cell to cell, Home to the row's name, End to its last period; Enter or Space acts as a click.`}
            aria-describedby="capacity-cursor"
            onKeyDown={onKey}
            data-testid="capacity-heatmap"
            onScroll={schedule}
            onPointerUp={onClick}
            onPointerMove={onMove}
            onPointerLeave={() => setHover(null)}
          >
            <div className="cap-spacer" style={{ width: LABEL_W + grid.labels.length * colW, height: HEADER_H + grid.rows.length * rowH }} />
          </div>
          {empty && <div className="rm-empty">{empty}</div>}
          <div id="capacity-cursor" className="sr-only" aria-live="polite" data-testid="capacity-cursor">
            {cursorText}
          </div>
          {hoverCard && hover && <HoverCard cell={hoverCard} figure={figure} model={model} grain={grain} mode={mode} projects={projects} x={hover.x} y={hover.y} width={hover.w} height={hover.h} />}
        </div>
        {demandOf && current.has('project', demandOf) && <DemandPanel projectId={demandOf} today={todayIso} onProject={setDemandOf} onClose={() => setDemandOf(null)} />}
        <ul className="rm-legend cap-legend" aria-label="Legend">
          {(Object.keys(BANDS) as Band[]).map((b) => (
            <li key={b}>
              <span className={`cap-swatch${isOver(b) ? ' over' : ''}`} style={{ background: BANDS[b].fill }} aria-hidden="true" />
              {BANDS[b].label}
            </li>
          ))}
          <li className="muted">Over 100 % is outlined and marked in the corner.</li>
          {whatIfMarks &&
            (['better', 'worse'] as const).map((v) => (
              <li key={v} data-testid={`whatif-legend-${v}`}>
                <span className="cap-whatif-mark" style={{ color: WHATIF_MARKS[v].color, borderColor: WHATIF_MARKS[v].color }} aria-hidden="true">
                  {WHATIF_MARKS[v].glyph}
                </span>
                {WHATIF_MARKS[v].label}
              </li>
            ))}
        </ul>
      </div>

      {detailId && current.has('project', detailId) ? (
        <ProjectDetail projectId={detailId} onClose={() => setDetailId(null)} onOpenProject={setDetailId} />
      ) : selectedCell ? (
        <DrillDown cell={selectedCell} figure={figure} model={model} grain={grain} mode={mode} projects={projects} onOpenProject={setDetailId} onEditDemand={setDemandOf} onClose={() => setSelected(null)} />
      ) : (
        <OverloadList figure={figure} people={overloads?.people ?? null} roles={overloads?.roles ?? null} periods={periods} unit={GRAINS[grain].toLowerCase()} projects={projects} selected={selected} onReveal={(o: Overload) => reveal({ key: o.key, kind: o.kind, period: o.period })} />
      )}
    </section>
  );
}

function HoverCard(props: { cell: CellRef; figure: CapacityFigure; model: CapacityModel; grain: Grain; mode: Mode; projects: ReadonlyMap<string, ProjectRef>; x: number; y: number; width: number; height: number }) {
  const { cell } = props;
  const { firm } = cellContributions(props.model, cell, props.grain, props.mode);
  const top = firm.slice(0, 4);
  const extra = tentativeText(cell.capacity, cell.apart);
  const fig = (h: number) => props.figure(h, cell.period);
  return (
    <div className="cap-hover" role="tooltip" style={{ ...(props.x + 14 + 330 > props.width ? { right: props.width - props.x + 14 } : { left: props.x + 14 }), ...(props.y + 14 + 190 > props.height ? { bottom: props.height - props.y + 14 } : { top: props.y + 14 }) }}>
      <div className="cap-hover-title">{cell.label}</div>
      <div className="muted small">
        {cell.periodLabel} · {cell.dates}
      </div>
      <div className="cap-hover-figs">
        <strong>{pctText(cell.capacity, cell.demand) || '–'}</strong>
        {extra && <span className="muted"> ({extra} tentative)</span>}
        <span>
          {' '}
          · {fig(cell.demand)} of {fig(cell.capacity)}
        </span>
      </div>
      {top.length > 0 && (
        <ul>
          {top.map((l) => (
            <li key={`${l.projectId}|${l.tentative}`}>
              <span>{props.projects.get(l.projectId)?.code ?? '?'}</span> {props.projects.get(l.projectId)?.name ?? ''}
              <span className="cap-hours">{fig(l.hours)}</span>
            </li>
          ))}
          {firm.length > top.length && <li className="muted">+{plural(firm.length - top.length, 'more project')}</li>}
        </ul>
      )}
      <div className="muted small">Click for the full list</div>
    </div>
  );
}
