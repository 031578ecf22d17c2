// The project's milestones in the detail panel: edit in place, add, delete (with a confirmation
// that names the milestone) and reorder, each as one commit.
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useRecords, useStore } from '../../../state/use-app';
import type { WorkbookState } from '../../../../shared/commands/state';
import type { Op } from '../../../../shared/commands/types';
import type { ColumnContext } from '../../../../shared/register/types';
import type { Milestone } from '../../../../shared/model/schemas';
import { columnsFor } from '../../../../shared/register/columns';
import { historyFieldLabel } from '../../../../shared/register/history';
import { ConfirmDialog } from '../../../components/Dialog';
import { TextEditor, datePattern, displayText, type Col } from './editors';
import { refusal } from './commit';

/** The project's milestones in their stored order (then by date and name, for equal orders). */
export function sortMilestones(list: Milestone[]): Milestone[] {
  return [...list].sort((a, b) => a.order - b.order || (a.forecastDate ?? a.baselineDate ?? '').localeCompare(b.forecastDate ?? b.baselineDate ?? '') || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The updates that move milestone `index` by `delta`: a swap of two orders, or a renumbering when orders tie. */
export function moveOps(list: Milestone[], index: number, delta: -1 | 1): Op[] {
  const other = index + delta;
  if (other < 0 || other >= list.length) return [];
  const a = list[index]!;
  const b = list[other]!;
  const orders = new Set(list.map((m) => m.order));
  if (orders.size === list.length) {
    return [
      { op: 'update', entity: 'milestone', id: a.id, changes: { order: b.order } },
      { op: 'update', entity: 'milestone', id: b.id, changes: { order: a.order } },
    ];
  }
  const arranged = [...list];
  arranged[index] = b;
  arranged[other] = a;
  return arranged.flatMap((m, i): Op[] => (m.order === i ? [] : [{ op: 'update', entity: 'milestone', id: m.id, changes: { order: i } }]));
}

interface Props {
  projectId: string;
  state: WorkbookState;
  ctx: ColumnContext;
}

export function MilestonesSection({ projectId, state, ctx }: Props) {
  const store = useStore();
  const uid = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const [confirm, setConfirm] = useState<Milestone | null>(null);
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const all = useRecords('milestone');
  const milestones = useMemo(() => sortMilestones(all.filter((m) => m.projectId === projectId)), [all, projectId]);
  const cols = useMemo(() => columnsFor('milestone', state.settings), [state.settings]);
  const col = (id: string) => cols.find((c) => c.id === id)!;
  const labelFor = useCallback((field: string) => historyFieldLabel(field, cols), [cols]);
  const dependencyCount = (id: string) => state.all('dependency').filter((d) => (d.predecessorKind === 'milestone' && d.predecessorId === id) || (d.successorKind === 'milestone' && d.successorId === id)).length;

  const focusLater = (key: string, select = false) => {
    requestAnimationFrame(() => {
      const el = rootRef.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`);
      if (!el) return;
      el.focus();
      if (select && el instanceof HTMLInputElement) el.select();
    });
  };

  const setError = (msId: string, colId: string, error: string | null) =>
    setErrors((prev) => {
      const row = { ...(prev[msId] ?? {}) };
      if (error) row[colId] = error;
      else delete row[colId];
      return { ...prev, [msId]: row };
    });

  const update = (m: Milestone, c: Col) => async (value: unknown) => {
    const result = await store.commit([{ op: 'update', entity: 'milestone', id: m.id, changes: { [c.field!]: value } }], { origin: 'edit', label: `Edit milestone ${c.header.toLowerCase()}` });
    return refusal(result, labelFor, ctx);
  };

  const add = async () => {
    const order = milestones.reduce((max, m) => Math.max(max, m.order + 1), 0);
    const result = await store.commit([{ op: 'create', entity: 'milestone', record: { projectId, name: 'New milestone', forecastDate: ctx.today, order } }], { origin: 'create', label: 'Add milestone' });
    const problem = refusal(result, labelFor, ctx);
    if (problem) store.notify('error', `The milestone was not added: ${problem}`);
    const id = result?.plan?.created.get(0);
    if (id) focusLater(`ms-${id}-name`, true);
  };

  const move = async (index: number, delta: -1 | 1) => {
    const m = milestones[index]!;
    const ops = moveOps(milestones, index, delta);
    if (!ops.length) return;
    const result = await store.commit(ops, { origin: 'edit', label: `Move milestone ${delta < 0 ? 'up' : 'down'}` });
    const problem = refusal(result, labelFor, ctx);
    if (problem) store.notify('error', problem);
    const to = index + delta;
    // Keep focus on the button pressed, or on its twin once the milestone reaches an end.
    const dir = (to === 0 && delta < 0) || (to === milestones.length - 1 && delta > 0) ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down';
    focusLater(`ms-${m.id}-${dir}`);
  };

  const remove = async (m: Milestone) => {
    setConfirm(null);
    const result = await store.commit([{ op: 'delete', entity: 'milestone', id: m.id }], { origin: 'delete', label: `Delete milestone ${m.name}` });
    const problem = refusal(result, labelFor, ctx);
    if (problem) store.notify('error', problem);
    focusLater('ms-add');
  };

  const name = col('name');
  const dates = [col('baselineDate'), col('forecastDate'), col('actualDate')];
  const slip = col('calc.slip');

  return (
    <div ref={rootRef} className="dt-milestones">
      {milestones.length === 0 ? (
        <p className="muted small">No milestones yet.</p>
      ) : (
        <table className="table compact dt-table dt-ms-table">
          <thead>
            <tr>
              <th scope="col">Baseline</th>
              <th scope="col">Forecast</th>
              <th scope="col">Actual</th>
              <th scope="col" className="num" title={slip.description}>
                Slip
              </th>
            </tr>
          </thead>
          {milestones.map((m, i) => {
            const rec = m as unknown as Record<string, unknown> & { id: string };
            const rowErrors = Object.values(errors[m.id] ?? {});
            const errorId = `${uid}-${m.id}-error`;
            const slipDays = slip.get(rec, ctx);
            return (
              <tbody key={m.id} className="dt-ms">
                <tr className="dt-ms-head">
                  <th scope="rowgroup" colSpan={4}>
                    <div className="dt-ms-line">
                      <TextEditor col={name} value={m.name} ctx={ctx} onCommit={update(m, name)} naming={{ id: `${uid}-${m.id}-name`, ariaLabel: `Name of milestone ${i + 1}` }} focusKey={`ms-${m.id}-name`} reportError={(e) => setError(m.id, 'name', e)} describedBy={errorId} />
                      <div className="dt-ms-actions">
                        <button type="button" className="icon" aria-label={`Move ${m.name} up`} title="Move up" data-focus={`ms-${m.id}-up`} disabled={i === 0} onClick={() => void move(i, -1)}>
                          <span aria-hidden="true">↑</span>
                        </button>
                        <button type="button" className="icon" aria-label={`Move ${m.name} down`} title="Move down" data-focus={`ms-${m.id}-down`} disabled={i === milestones.length - 1} onClick={() => void move(i, 1)}>
                          <span aria-hidden="true">↓</span>
                        </button>
                        <button type="button" className="icon dt-delete" aria-label={`Delete ${m.name}`} title="Delete milestone" onClick={() => setConfirm(m)}>
                          <span aria-hidden="true">×</span>
                        </button>
                      </div>
                    </div>
                  </th>
                </tr>
                <tr className={rowErrors.length ? 'has-error' : undefined}>
                  {dates.map((c) => (
                    <td key={c.id} className="dt-ms-date">
                      <TextEditor col={c} value={c.get(rec, ctx)} ctx={ctx} onCommit={update(m, c)} naming={{ id: `${uid}-${m.id}-${c.id}`, ariaLabel: `${c.header} date of ${m.name}` }} reportError={(e) => setError(m.id, c.id, e)} describedBy={errorId} />
                    </td>
                  ))}
                  <td className={`num${typeof slipDays === 'number' && slipDays > 0 ? ' bad' : ''}`}>
                    {typeof slipDays === 'number' ? `${slipDays > 0 ? '+' : ''}${displayText(slip, slipDays, ctx)}` : '—'}
                  </td>
                </tr>
                {rowErrors.length > 0 && (
                  <tr className="dt-row-error">
                    <td colSpan={4} id={errorId} role="alert" className="field-error">
                      {rowErrors.join(' · ')}
                    </td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      )}
      <div className="row">
        <button type="button" data-focus="ms-add" onClick={() => void add()}>
          Add milestone
        </button>
        {milestones.length > 0 && <span className="hint">Dates as {datePattern(ctx)}; slip = forecast − baseline, in days.</span>}
      </div>
      {confirm && (
        <ConfirmDialog
          title="Delete milestone"
          danger
          confirm="Delete milestone"
          message={
            <p>
              Delete the milestone “{confirm.name}”?
              {dependencyCount(confirm.id) > 0 && ` Its ${dependencyCount(confirm.id) === 1 ? 'dependency' : `${dependencyCount(confirm.id)} dependencies`} will be removed too.`} You can undo this with Ctrl+Z.
            </p>
          }
          onConfirm={() => void remove(confirm)}
          onClose={() => setConfirm(null)}
        />
      )}
    </div>
  );
}
