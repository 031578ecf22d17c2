// One small dialog per kind of what-if change: shift a project, drop a project, change an
// allocation's hours, add a placeholder hire to a role. Each returns one ScenarioChange.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Dialog } from '../../../components/Dialog';
import type { WorkbookState } from '../../../../shared/commands/state';
import type { Allocation, Project, Role, ScenarioChange } from '../../../../shared/model/schemas';
import { isIsoDate, localToday, startOfIsoWeek } from '../../../../shared/calendar';
import { capacityDisplayOf, rateFromUnit, rateInUnit, unitText } from '../../../../shared/capacity/allocation-hours';

/** A rate in the workbook's unit for an input (FTE to three decimals). */
const inputRate = (hoursPerWeek: number, state: WorkbookState) => String(Math.round(rateInUnit(hoursPerWeek, capacityDisplayOf(state.settings)) * 1000) / 1000);

export type ChangeKind = ScenarioChange['kind'];
export const CHANGE_KINDS: Partial<Record<ChangeKind, string>> = {
  'shift-project': 'Shift a project…',
  'drop-project': 'Drop a project…',
  'set-allocation': 'Change allocation hours…',
  'placeholder-hire': 'Add a placeholder hire…',
};

interface Props {
  state: WorkbookState;
  onAdd: (change: ScenarioChange) => void;
  onClose: () => void;
}

const LIVE: ReadonlySet<Project['stage']> = new Set(['idea', 'proposed', 'approved', 'in-progress', 'on-hold']);

function projectsOf(state: WorkbookState): Project[] {
  return state
    .all('project')
    .filter((p) => !p.archived && LIVE.has(p.stage))
    .sort((a, b) => a.code.localeCompare(b.code));
}

function ChangeDialog(props: { title: string; onClose: () => void; canAdd: boolean; onSubmit: () => void; children: ReactNode }) {
  const formId = useId();
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary" disabled={!props.canAdd}>
            Add change
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="wi-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (props.canAdd) props.onSubmit();
        }}
      >
        {props.children}
      </form>
    </Dialog>
  );
}

function ProjectPicker(props: { state: WorkbookState; value: string; onChange: (id: string) => void }) {
  const id = useId();
  const projects = useMemo(() => projectsOf(props.state), [props.state]);
  return (
    <>
      <label htmlFor={id}>Project</label>
      <select id={id} autoFocus value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Choose a project…</option>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.code} {p.name}
          </option>
        ))}
      </select>
    </>
  );
}

export function ShiftDialog({ state, onAdd, onClose }: Props) {
  const [projectId, setProjectId] = useState('');
  const [weeks, setWeeks] = useState('2');
  const weeksId = useId();
  const n = Number(weeks);
  const valid = projectId !== '' && weeks.trim() !== '' && Number.isInteger(n) && n !== 0 && Math.abs(n) <= 520;
  return (
    <ChangeDialog title="Shift a project" onClose={onClose} canAdd={valid} onSubmit={() => onAdd({ kind: 'shift-project', projectId, weeks: n })}>
      <ProjectPicker state={state} value={projectId} onChange={setProjectId} />
      <label htmlFor={weeksId}>Weeks (negative to bring it forward)</label>
      <input id={weeksId} type="number" step={1} min={-520} max={520} value={weeks} onChange={(e) => setWeeks(e.target.value)} />
      <p className="hint">Moves the project’s start and finish, its milestones’ forecasts and all its allocations.</p>
      {weeks.trim() !== '' && (!Number.isInteger(n) || n === 0) && <p className="field-error">A whole number of weeks other than 0.</p>}
    </ChangeDialog>
  );
}

export function DropDialog({ state, onAdd, onClose }: Props) {
  const [projectId, setProjectId] = useState('');
  return (
    <ChangeDialog title="Drop a project" onClose={onClose} canAdd={projectId !== ''} onSubmit={() => onAdd({ kind: 'drop-project', projectId })}>
      <ProjectPicker state={state} value={projectId} onChange={setProjectId} />
      <p className="hint">Its allocations leave the demand. Applied, the project is cancelled and its allocations are deleted.</p>
    </ChangeDialog>
  );
}

/** "Priya Shah · 16 Mar – 24 Apr 2026 · 22.5 h/week" (or "0.6 FTE" when the workbook plans in FTE) */
export function allocationText(state: WorkbookState, a: Allocation): string {
  const who = (a.resourceId && state.get('resource', a.resourceId)?.name) || (a.roleId && state.get('role', a.roleId)?.name) || 'Nobody';
  const d = capacityDisplayOf(state.settings);
  const amount = a.unit === 'fte-percent' ? `${a.amount}% FTE` : d.unit === 'fte' ? unitText(rateInUnit(a.amount, d), 'fte') : `${a.amount} h/week`;
  return `${who} · ${a.start} – ${a.end} · ${amount}${a.tentative ? ' (tentative)' : ''}`;
}

export function AllocationDialog({ state, onAdd, onClose }: Props) {
  const [projectId, setProjectId] = useState('');
  const [allocationId, setAllocationId] = useState('');
  const [amount, setAmount] = useState('');
  const allocId = useId();
  const amountId = useId();
  const allocations = useMemo(() => (projectId ? state.all('allocation').filter((a) => a.projectId === projectId).sort((a, b) => a.start.localeCompare(b.start)) : []), [state, projectId]);
  const chosen = allocations.find((a) => a.id === allocationId);
  // An allocation in hours per week is typed in the workbook's unit (FTE or hours); % FTE stays %.
  const d = capacityDisplayOf(state.settings);
  const inFte = d.unit === 'fte' && chosen?.unit !== 'fte-percent';
  const n = inFte ? rateFromUnit(Number(amount), d) : Number(amount);
  const valid = chosen !== undefined && amount.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 10_000;
  return (
    <ChangeDialog title="Change allocation hours" onClose={onClose} canAdd={valid} onSubmit={() => onAdd({ kind: 'set-allocation', allocationId, changes: { amount: n } })}>
      <ProjectPicker
        state={state}
        value={projectId}
        onChange={(id) => {
          setProjectId(id);
          setAllocationId('');
          setAmount('');
        }}
      />
      <label htmlFor={allocId}>Allocation</label>
      <select
        id={allocId}
        value={allocationId}
        disabled={!projectId}
        onChange={(e) => {
          setAllocationId(e.target.value);
          const a = allocations.find((x) => x.id === e.target.value);
          setAmount(a ? (a.unit === 'fte-percent' ? String(a.amount) : inputRate(a.amount, state)) : '');
        }}
      >
        <option value="">{projectId && !allocations.length ? 'This project has no allocations' : 'Choose an allocation…'}</option>
        {allocations.map((a) => (
          <option key={a.id} value={a.id}>
            {allocationText(state, a)}
          </option>
        ))}
      </select>
      <label htmlFor={amountId}>{chosen?.unit === 'fte-percent' ? 'New amount (% of an FTE)' : inFte ? `New FTE (1 FTE = ${d.hoursPerFte} h a week)` : 'New hours per week'}</label>
      <input id={amountId} type="number" min={0} step="any" value={amount} disabled={!chosen} onChange={(e) => setAmount(e.target.value)} />
      {amount.trim() !== '' && n < 0 && <p className="field-error">Hours cannot be negative.</p>}
    </ChangeDialog>
  );
}

export function HireDialog({ state, onAdd, onClose }: Props) {
  const roles = useMemo(() => state.all('role').sort((a: Role, b: Role) => a.name.localeCompare(b.name)), [state]);
  const [roleId, setRoleId] = useState('');
  const [name, setName] = useState('');
  // Typed in the workbook's unit: 1 FTE, or its hours per week.
  const d = capacityDisplayOf(state.settings);
  const [hoursText, setHoursText] = useState(() => inputRate(state.settings.hoursPerFte, state));
  const [start, setStart] = useState(() => startOfIsoWeek(localToday(new Date())));
  const [end, setEnd] = useState('');
  const ids = { role: useId(), name: useId(), hours: useId(), start: useId(), end: useId() };
  const role = roles.find((r) => r.id === roleId);
  const shownName = name.trim() || (role ? `New ${role.name}` : '');
  const hours = rateFromUnit(Number(hoursText), d);
  const endOk = end === '' || (isIsoDate(end) && end >= start);
  const valid = role !== undefined && shownName !== '' && hoursText.trim() !== '' && Number.isFinite(hours) && hours >= 0 && hours <= 168 && isIsoDate(start) && endOk;
  return (
    <ChangeDialog
      title="Add a placeholder hire"
      onClose={onClose}
      canAdd={valid}
      onSubmit={() => onAdd({ kind: 'placeholder-hire', roleId, name: shownName, hoursPerWeek: hours, start, ...(end ? { end } : {}) })}
    >
      <label htmlFor={ids.role}>Role</label>
      <select id={ids.role} autoFocus value={roleId} onChange={(e) => setRoleId(e.target.value)}>
        <option value="">Choose a role…</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.name}>Name</label>
      <input id={ids.name} value={name} placeholder={role ? `New ${role.name}` : 'New hire'} maxLength={180} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={ids.hours}>{d.unit === 'fte' ? `FTE (1 FTE = ${d.hoursPerFte} h a week)` : 'Hours per week'}</label>
      <input id={ids.hours} type="number" min={0} max={d.unit === 'fte' ? 168 / d.hoursPerFte : 168} step="any" value={hoursText} onChange={(e) => setHoursText(e.target.value)} />
      <label htmlFor={ids.start}>Starts</label>
      <input id={ids.start} type="date" value={start} onChange={(e) => setStart(e.target.value)} />
      <label htmlFor={ids.end}>Ends (optional)</label>
      <input id={ids.end} type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
      {!endOk && <p className="field-error">The end is before the start.</p>}
      {hoursText.trim() !== '' && hours < 0 && <p className="field-error">Hours cannot be negative.</p>}
    </ChangeDialog>
  );
}
