// The spreadsheet-grade grid: AG Grid Community renders, scrolls and edits cells; everything
// AG Grid Community lacks is built here over our own data: range selection (drag, Shift+click,
// Shift+arrows), copy and paste of ranges as tab-separated text, fill down (Ctrl+D), Delete to
// clear, group rows with subtotals, and sorting and filtering driven by the register's view
// state. Edits never change data here: they are handed to the caller, who commits them through
// the command path (readOnlyEdit).
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import type { CellClassParams, CellEditRequestEvent, CellFocusedEvent, CellMouseDownEvent, CellMouseOverEvent, ColDef, GridApi, GridReadyEvent, SuppressKeyboardEventParams, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { AgGridReact, type CustomCellRendererProps, type CustomHeaderProps } from 'ag-grid-react';
import type { ColumnContext, ColumnDef, ColumnState, DisplayRow } from '../../../shared/register/types';
import { formatCell } from '../../../shared/register/convert';
import { SelectEditor, TextAreaEditor, TextEditor, type EditValue } from './editors';
import type { GridUiState, GridUiStore } from './grid-store';
import { shallowEqual, useSelector } from '../../state/external-store';
import { contains, type CellPos, type CellRange } from './range';
import { changedErrorKeys, changedRows, rangeChangeCells } from './row-updates';
import { focusBeyond } from '../focus';
import './grid.css';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12.5,
  rowHeight: 32,
  headerHeight: 38,
  spacing: 6,
  accentColor: '#2456a6',
  borderColor: '#dde3ea',
  headerBackgroundColor: '#f4f6f9',
  wrapperBorderRadius: 8,
});

type Row = DisplayRow<Record<string, unknown> & { id: string }>;
type Def = ColumnDef<Record<string, unknown> & { id: string }>;

const NUMERIC = new Set(['number', 'integer', 'money', 'percent']);

export interface DataGridProps {
  /** Accessible name of the grid, e.g. "Projects". */
  label: string;
  /** Visible data columns, in order. */
  columns: Def[];
  columnState: ColumnState[];
  rows: Row[];
  ctx: ColumnContext;
  ui: GridUiStore;
  onColumnsChanged(state: ColumnState[]): void;
  onSortClick(colId: string, additive: boolean): void;
  onFilterClick(colId: string, anchor: HTMLElement): void;
  onEdit(rowIndex: number, col: Def, value: EditValue): void;
  onPaste(text: string, range: CellRange): void;
  onCopy(range: CellRange): string;
  onClear(range: CellRange): void;
  onFillDown(range: CellRange): void;
  onToggleGroup(rowId: string): void;
  onOpen?(recordId: string): void;
  onSelectionChanged(ids: string[]): void;
  /** Shown when there are no rows. */
  emptyMessage: string;
}

export interface DataGridHandle {
  /** Focuses a cell (by display row index and column id) and scrolls it into view. */
  focusCell(row: number, colId: string): void;
  clearSelection(): void;
  /** Gives the keyboard focus back to the cell last selected (or the header): after a panel beside the grid closes. */
  restoreFocus(): void;
  api(): GridApi | null;
}

const SYSTEM_COLS = new Set(['ag-Grid-SelectionColumn', '__open']);
/** The same object on every render: a new one makes AG Grid refresh its selection and every row (~15 ms at scale). */
const ROW_SELECTION: RowSelectionOptions<Row> = { mode: 'multiRow', checkboxes: (p) => p.data?.kind === 'record', headerCheckbox: true, selectAll: 'filtered', enableClickSelection: false, isRowSelectable: (n) => n.data?.kind === 'record' };

export const DataGrid = forwardRef<DataGridHandle, DataGridProps>(function DataGrid(props, ref) {
  const apiRef = useRef<GridApi | null>(null);
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });
  const { ui, columns } = props;
  // Cells read the context through a ref: a new context (after every edit) must not rebuild the
  // column definitions; the cells whose figures changed are refreshed instead.
  const ctxRef = useRef(props.ctx);
  useEffect(() => {
    if (ctxRef.current === props.ctx) return;
    ctxRef.current = props.ctx;
    // Only computed columns read the context (counts, open risks); stored values refresh with their row.
    const calc = propsRef.current.columns.filter((c) => !c.field).map((c) => c.id);
    if (calc.length) apiRef.current?.refreshCells({ columns: calc, suppressFlash: true });
  }, [props.ctx]);
  const keepAnchor = useRef(false);
  const dragging = useRef(false);

  const colIndex = useCallback((colId: string) => propsRef.current.columns.findIndex((c) => c.id === colId), []);

  // The store's subscriber below refreshes the cells the range change touches.
  const setRange = useCallback((range: CellRange | null) => ui.set({ range }), [ui]);

  useEffect(() => {
    const up = () => (dragging.current = false);
    document.addEventListener('mouseup', up);
    return () => document.removeEventListener('mouseup', up);
  }, []);

  // AG Grid moves focus before it reports the mouse-down, so Shift must be seen first (capture
  // phase) for a Shift+click to extend the range instead of starting a new one.
  const containerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const down = (e: MouseEvent) => {
      if (e.shiftKey && ui.get().range) keepAnchor.current = true;
    };
    el.addEventListener('mousedown', down, true);
    // Tab in an editor saves and moves right, as in a spreadsheet; on a cell or a header, Tab and
    // Shift+Tab leave the grid (arrows move inside it), so the controls after it, such as the
    // detail panel, are one key away instead of every cell away. Seen before AG Grid (capture):
    // its own Tab handling, even when told to let the browser move, refocuses a cell or the page.
    const tab = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key !== 'Tab' || e.ctrlKey || e.metaKey || e.altKey || isEditingText(t) || !t.matches('.ag-cell, .ag-header-cell, .ag-full-width-row')) return;
      if (!focusBeyond(el, e.shiftKey)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    el.addEventListener('keydown', tab, true);
    // Shift+Tab back into the grid returns to the cell the user left (AG Grid would pick the
    // last cell of the last row). Its bottom tab guard takes the focus first: seen before it.
    const back = (e: FocusEvent) => {
      const t = e.target as HTMLElement;
      const range = ui.get().range;
      const colId = range && propsRef.current.columns[range.focus.col]?.id;
      const api = apiRef.current;
      if (!t.classList.contains('ag-tab-guard-bottom') || el.contains(e.relatedTarget as Node | null) || !api || !range || !colId || range.focus.row >= api.getDisplayedRowCount()) return;
      e.stopPropagation();
      api.ensureIndexVisible(range.focus.row);
      api.ensureColumnVisible(colId);
      api.setFocusedCell(range.focus.row, colId);
    };
    el.addEventListener('focus', back, true);
    return () => {
      el.removeEventListener('mousedown', down, true);
      el.removeEventListener('keydown', tab, true);
      el.removeEventListener('focus', back, true);
    };
  }, [ui]);

  // The selected range and refused cells change the look of cells: only the cells they touch
  // are refreshed (a refresh of every drawn cell at each move of the selection cost ~5 ms, twice
  // per Enter). Sort and filters show in the headers, which read the store themselves.
  useEffect(() => {
    let prev = ui.get();
    const unsubscribe = ui.subscribe(() => {
      const was = prev;
      const next = (prev = ui.get());
      const api = apiRef.current;
      if (!api) return;
      if (was.range !== next.range) {
        const cells = rangeChangeCells(was.range, next.range);
        if (!cells) api.refreshCells({ force: true, suppressFlash: true });
        else if (cells.rows.length) {
          const rowNodes = cells.rows.map((i) => api.getDisplayedRowAtIndex(i)).filter((n) => n !== undefined);
          const cols = cells.cols.map((j) => propsRef.current.columns[j]?.id).filter((id) => id !== undefined);
          if (rowNodes.length && cols.length) api.refreshCells({ rowNodes, columns: cols, force: true, suppressFlash: true });
        }
      }
      const keys = changedErrorKeys(was.errors, next.errors);
      if (keys.length) {
        const split = keys.map((k) => [k.slice(0, k.lastIndexOf('|')), k.slice(k.lastIndexOf('|') + 1)] as const);
        const rowNodes = [...new Set(split.map(([rowId]) => rowId))].map((id) => api.getRowNode(id)).filter((n) => n !== undefined);
        if (rowNodes.length) api.refreshCells({ rowNodes, columns: [...new Set(split.map(([, col]) => col))], force: true, suppressFlash: true });
      }
    });
    return () => {
      unsubscribe();
    };
  }, [ui]);

  // The rows AG Grid holds: `data` is the array last given as rowData, `rows` the rows it shows
  // after the row updates since. Rows that keep their ids and order go in as new data for the
  // changed rows' nodes (see row-updates.ts); anything else as a new array, which AG Grid diffs by
  // row id. Kept as state updated during render (React's pattern for values from the last render).
  const [gridReady, setGridReady] = useState(false);
  const [held, setHeld] = useState<{ rows: Row[]; data: Row[]; changed: Row[] | null }>(() => ({ rows: props.rows, data: props.rows, changed: null }));
  if (held.rows !== props.rows) {
    const changed = gridReady ? changedRows(held.rows, props.rows) : null;
    setHeld({ rows: props.rows, data: changed ? held.data : props.rows, changed });
  }
  useLayoutEffect(() => {
    // setData on each node: the register sorts, filters and groups itself, so AG Grid's model
    // has nothing to recompute (a transaction re-ran it and rescanned 10k rows for the select-all box).
    const api = apiRef.current;
    if (api && held.changed) for (const row of held.changed) api.getRowNode(row.rowId)?.setData(row);
  }, [held]);

  useImperativeHandle(ref, () => ({
    focusCell(row, colId) {
      const api = apiRef.current;
      if (!api) return;
      api.ensureIndexVisible(row);
      api.ensureColumnVisible(colId);
      api.setFocusedCell(row, colId);
    },
    clearSelection() {
      apiRef.current?.deselectAll();
    },
    restoreFocus() {
      const api = apiRef.current;
      const range = ui.get().range;
      const colId = range && propsRef.current.columns[range.focus.col]?.id;
      if (api && range && colId && range.focus.row < api.getDisplayedRowCount()) {
        api.ensureIndexVisible(range.focus.row);
        api.setFocusedCell(range.focus.row, colId);
      } else containerRef.current?.querySelector<HTMLElement>('.ag-header-cell')?.focus();
    },
    api: () => apiRef.current,
  }));

  const moveFocus = useCallback(
    (e: KeyboardEvent, extend: boolean) => {
      const api = apiRef.current;
      const range = ui.get().range;
      if (!api || !range) return false;
      const dr = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      const dc = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      const rows = api.getDisplayedRowCount();
      const cols = propsRef.current.columns.length;
      const focus = { row: Math.max(0, Math.min(rows - 1, range.focus.row + dr)), col: Math.max(0, Math.min(cols - 1, range.focus.col + dc)) };
      const next = { anchor: extend ? range.anchor : focus, focus };
      keepAnchor.current = true;
      setRange(next);
      const colId = propsRef.current.columns[focus.col]!.id;
      api.ensureIndexVisible(focus.row);
      api.ensureColumnVisible(colId);
      api.setFocusedCell(focus.row, colId);
      keepAnchor.current = false;
      return true;
    },
    [setRange, ui],
  );

  const suppressKeyboardEvent = useCallback(
    (p: SuppressKeyboardEventParams) => {
      const e = p.event;
      if (p.editing || e.type !== 'keydown') return false;
      const mod = e.ctrlKey || e.metaKey;
      const range = ui.get().range;
      const key = e.key.toLowerCase();
      if (mod && key === 'd' && range) {
        e.preventDefault();
        propsRef.current.onFillDown(range);
        return true;
      }
      if (e.key === 'Delete' && !mod && range) {
        propsRef.current.onClear(range);
        return true;
      }
      if (e.shiftKey && !mod && e.key.startsWith('Arrow')) {
        e.preventDefault();
        return moveFocus(e, true);
      }
      const row = p.node.data as Row | undefined;
      if (row?.kind === 'group' && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        propsRef.current.onToggleGroup(row.rowId);
        return true;
      }
      // Undo and redo belong to the app (the change journal), not to the grid.
      if (mod && (key === 'z' || key === 'y')) return true;
      return false;
    },
    [moveFocus, ui],
  );

  const openRecord = useCallback((id: string) => propsRef.current.onOpen?.(id), []);
  const hasOpen = !!props.onOpen;

  const selectionColumnDef = useMemo((): SelectionColumnDef => ({ pinned: 'left', width: 44, suppressKeyboardEvent }), [suppressKeyboardEvent]);

  const colDefs = useMemo<ColDef<Row>[]>(() => {
    const stateById = new Map(props.columnState.map((s) => [s.id, s]));
    const first = columns[0]?.id;
    const pinOf = (c: Def) => {
      const st = stateById.get(c.id);
      // A state that says nothing about pinning keeps the column's own (Code and Name are pinned).
      return st?.pinned !== undefined ? st.pinned : (c.pinned ?? null);
    };
    // A group row's label spans the leading columns (same pinned section, no subtotal in them).
    let labelSpan = 1;
    while (labelSpan < columns.length && pinOf(columns[labelSpan]!) === pinOf(columns[0]!) && !columns[labelSpan]!.aggregate) labelSpan++;
    const defs: ColDef<Row>[] = columns.map((col, i): ColDef<Row> => {
      const st = stateById.get(col.id);
      const numeric = NUMERIC.has(col.type);
      return {
        colId: col.id,
        headerName: col.header,
        headerComponent: SortHeader,
        headerComponentParams: { def: col, ui, onSort: (add: boolean) => propsRef.current.onSortClick(col.id, add), onFilter: (el: HTMLElement) => propsRef.current.onFilterClick(col.id, el) },
        headerTooltip: col.description ? `${col.header}: ${col.description}` : col.header,
        width: st?.width ?? col.width ?? 140,
        minWidth: 60,
        pinned: st?.pinned !== undefined ? st.pinned : (col.pinned ?? null),
        sortable: false,
        resizable: true,
        suppressHeaderMenuButton: true,
        // The header's own keys (SortHeader): Enter/Space sort, Alt+Down opens the filter.
        suppressHeaderKeyboardEvent: (p) => isHeaderKey(p.event),
        editable: (p) => p.data?.kind === 'record' && col.editable,
        valueGetter: (p) => {
          const row = p.data;
          if (!row) return null;
          if (row.kind === 'record') return col.get(row.record, ctxRef.current);
          return col.aggregate ? (row.totals[col.id] ?? null) : null;
        },
        valueFormatter: (p) => {
          if (p.value == null) return '';
          const text = formatCell(col, p.value, ctxRef.current, 'display');
          // A column's short note beside the value (a suggested RAG the RAG set by hand differs from).
          const mark = col.marker && p.data?.kind === 'record' ? col.marker(p.data.record, ctxRef.current) : null;
          return mark ? `${text} · ${mark}` : text;
        },
        // Record rows render plain values (React renderers in every cell make scrolling slow);
        // React draws only group rows' labels.
        ...(col.id === first ? { cellRendererSelector: (p: { data?: Row }) => (p.data?.kind === 'group' ? { component: GroupCell } : undefined) } : {}),
        ...(col.id === first ? { colSpan: (p: { data?: Row }) => (p.data?.kind === 'group' ? labelSpan : 1) } : {}),
        cellRendererParams: { def: col, onToggle: (id: string) => propsRef.current.onToggleGroup(id) },
        cellEditor: ['select', 'rag', 'reference', 'checkbox'].includes(col.type) ? SelectEditor : col.type === 'longtext' ? TextAreaEditor : TextEditor,
        cellEditorPopup: col.type === 'longtext' || ['select', 'rag', 'reference', 'checkbox'].includes(col.type),
        cellEditorParams: { def: col, get ctx() { return ctxRef.current; } },
        cellClass: [numeric ? 'cell-num' : '', col.editable ? '' : 'cell-calc', col.type === 'rag' ? 'cell-rag' : ''].filter(Boolean),
        cellClassRules: {
          ...(col.type === 'rag'
            ? {
                'cell-rag-R': (p: CellClassParams<Row>) => p.data?.kind === 'record' && p.value === 'R',
                'cell-rag-A': (p: CellClassParams<Row>) => p.data?.kind === 'record' && p.value === 'A',
                'cell-rag-G': (p: CellClassParams<Row>) => p.data?.kind === 'record' && p.value === 'G',
              }
            : {}),
          'cell-in-range': (p: CellClassParams<Row>) => p.rowIndex != null && contains(ui.get().range, p.rowIndex, i),
          'cell-error': (p: CellClassParams<Row>) => !!p.data && ui.get().errors.has(`${p.data.rowId}|${col.id}`),
        },
        tooltipValueGetter: (p) => {
          const row = p.data;
          if (!row) return undefined;
          const err = ui.get().errors.get(`${row.rowId}|${col.id}`);
          if (err) return `Not saved: ${err}`;
          if (row.kind === 'group' && col.aggregate) return `Subtotal of ${row.count} ${row.count === 1 ? 'record' : 'records'}`;
          const own = row.kind === 'record' && col.tooltip ? col.tooltip(row.record, ctxRef.current) : null;
          if (own) return own;
          return col.type === 'longtext' || (typeof p.valueFormatted === 'string' && p.valueFormatted.length > 28) ? (p.valueFormatted ?? undefined) : undefined;
        },
        suppressKeyboardEvent,
      };
    });
    if (!hasOpen) return defs;
    const openCol: ColDef<Row> = {
        colId: '__open',
        headerName: '',
        headerComponent: undefined,
        width: 44,
        pinned: 'left',
        resizable: false,
        sortable: false,
        suppressMovable: true,
        // Reachable with ArrowLeft from the first column; Enter or Space on it opens the record.
        lockPosition: 'left',
        cellRenderer: OpenCellRenderer,
        headerTooltip: 'Open details: click ⤢, or press Enter or Space on its cell (Left arrow from the first column)',
        suppressKeyboardEvent: (p) => {
          const e = p.event;
          if (p.editing || (e.key !== 'Enter' && e.key !== ' ')) return suppressKeyboardEvent(p);
          if (e.type === 'keydown' && p.node.data?.kind === 'record') {
            e.preventDefault();
            openRecord(p.node.data.id);
          }
          return true;
        },
    };
    return [openCol, ...defs];
  }, [columns, props.columnState, ui, suppressKeyboardEvent, hasOpen, openRecord]);

  const onGridReady = useCallback((e: GridReadyEvent) => {
    apiRef.current = e.api;
    setGridReady(true);
  }, []);

  const reportColumns = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const state: ColumnState[] = (api.getColumnState())
      .filter((s) => !SYSTEM_COLS.has(s.colId))
      .map((s) => ({ id: s.colId, ...(s.width != null ? { width: s.width } : {}), pinned: (s.pinned as 'left' | 'right' | null | undefined) ?? null }));
    propsRef.current.onColumnsChanged(state);
  }, []);

  const onCellFocused = useCallback(
    (e: CellFocusedEvent) => {
      if (keepAnchor.current || e.rowIndex == null || !e.column) return;
      const col = colIndex(typeof e.column === 'string' ? e.column : (e.column).getColId());
      if (col < 0) return;
      const current = ui.get().range;
      if (current && current.focus.row === e.rowIndex && current.focus.col === col) return;
      setRange({ anchor: { row: e.rowIndex, col }, focus: { row: e.rowIndex, col } });
    },
    [colIndex, setRange, ui],
  );

  const onCellMouseDown = useCallback(
    (e: CellMouseDownEvent) => {
      const col = colIndex(e.column.getColId());
      if (col < 0 || e.rowIndex == null) return;
      const pos: CellPos = { row: e.rowIndex, col };
      const mouse = e.event as MouseEvent | undefined;
      const current = ui.get().range;
      if (mouse?.shiftKey && current) {
        keepAnchor.current = true;
        setRange({ anchor: current.anchor, focus: pos });
        setTimeout(() => (keepAnchor.current = false), 0);
      } else {
        setRange({ anchor: pos, focus: pos });
        dragging.current = mouse?.button === 0;
      }
    },
    [colIndex, setRange, ui],
  );

  const onCellMouseOver = useCallback(
    (e: CellMouseOverEvent) => {
      // A drag needs the button still down: rows moving under a resting pointer (a notice shown
      // above the grid after an edit) or a mouse-up seen late must not extend the range.
      const mouse = e.event as MouseEvent | undefined;
      if (!dragging.current || e.rowIndex == null || (mouse && (mouse.buttons & 1) === 0)) return;
      const col = colIndex(e.column.getColId());
      const current = ui.get().range;
      if (col < 0 || !current) return;
      if (current.focus.row === e.rowIndex && current.focus.col === col) return;
      setRange({ anchor: current.anchor, focus: { row: e.rowIndex, col } });
    },
    [colIndex, setRange, ui],
  );

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<Row>) => {
    const v = e.newValue as unknown;
    const col = propsRef.current.columns.find((c) => c.id === e.column.getColId());
    if (!col || e.rowIndex == null) return;
    if (v && typeof v === 'object' && 'kind' in v) propsRef.current.onEdit(e.rowIndex, col, v as EditValue);
    else if (v == null) propsRef.current.onEdit(e.rowIndex, col, { kind: 'text', text: '' });
  }, []);

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (isEditingText(e.target)) return;
    const range = ui.get().range;
    if (!range) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', propsRef.current.onCopy(range));
  };
  const onCut = (e: ClipboardEvent<HTMLDivElement>) => {
    if (isEditingText(e.target)) return;
    const range = ui.get().range;
    if (!range) return;
    onCopy(e);
    propsRef.current.onClear(range);
  };
  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (isEditingText(e.target)) return;
    const range = ui.get().range;
    const text = e.clipboardData.getData('text/plain');
    if (!range || !text) return;
    e.preventDefault();
    propsRef.current.onPaste(text, range);
  };

  return (
    <div ref={containerRef} className="data-grid" role="region" aria-label={props.label} onCopy={onCopy} onCut={onCut} onPaste={onPaste}>
      <AgGridReact<Row>
        theme={theme}
        rowData={held.data}
        columnDefs={colDefs}
        getRowId={(p) => p.data.rowId}
        getRowClass={(p) => (p.data?.kind === 'group' ? 'group-row' : undefined)}
        readOnlyEdit
        singleClickEdit={false}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressDragLeaveHidesColumns
        rowSelection={ROW_SELECTION}
        selectionColumnDef={selectionColumnDef}
        tooltipShowDelay={400}
        animateRows={false}
        // Only the columns in view are drawn: measured on 10k projects, drawing all ~35 columns made
        // each scrolled frame 25–40 % slower (style and layout of the new rows dominate).
        suppressColumnVirtualisation={false}
        overlayNoRowsTemplate={`<span class="grid-empty">${escapeHtml(props.emptyMessage)}</span>`}
        onGridReady={onGridReady}
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onCellMouseDown={onCellMouseDown}
        onCellMouseOver={onCellMouseOver}
        onCellClicked={(e) => {
          if (e.column.getColId() === '__open' && e.data?.kind === 'record') openRecord(e.data.id);
        }}
        onCellDoubleClicked={(e) => {
          if (e.data?.kind === 'group') propsRef.current.onToggleGroup(e.data.rowId);
        }}
        onColumnMoved={(e) => e.finished && reportColumns()}
        onColumnResized={(e) => e.finished && e.source !== 'api' && e.source !== 'flex' && reportColumns()}
        onColumnPinned={() => reportColumns()}
        onSelectionChanged={(e) => propsRef.current.onSelectionChanged(e.api.getSelectedRows().filter((r) => r.kind === 'record').map((r) => (r).id))}
      />
    </div>
  );
});

function isEditingText(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface HeaderParams {
  def: Def;
  ui: GridUiStore;
  onSort(additive: boolean): void;
  onFilter(el: HTMLElement): void;
}

const selectHeaderState = (s: GridUiState) => ({ sort: s.sort, filters: s.filters });

/** Keys a focused column header handles itself, as in Excel: Enter or Space sorts, Alt+Down opens the filter. */
function isHeaderKey(e: KeyboardEvent): boolean {
  return ((e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.metaKey && !e.altKey) || (e.key === 'ArrowDown' && e.altKey);
}

/** Column header: the name, the sort direction and position, and a filter button. */
function SortHeader(props: CustomHeaderProps & HeaderParams) {
  // Only sort and filters: the selected range and refused cells change far more often.
  const state = useSelector(props.ui, selectHeaderState, shallowEqual);
  const idx = state.sort.findIndex((s) => s.col === props.def.id);
  const key = idx >= 0 ? state.sort[idx] : undefined;
  const filtered = state.filters.some((f) => f.col === props.def.id);
  const sortLabel = key ? (key.dir === 'asc' ? 'sorted ascending' : 'sorted descending') : 'not sorted';
  const { eGridHeader, onSort, onFilter } = props;
  // Focus sits on the grid's header cell (AG Grid's keyboard navigation), not on the buttons.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.type !== 'keydown' || !isHeaderKey(e)) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'ArrowDown') onFilter(eGridHeader);
      else onSort(e.shiftKey);
    };
    eGridHeader.addEventListener('keydown', onKey);
    return () => eGridHeader.removeEventListener('keydown', onKey);
  }, [eGridHeader, onSort, onFilter]);
  useEffect(() => eGridHeader.setAttribute('aria-keyshortcuts', 'Enter Space Shift+Enter Alt+ArrowDown'), [eGridHeader]);
  return (
    <div className={`grid-header ${NUMERIC.has(props.def.type) ? 'num' : ''}`}>
      <button
        type="button"
        className="header-sort"
        aria-label={`${props.def.header}, ${sortLabel}. Click or Enter to sort, with Shift to add to the sort; Alt+Down to filter`}
        onClick={(e) => props.onSort(e.shiftKey)}
        tabIndex={-1}
      >
        <span className="header-name">{props.displayName}</span>
        {key && (
          <span className="sort-mark" aria-hidden="true">
            {key.dir === 'asc' ? '▲' : '▼'}
            {state.sort.length > 1 ? <sub>{idx + 1}</sub> : null}
          </span>
        )}
      </button>
      <button type="button" className={`header-filter ${filtered ? 'active' : ''}`} aria-label={`Filter ${props.def.header}${filtered ? ' (filtered)' : ''}`} title="Filter (Alt+Down on the header)" tabIndex={-1} onClick={(e) => props.onFilter(e.currentTarget)}>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M1 2h10L7 6.5V10L5 11V6.5z" fill="currentColor" />
        </svg>
      </button>
    </div>
  );
}

interface CellParams {
  def: Def;
  onToggle(id: string): void;
}

/** A group row's label, count and chevron, in the first data column. */
function GroupCell(props: CustomCellRendererProps<Row> & CellParams) {
  const row = props.data;
  if (row?.kind !== 'group') return null;
  return (
    <button type="button" className="group-toggle" aria-expanded={!row.collapsed} tabIndex={-1} onClick={() => props.onToggle(row.rowId)}>
      <span aria-hidden="true">{row.collapsed ? '▸' : '▾'}</span> <span className="group-label">{row.label}</span> <span className="group-count">({row.count})</span>
    </button>
  );
}

/** The open-details button of a record row: a plain DOM renderer (AG Grid's class API), cheap to create for every row drawn. */
class OpenCellRenderer {
  private gui: HTMLElement = document.createElement('span');

  init(p: { data?: Row }) {
    const row = p.data;
    if (row?.kind !== 'record') return;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'open-button';
    b.tabIndex = -1;
    b.title = 'Open details (Enter)';
    b.textContent = '⤢';
    b.setAttribute('aria-label', `Open details of ${String(row.record['code'] || row.record['name'] || '')}`);
    this.gui = b;
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(): boolean {
    return false;
  }
}
