// A register (projects, programmes, objectives, people, roles, milestones) as a spreadsheet-
// grade grid: search, filters, sort, grouping with subtotals, saved views, column choice, bulk
// edits, paste and fill, and, for projects, custom fields and the detail panel. Every change
// goes through the command path, so it is validated, journalled and undoable.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppSelector, useRecords, useSettings, useStore, useWorkbook } from '../../state/use-app';
import { useKeyed } from '../../state/use-keyed';
import type { AppSnapshot } from '../../state/app-store';
import { useColumnContext } from '../common/column-context';
import { useWorkingView } from '../common/use-working-view';
import { DataGrid, type DataGridHandle } from '../../components/grid/DataGrid';
import { GridUiStore } from '../../components/grid/grid-store';
import { indexes, normalise, type CellRange } from '../../components/grid/range';
import type { EditValue } from '../../components/grid/editors';
import { ConfirmDialog } from '../../components/Dialog';
import { FilterPopover, WorkingFilterChips } from '../common/FilterPopover';
import { ColumnsMenu } from './ColumnsMenu';
import { ViewsButton, ViewsMenu } from '../common/ViewsMenu';
import { SearchAndGroup } from '../common/SearchAndGroup';
import { SetFieldDialog } from './SetFieldDialog';
import { CustomFieldsDialog } from './CustomFieldsDialog';
import { PersonDetail } from '../common/detail/PersonDetail';
import { ProjectDetail } from '../common/detail';
import { REGISTER_LABELS, blankRecord, columnsFor, type RegisterEntity } from '../../../shared/register/columns';
import { OWN_BASELINE, chooseBaseline, slipDescription } from '../../../shared/baselines/baselines';
import { BaselineNote } from '../common/BaselineNote';
import { copyRange, planFillDown, planPaste, type PastePlan } from '../../../shared/register/paste';
import { planClear } from '../../../shared/register/clear';
import { refusalsOf, type CellRef, type CellRefusal } from '../../../shared/register/refusals';
import { planOutcome, problemReason, recordName, refusalAnnouncement, refusalSummary, type RefusalLine } from '../../../shared/register/problems';
import { planPasteRows } from '../../../shared/register/paste-rows';
import { CellCallout, type CalloutTarget } from '../../components/grid/CellCallout';
import { parseCell } from '../../../shared/register/convert';
import { defaultViewState, mergeColumnLayout, toggleSort, visibleColumns, withFilter } from '../../../shared/register/view-state';
import type { ColumnDef, Filter, ViewState } from '../../../shared/register/types';
import { RowsCache } from './rows-cache';
import type { CustomFieldDef } from '../../../shared/model/schemas';
import type { Op } from '../../../shared/commands/types';
import { plural } from '../../format';
import './register.css';
import type { LooseRecord as Rec } from '../../../shared/model/record';

type Def = ColumnDef<Rec>;

const DEFAULT_SORT: Record<RegisterEntity, ViewState['sort']> = {
  project: [{ col: 'code', dir: 'asc' }],
  programme: [{ col: 'name', dir: 'asc' }],
  objective: [{ col: 'name', dir: 'asc' }],
  resource: [{ col: 'name', dir: 'asc' }],
  role: [{ col: 'name', dir: 'asc' }],
  milestone: [{ col: 'forecastDate', dir: 'asc' }],
};

const NO_FIELDS: readonly CustomFieldDef[] = [];
const selectDataVersion = (s: AppSnapshot) => s.dataVersion;
const selectLastChange = (s: AppSnapshot) => s.lastChange;

export function RegisterView({ entity }: { entity: RegisterEntity }) {
  const store = useStore();
  const ctx = useColumnContext();
  const current = useWorkbook()!;
  const settings = useSettings()!;
  const allCustomFields = useRecords('customField');
  // The rows follow the register's own records; the last change lets an edit patch them in place.
  const records = useRecords(entity) as readonly Rec[];
  const dataVersion = useAppSelector(selectDataVersion);
  const lastChange = useAppSelector(selectLastChange);
  const labels = REGISTER_LABELS[entity];
  // Columns change with the scoring criteria and custom fields only, not with every edit: new
  // column definitions make AG Grid rebuild every column.
  const customFields = entity === 'project' ? allCustomFields : NO_FIELDS;
  // Slip columns name the compared baseline in their header tooltips (Settings → Baselines).
  const hasSlip = entity === 'project' || entity === 'milestone';
  const baseline = hasSlip ? chooseBaseline(settings, current) : OWN_BASELINE;
  const columnsKey = JSON.stringify([entity, settings.scoringCriteria, customFields, hasSlip ? slipDescription(baseline, 'project') : null]);
  const allColumns = useKeyed(columnsKey, () => columnsFor(entity, settings, customFields, baseline) as Def[]);
  const fallback = useCallback(() => defaultViewState(allColumns as never, DEFAULT_SORT[entity]), [allColumns, entity]);
  const working = useWorkingView(entity, fallback);
  const { view, setView } = working;
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [selection, setSelection] = useState<string[]>([]);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [rejections, setRejections] = useState<{ title: string; list: RefusalLine[] } | null>(null);
  const [announce, setAnnounce] = useState('');
  // A refused single edit's reason, beside its cell until the next action.
  const [callout, setCallout] = useState<CalloutTarget | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [popover, setPopover] = useState<null | { kind: 'filter'; col: string; anchor: HTMLElement } | { kind: 'columns' | 'views'; anchor: HTMLElement }>(null);
  const [dialog, setDialog] = useState<null | 'set-field' | 'delete' | 'custom-fields'>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const gridRef = useRef<DataGridHandle>(null);
  /** A record just added (Add, or pasted rows): focused once the rows include it. */
  const focusAfterBuild = useRef<string | null>(null);
  const ui = useMemo(() => new GridUiStore(), []);

  const columns = useMemo(() => (view ? visibleColumns(allColumns, view) : []), [allColumns, view]);
  const [rowsCache] = useState(() => new RowsCache<Rec>());
  const built = useMemo(
    () =>
      view && ctx
        ? rowsCache.build({ records, columns: allColumns, view, ctx, collapsed, entity, change: lastChange, version: dataVersion, get: (id) => current.get(entity, id), ...(entity === 'project' ? { isArchived: (r: Rec) => r['archived'] === true } : {}) })
        : null,
    [records, allColumns, view, ctx, collapsed, entity, rowsCache, lastChange, dataVersion, current],
  );

  useEffect(() => ui.set({ sort: view?.sort ?? [], filters: view?.filters ?? [] }), [ui, view?.sort, view?.filters]);
  useEffect(() => ui.set({ errors }), [ui, errors]);

  // Codes in use, for the next free code: needed only by Add, paste and duplicate, so not built on every edit.
  const codesNow = useCallback(() => new Set(records.map((r) => String(r['code'] ?? '').toUpperCase()).filter(Boolean)), [records]);

  const cellKey = (rowId: string, colId: string) => `${rowId}|${colId}`;

  /** Shows what was refused, cell by cell, and takes the marks off the cells that saved. */
  const report = useCallback(
    (title: string, list: CellRefusal[], saved: CellRef[]) => {
      setErrors((prev) => {
        const next = new Map(prev);
        let changed = false;
        for (const c of saved) changed = next.delete(cellKey(c.rowId, c.colId)) || changed;
        for (const r of list) {
          if (!r.cell) continue;
          const key = cellKey(r.cell.rowId, r.cell.colId);
          changed ||= next.get(key) !== r.reason;
          next.set(key, r.reason);
        }
        // The same marks keep the same map: the grid repaints every cell when its marks change.
        return changed ? next : prev;
      });
      // Listed from one refused cell up, headed by what was refused ("1 cell refused: …", "3 cells refused").
      setRejections(list.length ? { title: refusalSummary(list), list } : null);
      setCallout(null);
      setAnnounce(refusalAnnouncement(title, list));
    },
    [],
  );

  const onEdit = useCallback(
    async (rowIndex: number, col: Def, value: EditValue) => {
      const row = built?.rows[rowIndex];
      if (!row || row.kind !== 'record' || !ctx || !col.field) return;
      const cell = { rowId: row.rowId, colId: col.id };
      const text = value.kind === 'text' ? value.text : '';
      const refused = (reason: string) => {
        report(`${col.header} not saved`, [{ where: recordName(row.record), header: col.header, text, reason, cell }], []);
        setCallout({ ...cell, text: `${text.trim() ? `“${text.trim().slice(0, 60)}” not saved` : 'Not saved'}: ${col.header} ${reason}` });
      };
      const parsed = value.kind === 'text' ? parseCell(col, value.text, ctx) : { ok: true as const, value: value.value };
      if (!parsed.ok) return refused(parsed.reason);
      const r = await store.commit([{ op: 'update', entity, id: row.id, changes: { [col.field]: parsed.value } }], { origin: 'edit', label: `Edit ${col.header}` });
      const problems = r?.rejected.flatMap((x) => x.problems) ?? [];
      if (problems.length) refused(problemReason(problems[0]!));
      else report('', [], [cell]);
    },
    [built, ctx, entity, report, store],
  );

  /** Commits a paste or fill plan; maps what the command path refused back to cells. */
  const applyPlan = useCallback(
    async (plan: PastePlan, origin: 'paste' | 'fill' | 'edit', label: string, planColumns: readonly Def[] = columns) => {
      if (!built) return;
      const result = plan.ops.length ? await store.commit(plan.ops, { origin, label, partial: true, splitRejectedUpdates: true }) : undefined;
      const { refusals, saved } = refusalsOf({ plan, rejected: result?.rejected ?? [], rows: built.rows, columns: planColumns, entity, get: (id) => current.get(entity, id) as Rec | undefined });
      report(label, refusals, saved);
      setAnnounce(planOutcome(label, result?.tx ? result.tx.count : 0, refusals.length));
      return result;
    },
    [built, columns, current, entity, report, store],
  );

  const onPaste = useCallback(
    (text: string, range: CellRange) => {
      if (!built || !ctx) return;
      const n = normalise(range);
      const codes = codesNow();
      const plan = planPaste({
        text,
        anchor: { row: n.top, col: n.left },
        selection: indexes(range),
        rows: built.rows,
        columns,
        ctx,
        entity,
        newRecord: (i: number) => blankRecord(entity, i, codes, ctx.today),
      });
      void applyPlan(plan, 'paste', `Paste ${plural(plan.size.rows * plan.size.cols, 'cell')}`);
    },
    [applyPlan, built, codesNow, columns, ctx, entity],
  );

  /**
   * Pasted rows as new records after the rows shown (into an empty register, or with no cell
   * chosen): a header line maps the columns, else they fill in the grid's order. One commit.
   */
  const onPasteRows = useCallback(
    async (text: string) => {
      if (!built || !ctx) return;
      const codes = codesNow();
      const pasted = planPasteRows({ text, rows: built.rows, columns, allColumns, ctx, entity, newRecord: (i: number) => blankRecord(entity, i, codes, ctx.today) });
      const count = pasted.plan.ops.length;
      if (!count && !pasted.plan.rejected.length) return;
      const label = `Paste ${plural(count, labels.singular, labels.plural.toLowerCase())}`;
      const result = await applyPlan(pasted.plan, 'paste', label, pasted.columns);
      const firstId = result?.plan?.created.get(0);
      if (firstId) {
        // Show the new rows: clear what could hide them, then focus the first once the rows include it.
        if (view && (view.filters.length || view.search)) setView({ ...view, filters: [], search: '' });
        focusAfterBuild.current = firstId;
      }
      if (pasted.header) {
        const left = pasted.unmatched.length ? ` ${pasted.unmatched.map((h) => `“${h}”`).join(', ')} matched no column and ${pasted.unmatched.length === 1 ? 'was' : 'were'} left out.` : '';
        store.notify('info', `${label}: the first line was read as the column names.${left}`);
      }
    },
    [allColumns, applyPlan, built, codesNow, columns, ctx, entity, labels, store, view, setView],
  );

  // Ctrl+V (or Cmd+V) where no cell takes it: anywhere in the window while an empty register is
  // shown (after a click on the empty state, or on the area's button in the sidebar), or one
  // whose grid has no chosen cell; not in a text field, a dialog or a menu. A cell chosen in the
  // grid takes its own paste (DataGrid).
  const pasteRowsRef = useRef(onPasteRows);
  useEffect(() => {
    pasteRowsRef.current = onPasteRows;
  });
  useEffect(() => {
    const onDocPaste = (e: ClipboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.defaultPrevented || !t) return;
      if (t.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const section = sectionRef.current;
      if (!section || (ui.get().range && section.querySelector('.data-grid .ag-row'))) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      void pasteRowsRef.current(text);
    };
    document.addEventListener('paste', onDocPaste);
    return () => document.removeEventListener('paste', onDocPaste);
  }, [ui]);

  const onFillDown = useCallback(
    (range: CellRange) => {
      if (!built || !ctx) return;
      const plan = planFillDown({ range: indexes(range), rows: built.rows, columns, ctx, entity });
      void applyPlan(plan, 'fill', 'Fill down');
    },
    [applyPlan, built, columns, ctx, entity],
  );

  const onClear = useCallback(
    (range: CellRange) => {
      if (!built || !ctx) return;
      const plan = planClear({ range: indexes(range), rows: built.rows, columns, ctx, entity });
      void applyPlan(plan, 'edit', `Clear ${plural(plan.cells.length + plan.rejected.length, 'cell')}`);
    },
    [applyPlan, built, columns, ctx, entity],
  );

  const onCopy = useCallback((range: CellRange) => (built && ctx ? copyRange({ range: indexes(range), rows: built.rows, columns, ctx }) : ''), [built, columns, ctx]);

  const addRecord = async () => {
    if (!ctx) return;
    const r = await store.commit([{ op: 'create', entity, record: blankRecord(entity, 0, codesNow(), ctx.today) }], { origin: 'create', label: `Add ${labels.singular}` });
    const id = r?.plan?.created.get(0);
    if (!id) {
      const why = r?.rejected.flatMap((x) => x.problems.map((p) => p.message))[0];
      if (why) store.notify('error', why);
      return;
    }
    // Show the new row: clear what could hide it, then focus its name once the rows include it.
    if (view && (view.filters.length || view.search)) setView({ ...view, filters: [], search: '' });
    focusAfterBuild.current = id;
  };
  useEffect(() => {
    const id = focusAfterBuild.current;
    if (!id || !built) return;
    const idx = built.rows.findIndex((x) => x.kind === 'record' && x.id === id);
    if (idx < 0) return;
    focusAfterBuild.current = null;
    gridRef.current?.focusCell(idx, entity === 'milestone' ? 'projectId' : 'name');
  }, [built, entity]);

  const selected = selection.filter((id) => current.has(entity, id));

  /** Closes the detail panel; closed from inside it (Esc, ×), the keyboard goes back to the grid. */
  const closeDetail = () => {
    const fromPanel = !!document.activeElement?.closest('.detail-panel');
    setDetailId(null);
    if (fromPanel) setTimeout(() => gridRef.current?.restoreFocus(), 0);
  };

  const bulk = async (ops: Op[], label: string, origin: 'bulk' | 'delete' | 'create' = 'bulk') => {
    const r = await store.commit(ops, { origin, label, partial: true, splitRejectedUpdates: true });
    const refused = r?.rejected.flatMap((x) => x.problems.map((p) => p.message)) ?? [];
    if (refused.length) setRejections({ title: `${label}: ${plural(refused.length, 'change')} refused`, list: refused.map((m) => ({ where: '', header: '', text: '', reason: m })) });
    else setAnnounce(`${label}: done. Ctrl+Z undoes it.`);
  };

  const duplicateSelected = () => {
    if (!ctx) return;
    const codes = codesNow();
    const ops: Op[] = selected.map((id, i) => {
      const src = current.get(entity, id) as Rec;
      const { id: _id, ...rest } = src;
      const copy: Record<string, unknown> = { ...rest, name: `${String(src['name'] ?? '')} (copy)`.slice(0, 300) };
      if ('code' in src) copy['code'] = blankRecord(entity, i, codes, ctx.today)['code'];
      return { op: 'create', entity, record: copy };
    });
    void bulk(ops, `Duplicate ${plural(ops.length, labels.singular, labels.plural.toLowerCase())}`, 'create');
  };

  if (!view || !ctx || !built) return <div className="register-loading" aria-busy="true" />;

  const filtersFor = (col: string) => view.filters.find((f) => f.col === col);
  const setFilter = (col: string, f: Filter | null) => setView(withFilter(view, col, f));
  const groupable = allColumns.filter((c) => c.groupable);
  const defById = new Map(allColumns.map((c) => [c.id, c]));
  const noun = (n: number) => (n === 1 ? labels.singular : labels.plural.toLowerCase());

  return (
    <section ref={sectionRef} className={`register ${detailId ? 'with-detail' : ''}`} aria-labelledby="register-title">
      <div className="register-main">
        <header className="register-head">
          <h1 id="register-title">{labels.plural}</h1>
          <span className="count" data-testid="row-count" aria-live="polite">
            {built.shown === built.total ? plural(built.total, labels.singular, labels.plural.toLowerCase()) : `Showing ${built.shown.toLocaleString()} of ${built.total.toLocaleString()} ${labels.plural.toLowerCase()}`}
          </span>
          {hasSlip && <BaselineNote choice={baseline} />}
          <span className="spacer" />
          {entity === 'project' && (
            <button type="button" className="ghost" onClick={() => setDialog('custom-fields')}>
              Custom fields…
            </button>
          )}
          <button type="button" className="primary" onClick={() => void addRecord()}>
            Add {labels.singular}
          </button>
        </header>

        <div className="toolbar" role="toolbar" aria-label={`${labels.plural} view`}>
          <SearchAndGroup working={working} label={`Search ${labels.plural.toLowerCase()}`} groupable={groupable} />
          {view.groupBy && (
            <button type="button" className="ghost small" onClick={() => setCollapsed(collapsed.size ? new Set() : new Set(built.rows.filter((r) => r.kind === 'group').map((r) => r.rowId)))}>
              {collapsed.size ? 'Expand all' : 'Collapse all'}
            </button>
          )}
          <button type="button" onClick={(e) => setPopover({ kind: 'columns', anchor: e.currentTarget })}>
            Columns
          </button>
          <ViewsButton working={working} onOpen={(anchor) => setPopover({ kind: 'views', anchor })} />
          {entity === 'project' && (
            <label className="inline check">
              <input type="checkbox" checked={view.showArchived} onChange={(e) => setView({ ...view, showArchived: e.target.checked })} /> Show archived
            </label>
          )}
        </div>

        <WorkingFilterChips working={working} defById={defById} ctx={ctx} onEdit={(col, anchor) => setPopover({ kind: 'filter', col, anchor })} />

        {selected.length > 0 && (
          <div className="bulk-bar" role="region" aria-label="Selected rows">
            <strong>{selected.length} selected</strong>
            <button type="button" onClick={() => setDialog('set-field')}>
              Set field…
            </button>
            <button type="button" onClick={duplicateSelected}>
              Duplicate
            </button>
            {entity === 'project' && (
              <button type="button" onClick={() => void bulk(selected.map((id) => ({ op: 'update', entity, id, changes: { archived: !(current.get(entity, id) as Rec)['archived'] } })), `Archive ${plural(selected.length, 'project')}`)}>
                {selected.every((id) => (current.get(entity, id) as Rec)['archived']) ? 'Unarchive' : 'Archive'}
              </button>
            )}
            <button type="button" className="danger-text" onClick={() => setDialog('delete')}>
              Delete…
            </button>
            <span className="spacer" />
            <button type="button" className="ghost" onClick={() => gridRef.current?.clearSelection()}>
              Clear selection
            </button>
          </div>
        )}

        {rejections && (
          <div className="rejections" role="alert">
            <div className="row">
              <strong>{rejections.title}</strong>
              <span className="spacer" />
              <button type="button" className="icon" aria-label="Dismiss" onClick={() => setRejections(null)}>
                ×
              </button>
            </div>
            <ul>
              {rejections.list.slice(0, 12).map((r, i) => (
                <li key={i}>
                  {r.where && <strong>{r.where}</strong>} {r.header && <span>{r.header}</span>} {r.text && <code>{r.text}</code>} — {r.reason}
                </li>
              ))}
              {rejections.list.length > 12 && <li>…and {rejections.list.length - 12} more</li>}
            </ul>
          </div>
        )}

        <DataGrid
          ref={gridRef}
          label={labels.plural}
          columns={columns}
          columnState={view.columns}
          rows={built.rows}
          ctx={ctx}
          ui={ui}
          emptyMessage={built.total === 0 ? `No ${labels.plural.toLowerCase()} yet. Use “Add ${labels.singular}”, or paste rows from a spreadsheet.` : `No ${labels.plural.toLowerCase()} match the search and filters.`}
          onColumnsChanged={(state) => setView(mergeColumnLayout(view, state))}
          onSortClick={(col, add) => setView({ ...view, sort: toggleSort(view.sort, col, add) })}
          onFilterClick={(col, anchor) => setPopover({ kind: 'filter', col, anchor })}
          onEdit={(i, c, v) => void onEdit(i, c, v)}
          onPaste={onPaste}
          onCopy={onCopy}
          onClear={onClear}
          onFillDown={onFillDown}
          onToggleGroup={(id) => {
            const next = new Set(collapsed);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            setCollapsed(next);
          }}
          {...(entity === 'project' || entity === 'resource' ? { onOpen: setDetailId } : {})}
          onSelectionChanged={setSelection}
        />
        <div className="sr-only" aria-live="assertive">
          {announce}
        </div>
        {callout && <CellCallout target={callout} root={() => sectionRef.current} ui={ui} onDismiss={() => setCallout(null)} />}
      </div>

      {detailId && entity === 'project' && current.has('project', detailId) && <ProjectDetail projectId={detailId} onClose={closeDetail} onOpenProject={setDetailId} />}
      {detailId && entity === 'resource' && <PersonDetail resourceId={detailId} onClose={closeDetail} />}

      {popover?.kind === 'filter' && defById.get(popover.col) && (
        <FilterPopover
          def={defById.get(popover.col)!}
          ctx={ctx}
          anchor={popover.anchor}
          current={filtersFor(popover.col)}
          records={records}
          onClose={() => setPopover(null)}
          onApply={(f) => {
            setFilter(popover.col, f);
            setPopover(null);
          }}
        />
      )}
      {popover?.kind === 'columns' && <ColumnsMenu anchor={popover.anchor} columns={allColumns} view={view} onChange={(v) => setView(v)} onReset={() => setView({ ...view, columns: fallback().columns })} onClose={() => setPopover(null)} />}
      {popover?.kind === 'views' && <ViewsMenu anchor={popover.anchor} working={working} onClose={() => setPopover(null)} />}
      {dialog === 'set-field' && (
        <SetFieldDialog
          columns={allColumns}
          ctx={ctx}
          count={selected.length}
          noun={noun(selected.length)}
          onClose={() => setDialog(null)}
          onApply={(col, value) => {
            setDialog(null);
            void bulk(
              selected.map((id) => ({ op: 'update', entity, id, changes: { [col.field!]: value } })),
              `Set ${col.header} on ${plural(selected.length, labels.singular, labels.plural.toLowerCase())}`,
            );
          }}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${plural(selected.length, labels.singular, labels.plural.toLowerCase())}?`}
          danger
          confirm={`Delete ${plural(selected.length, labels.singular, labels.plural.toLowerCase())}`}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void bulk(
              selected.map((id) => ({ op: 'delete', entity, id })),
              `Delete ${plural(selected.length, labels.singular, labels.plural.toLowerCase())}`,
              'delete',
            );
            gridRef.current?.clearSelection();
          }}
          message={
            <p>
              {plural(selected.length, labels.singular, labels.plural.toLowerCase())} will be deleted
              {entity === 'project' ? ', with their milestones, allocations, dependencies, RAID items and status reports' : ''}. You can undo this with Ctrl+Z.
            </p>
          }
        />
      )}
      {dialog === 'custom-fields' && <CustomFieldsDialog onClose={() => setDialog(null)} />}
    </section>
  );
}
