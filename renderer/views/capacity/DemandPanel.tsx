// The demand grid of one project: a row per person or role (tentative apart), a column per week or
// month of hours per week, typed, pasted, filled and cleared like the register. Every edit is
// planned by shared/capacity/demand-grid (re-cut into spans of constant hours, refusals and
// warnings) and committed as one undo step; refusals and warnings are listed above the grid.
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useRecord, useRecords, useSettings, useStore, useVersion, useWorkbook } from '../../state/use-app';
import { Derived } from '../../state/derived';
import { useColumnContext } from '../common/column-context';
import { DataGrid, type DataGridHandle } from '../../components/grid/DataGrid';
import { GridUiStore } from '../../components/grid/grid-store';
import { indexes, normalise, type CellRange } from '../../components/grid/range';
import type { EditValue } from '../../components/grid/editors';
import { Dialog } from '../../components/Dialog';
import { cellEdits, demandRows, demandSourceOf, planAssignRole, planDemandEdit, whoOf, type DemandEdit, type DemandRow, type DemandRowKey, type DemandUnit } from '../../../shared/capacity/demand-grid';
import { parseTsv, toTsv } from '../../../shared/register/tsv';
import type { ColumnDef, ColumnState, DisplayRow } from '../../../shared/register/types';
import { addDays, calendarPeriods, startOfIsoWeek } from '../../../shared/calendar';
import { capacityDisplayOf, rateFromUnit, rateInUnit, rateUnitLabel, type CapacityDisplay } from '../../../shared/capacity/allocation-hours';
import { plural } from '../../format';
import type { LooseRecord as Rec } from '../../../shared/model/record';

type Def = ColumnDef<Rec>;
type RowRec = Rec & { row: DemandRow };

interface Notice {
  title: string;
  refused: string[];
  warnings: string[];
}

/** Typed text → a number in the unit: blank is 0; anything not a number is NaN (refused by the plan). */
function parseAmount(text: string): number {
  const t = text.trim().replace(/\s*(h|hours?|h\/week|fte)$/i, '').replace(',', '.');
  return t === '' ? 0 : Number(t);
}

/** Typed text in the workbook's unit (hours per week, or FTE) → hours per week, what the cells store. */
function parseRate(text: string, d: CapacityDisplay): number {
  return rateFromUnit(parseAmount(text), d);
}

/** A cell's hours per week as shown and copied in the unit (FTE to three decimals: 0.873 FTE is 32.74 h at 37.5). */
function shownRate(hoursPerWeek: number, d: CapacityDisplay): number {
  return d.unit === 'fte' ? Math.round(rateInUnit(hoursPerWeek, d) * 1000) / 1000 : hoursPerWeek;
}

/** The grid's header and row heights (DataGrid's theme) and room for its horizontal scrollbar and borders. */
const GRID_HEADER_H = 38;
const GRID_ROW_H = 32;
const GRID_SCROLLBAR_H = 22;

/** The allocations and names the grid reads, kept until one of them (or the hours calendar) changes. */
const demandSource = new Derived(['allocation', 'project', 'resource', 'role', 'settings'], (state) => demandSourceOf(state));

export function DemandPanel(props: { projectId: string; today: string; onProject: (id: string) => void; onClose: () => void }) {
  const store = useStore();
  const ctx = useColumnContext();
  const current = useWorkbook()!;
  const settings = useSettings()!;
  // Cells store hours per week; they are shown, typed, pasted and copied in the workbook's unit.
  const unitOf = useMemo(() => capacityDisplayOf(settings), [settings]);
  const unitWords = unitOf.unit === 'fte' ? `FTE (1 FTE = ${unitOf.hoursPerFte} h a week)` : 'hours per week';
  // Deferred: after an edit the heat map beside it is painted first, then this grid catches up
  // (re-reading 200,000 allocations for one project's rows is the longer part of the work).
  const version = useDeferredValue(useVersion(demandSource.reads));
  const projectList = useRecords('project');
  const [unit, setUnit] = useState<DemandUnit>('week');
  const [pending, setPending] = useState<DemandRowKey[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<null | 'add' | 'assign'>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const gridRef = useRef<DataGridHandle>(null);
  const ui = useMemo(() => new GridUiStore(), []);

  const projects = useMemo(() => [...projectList].sort((a, b) => a.code.localeCompare(b.code)), [projectList]);
  const project = useRecord('project', props.projectId);
  const src = useMemo(() => demandSource.get(current, version), [current, version]);

  // The window: the project's dates and its allocations, from 4 weeks before to 4 weeks after.
  const periods = useMemo(() => {
    let from = project?.start ?? addDays(props.today, -28);
    let to = project?.finish ?? addDays(props.today, 26 * 7);
    for (const a of src.allocations) {
      if (a['projectId'] !== props.projectId) continue;
      if (String(a['start']) < from) from = String(a['start']);
      if (String(a['end']) > to) to = String(a['end']);
    }
    return calendarPeriods(unit, addDays(startOfIsoWeek(from), -28), addDays(to, 28), unit === 'week' ? 156 : 36);
  }, [project, props.projectId, props.today, src, unit]);

  const rows = useMemo(() => {
    const found = demandRows(src, { projectId: props.projectId }, periods);
    const keys = new Set(found.map((r) => `${r.resourceId}|${r.resourceId ? '' : r.roleId}|${r.tentative}`));
    const extra = pending
      .filter((k) => k.projectId === props.projectId && !keys.has(`${k.resourceId}|${k.resourceId ? '' : k.roleId}|${k.tentative === true}`))
      .map((k): DemandRow => ({ projectId: k.projectId, resourceId: k.resourceId, roleId: k.roleId, tentative: k.tentative === true, key: `new|${k.resourceId ?? ''}|${k.roleId ?? ''}|${k.tentative ? 't' : ''}`, who: whoOf(src, k), kind: k.resourceId ? 'person' : 'role', projectCode: project?.code ?? '', allocationIds: [], hours: periods.map(() => 0) }));
    return [...found, ...extra];
  }, [src, props.projectId, periods, pending, project?.code]);

  const display = useMemo((): DisplayRow<Rec>[] => rows.map((r) => ({ kind: 'record', rowId: r.key, id: r.key, record: { id: r.key, row: r } })), [rows]);

  const columns = useMemo((): Def[] => {
    const who: Def = { id: 'who', header: 'Person or role', type: 'text', editable: false, width: 200, pinned: 'left', get: (r) => (r as RowRec).row.who };
    const tentative: Def = { id: 'tentative', header: 'Tentative', type: 'checkbox', editable: false, width: 90, get: (r) => (r as RowRec).row.tentative };
    // Short headers ("W06", "Feb 27") fit beside the sort and filter marks; the tooltip has the dates.
    const cells = periods.map((p, i): Def => ({ id: `p${i}`, header: shortLabel(p.label), field: `p${i}`, type: 'number', editable: true, width: 124, description: `${p.label}: ${p.start} – ${p.end}, ${unitWords}`, get: (r) => shownRate((r as RowRec).row.hours[i] ?? 0, unitOf) || null }));
    return [who, tentative, ...cells];
  }, [periods, unitOf, unitWords]);
  const columnState = useMemo((): ColumnState[] => columns.map((c) => ({ id: c.id, width: c.width ?? 90, ...(c.pinned ? { pinned: c.pinned } : {}) })), [columns]);

  const code = project?.code ?? 'project';

  /** Plans and commits cell edits (row index, column index, hours) as one undo step. */
  const commit = useCallback(
    async (cells: { row: number; col: number; hours: number }[], origin: 'edit' | 'paste' | 'fill', extraRefused: string[] = []) => {
      const edits: DemandEdit[] = [];
      for (const c of cells) {
        const row = rows[c.row];
        const periodIndex = c.col - 2;
        if (!row || periodIndex < 0 || periodIndex >= periods.length) continue;
        if (Number.isFinite(c.hours) && Math.abs((row.hours[periodIndex] ?? 0) - c.hours) < 0.005) continue;
        edits.push(...cellEdits(src, row, periods, periodIndex, c.hours));
      }
      const plan = planDemandEdit(src, edits, periods);
      const refused = [...extraRefused, ...plan.refused.map((r) => r.message)];
      const label = `Edit demand of ${code}: ${plural(plan.cells, 'cell')}`;
      let storeRefused = 0;
      if (plan.ops.length) {
        const r = await store.commit(plan.ops, { origin, label });
        const problems = r?.rejected.flatMap((x) => x.problems.map((p) => p.message)) ?? [];
        storeRefused = problems.length;
        refused.push(...problems);
      }
      const warnings = plan.warnings.map((w) => w.message);
      // Worded for what happened: "1 cell refused", "3 cells saved, 1 cell refused" (never "0 cells: 1 cell refused").
      const saved = Math.max(0, plan.cells - storeRefused);
      const refusedTitle = `Demand of ${code}: ${saved ? `${plural(saved, 'cell')} saved, ` : ''}${plural(refused.length, 'cell')} refused`;
      setNotice(refused.length || warnings.length ? { title: refused.length ? refusedTitle : `${label}: saved, with ${plural(warnings.length, 'warning')}`, refused, warnings } : null);
    },
    [code, periods, rows, src, store],
  );

  const onEdit = (rowIndex: number, col: Def, value: EditValue) => {
    const ci = columns.indexOf(col);
    const hours = value.kind === 'text' ? parseRate(value.text, unitOf) : value.value == null ? 0 : rateFromUnit(Number(value.value), unitOf);
    void commit([{ row: rowIndex, col: ci, hours }], 'edit');
  };

  const onPaste = (text: string, range: CellRange) => {
    const block = parseTsv(text);
    const n = normalise(range);
    const sel = indexes(range);
    const cells: { row: number; col: number; hours: number }[] = [];
    const one = block.length === 1 && block[0]!.length === 1;
    if (one && sel.rows.length * sel.cols.length > 1) for (const r of sel.rows) for (const c of sel.cols) cells.push({ row: r, col: c, hours: parseRate(block[0]![0]!, unitOf) });
    else block.forEach((line, i) => line.forEach((t, j) => cells.push({ row: n.top + i, col: n.left + j, hours: parseRate(t, unitOf) })));
    const skipped = cells.filter((c) => c.row >= rows.length || c.col < 2 || c.col >= columns.length).length;
    void commit(
      cells.filter((c) => c.row < rows.length && c.col >= 2 && c.col < columns.length),
      'paste',
      skipped ? [`${plural(skipped, 'pasted cell')} fell outside the week columns of existing rows (use “Add row” first)`] : [],
    );
  };

  const onFillDown = (range: CellRange) => {
    const { rows: rs, cols } = indexes(range);
    const [first, ...rest] = rs;
    if (first === undefined) return;
    const cells = cols.filter((c) => c >= 2).flatMap((c) => rest.map((r) => ({ row: r, col: c, hours: rows[first]?.hours[c - 2] ?? 0 })));
    void commit(cells, 'fill');
  };

  const onClear = (range: CellRange) => {
    const { rows: rs, cols } = indexes(range);
    void commit(rs.flatMap((r) => cols.filter((c) => c >= 2).map((c) => ({ row: r, col: c, hours: 0 }))), 'edit');
  };

  const onCopy = (range: CellRange) => {
    const { rows: rs, cols } = indexes(range);
    return toTsv(rs.map((r) => cols.map((c) => (c === 0 ? (rows[r]?.who ?? '') : c === 1 ? (rows[r]?.tentative ? 'TRUE' : 'FALSE') : String(shownRate(rows[r]?.hours[c - 2] ?? 0, unitOf))))));
  };

  const selectedRows = rows.filter((r) => selection.includes(r.key));
  const roleRow = selectedRows.length === 1 && selectedRows[0]!.kind === 'role' && selectedRows[0]!.allocationIds.length ? selectedRows[0]! : null;

  if (!ctx) return null;
  return (
    <section className="cap-demand" aria-label={`Demand of ${code}`} data-testid="demand-panel">
      <div className="toolbar" role="toolbar" aria-label="Demand grid">
        <h2 className="cap-demand-title">Demand</h2>
        <label className="inline">
          Project
          <ProjectSelect projects={projects} value={props.projectId} onChange={props.onProject} />
        </label>
        {project && (project.start || project.finish) && (
          <span className="muted small">
            {project.start ?? '…'} – {project.finish ?? '…'}
          </span>
        )}
        <div className="segmented" role="group" aria-label="Demand periods">
          {(['week', 'month'] as const).map((u) => (
            <button key={u} type="button" aria-pressed={unit === u} onClick={() => setUnit(u)}>
              {u === 'week' ? 'Weeks' : 'Months'}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => setDialog('add')}>
          Add row
        </button>
        <button type="button" disabled={!roleRow} title={roleRow ? `Split ${roleRow.who} across named people` : 'Tick one role row to assign it to people'} onClick={() => setDialog('assign')}>
          Assign to people…
        </button>
        <span className="spacer" />
        <span className="muted small" data-testid="demand-unit">
          {unitOf.unit === 'fte' ? `In FTE (1 FTE = ${unitOf.hoursPerFte} h a week).` : 'Hours per week.'} Type, paste or fill; 0 or Delete removes demand.
        </span>
        <button type="button" className="icon" aria-label="Close the demand grid" onClick={props.onClose}>
          ×
        </button>
      </div>
      {notice && (
        <div className="rejections" role="alert" data-testid="demand-notice">
          <div className="row">
            <strong>{notice.title}</strong>
            <span className="spacer" />
            <button type="button" className="icon" aria-label="Dismiss" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
          <ul>
            {notice.refused.slice(0, 12).map((m, i) => (
              <li key={`r${i}`}>{m}</li>
            ))}
            {notice.warnings.slice(0, 12).map((m, i) => (
              <li key={`w${i}`} className="warn">
                Warning: {m}
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* As tall as its rows (header, rows, the horizontal scrollbar), so none hides under the
          scrollbar and no space is left empty; it shrinks, and scrolls, when the heat map needs the room. */}
      <div className="cap-demand-grid" style={{ flexBasis: GRID_HEADER_H + Math.max(2, display.length) * GRID_ROW_H + GRID_SCROLLBAR_H }}>
        <DataGrid
          ref={gridRef}
          label={`Demand of ${code}`}
          columns={columns}
          columnState={columnState}
          rows={display}
          ctx={ctx}
          ui={ui}
          emptyMessage={`No demand for ${code} yet. Use “Add row” to add a person or a role.`}
          onColumnsChanged={() => {}}
          onSortClick={() => {}}
          onFilterClick={() => {}}
          onEdit={onEdit}
          onPaste={onPaste}
          onCopy={onCopy}
          onClear={onClear}
          onFillDown={onFillDown}
          onToggleGroup={() => {}}
          onSelectionChanged={setSelection}
        />
      </div>
      {dialog === 'add' && (
        <AddRowDialog
          unitWords={unitWords}
          onClose={() => setDialog(null)}
          onAdd={(k) => {
            setDialog(null);
            setPending((p) => [...p, { ...k, projectId: props.projectId }]);
          }}
        />
      )}
      {dialog === 'assign' && roleRow && (
        <AssignDialog
          display={unitOf}
          row={roleRow}
          onClose={() => setDialog(null)}
          onAssign={async (shares) => {
            const plan = planAssignRole(src, roleRow.allocationIds, shares);
            if (plan.refused.length) return plan.refused;
            setDialog(null);
            const names = shares.filter((s) => s.hours > 0).length;
            const r = await store.commit(plan.ops, { origin: 'edit', label: `Assign ${roleRow.who.replace(/ \(role\)$/, '')} on ${code} to ${plural(names, 'person', 'people')}` });
            const refused = r?.rejected.flatMap((x) => x.problems.map((p) => p.message)) ?? [];
            setNotice(refused.length ? { title: 'Assignment refused', refused, warnings: [] } : null);
            gridRef.current?.clearSelection();
            return [];
          }}
        />
      )}
    </section>
  );
}

/**
 * The project picker, rendered again only when the projects or the choice change: on 10,000
 * projects, re-rendering the <select> after every edit cost React ~40 ms (diffing the options and
 * re-marking the selected one among all of them) before the heat map beside it was painted.
 */
const ProjectSelect = memo(function ProjectSelect(props: { projects: readonly { id: string; code: string; name: string }[]; value: string; onChange: (id: string) => void }) {
  return (
    <select aria-label="Project" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.projects.map((p) => (
        <option key={p.id} value={p.id}>
          {p.code} {p.name}
        </option>
      ))}
    </select>
  );
});

function AddRowDialog(props: { unitWords: string; onClose: () => void; onAdd: (k: { resourceId: string | null; roleId: string | null; tentative: boolean }) => void }) {
  const people = [...useRecords('resource')].sort((a, b) => a.name.localeCompare(b.name));
  const roles = [...useRecords('role')].sort((a, b) => a.name.localeCompare(b.name));
  const [who, setWho] = useState('');
  const [tentative, setTentative] = useState(false);
  const add = () => {
    if (!who) return;
    const [kind, id] = who.split(':') as ['person' | 'role', string];
    props.onAdd({ resourceId: kind === 'person' ? id : null, roleId: kind === 'role' ? id : null, tentative });
  };
  return (
    <Dialog
      title="Add a demand row"
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!who} onClick={add}>
            Add row
          </button>
        </>
      }
    >
      <label className="field">
        Person or role
        <select aria-label="Person or role" value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">Choose…</option>
          <optgroup label="People">
            {people.map((p) => (
              <option key={p.id} value={`person:${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Roles">
            {roles.map((r) => (
              <option key={r.id} value={`role:${r.id}`}>
                {r.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="inline check">
        <input type="checkbox" checked={tentative} onChange={(e) => setTentative(e.target.checked)} /> Tentative
      </label>
      <p className="muted small">Then type {props.unitWords} into its week or month cells.</p>
    </Dialog>
  );
}

function AssignDialog(props: { display: CapacityDisplay; row: DemandRow; onClose: () => void; onAssign: (shares: { resourceId: string; hours: number }[]) => Promise<string[]> }) {
  const people = [...useRecords('resource')].sort((a, b) => a.name.localeCompare(b.name));
  const d = props.display;
  const unit = rateUnitLabel(d.unit);
  // Shares are typed in the workbook's unit; the plan splits hours per week.
  const peak = shownRate(Math.max(0, ...props.row.hours), d);
  const [shares, setShares] = useState<{ resourceId: string; hours: string }[]>([
    { resourceId: '', hours: String(peak) },
    { resourceId: '', hours: '' },
  ]);
  const [errors, setErrors] = useState<string[]>([]);
  const parsed = shares.map((s) => ({ resourceId: s.resourceId, hours: parseRate(s.hours, d) }));
  const total = shownRate(parsed.reduce((s, x) => s + (Number.isFinite(x.hours) ? x.hours : 0), 0), d);
  return (
    <Dialog
      title={`Assign ${props.row.who} to people`}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={async () => {
              const problems = await props.onAssign(parsed.filter((s) => s.resourceId || s.hours));
              setErrors(problems);
            }}
          >
            Assign
          </button>
        </>
      }
    >
      <p className="muted small">
        The role’s demand ({peak} {unit} at most) is replaced by demand for these people, split in proportion to their hours; the role is kept on each. One undo step.
      </p>
      {shares.map((s, i) => (
        <div key={i} className="row cap-assign-row">
          <select aria-label={`Person ${i + 1}`} value={s.resourceId} onChange={(e) => setShares(shares.map((x, j) => (j === i ? { ...x, resourceId: e.target.value } : x)))}>
            <option value="">Choose a person…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <input aria-label={`${d.unit === 'fte' ? 'FTE' : 'Hours'} of person ${i + 1}`} inputMode="decimal" value={s.hours} onChange={(e) => setShares(shares.map((x, j) => (j === i ? { ...x, hours: e.target.value } : x)))} />
          <span className="muted small">{unit}</span>
        </div>
      ))}
      <button type="button" className="ghost small" onClick={() => setShares([...shares, { resourceId: '', hours: '' }])}>
        Add a person
      </button>
      <p className="small">
        Total {Math.round(total * 1000) / 1000} {unit} of {peak} {unit}
      </p>
      {errors.length > 0 && (
        <ul className="bad-text" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

/** "2027-W06" → "W06 ’27"; "Feb 2027" → "Feb ’27"; anything else as it is. */
function shortLabel(label: string): string {
  const w = /^(\d{4})-W(\d{2})$/.exec(label);
  if (w) return `W${w[2]} ’${w[1]!.slice(2)}`;
  const m = /^([A-Za-z]{3})\w* (\d{4})$/.exec(label);
  if (m) return `${m[1]} ’${m[2]!.slice(2)}`;
  return label;
}
