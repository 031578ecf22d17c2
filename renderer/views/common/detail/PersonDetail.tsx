// The person panel beside the People register: weekly capacity and the calendar exceptions that
// change it (leave, holidays, part-time periods), which the capacity heat map reads. Each add or
// remove is one commit on the command path: validated, journalled, undoable.
import './detail.css';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useRecord, useSettings, useStore, useWorkbook } from '../../../state/use-app';
import { useColumnContext } from '../column-context';
import { parseDateText, formatCell } from '../../../../shared/register/convert';
import type { Resource } from '../../../../shared/model/schemas';
import { refusal } from './commit';
import type { Col } from './editors';

const KINDS = [
  { value: 'leave', label: 'Leave' },
  { value: 'holiday', label: 'Holiday' },
  { value: 'part-time', label: 'Part-time' },
] as const;
type Kind = (typeof KINDS)[number]['value'];

const DATE: Col = { id: 'date', header: 'Date', type: 'date', editable: false, get: () => null };

export function PersonDetail(props: { resourceId: string; onClose: () => void }) {
  const current = useWorkbook();
  const ctx = useColumnContext();
  const person = useRecord('resource', props.resourceId);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented || (e.target as HTMLElement).closest('dialog')) return;
    e.preventDefault();
    props.onClose();
  };
  return (
    <aside className="detail-panel" aria-label={person ? `Person ${person.name}` : 'Person details'} onKeyDown={onKeyDown}>
      <div className="dt-head">
        <div className="dt-title-row">
          <h2 className="dt-title">{person ? person.name : 'Person details'}</h2>
          <button type="button" className="icon dt-close" aria-label="Close details" title="Close details (Esc)" onClick={props.onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {person && <p className="muted">{person.capacityHoursPerWeek} h a week{person.team ? ` · ${person.team}` : ''}</p>}
      </div>
      {!person || !ctx || !current ? (
        <p className="muted dt-gone">{current ? 'This person no longer exists: they were deleted, or their creation was undone.' : 'Loading…'}</p>
      ) : (
        <div className="dt-body">
          <Exceptions key={person.id} person={person} dateText={(iso) => formatCell(DATE, iso, ctx, 'display')} />
        </div>
      )}
    </aside>
  );
}

function Exceptions({ person, dateText }: { person: Resource; dateText: (iso: string) => string }) {
  const store = useStore();
  const settings = useSettings();
  const id = useId();
  const [kind, setKind] = useState<Kind>('leave');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [hours, setHours] = useState('0');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const order = settings?.dateOrder ?? 'DMY';
  const list = [...person.exceptions].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  const save = async (exceptions: Resource['exceptions'], label: string) => {
    const result = await store.commit([{ op: 'update', entity: 'resource', id: person.id, changes: { exceptions } }], { origin: 'edit', label });
    const why = refusal(result, () => 'Calendar exception');
    setError(why);
    return why === null;
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const s = parseDateText(start, order);
    const f = parseDateText(end || start, order);
    if (!s.ok) return setError(`Start ${s.reason}`);
    if (!f.ok) return setError(`End ${f.reason}`);
    if (String(f.value) < String(s.value)) return setError('End is before start');
    const h = kind === 'part-time' ? Number(hours.replace(',', '.')) : 0;
    if (!Number.isFinite(h) || h < 0 || h > 168) return setError('Hours a week must be between 0 and 168');
    const entry = { id: crypto.randomUUID(), kind, start: String(s.value), end: String(f.value), hoursPerWeek: h, note: note.trim() };
    if (await save([...person.exceptions, entry], `Add ${kind} for ${person.name}`)) {
      setStart('');
      setEnd('');
      setNote('');
    }
  };

  return (
    <section className="dt-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Leave, holidays and part-time</h3>
      <p className="muted">These periods change {person.name}’s capacity on the Capacity heat map. Workbook-wide public holidays are in Settings.</p>
      {list.length === 0 ? (
        <p className="muted">None: {person.capacityHoursPerWeek} h every working week.</p>
      ) : (
        <ul className="dt-list" aria-label="Calendar exceptions">
          {list.map((x) => (
            <li key={x.id} className="dt-list-item">
              <span>
                <strong>{KINDS.find((k) => k.value === x.kind)?.label}</strong> {dateText(x.start)} – {dateText(x.end)}
                {x.kind === 'part-time' ? ` · ${x.hoursPerWeek} h a week` : ''}
                {x.note ? ` · ${x.note}` : ''}
              </span>
              <button type="button" className="dt-link" aria-label={`Remove ${x.kind} from ${dateText(x.start)}`} onClick={() => void save(person.exceptions.filter((y) => y.id !== x.id), `Remove ${x.kind} for ${person.name}`)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="dt-form" onSubmit={(e) => void add(e)} aria-label="Add a calendar exception">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input value={start} onChange={(e) => setStart(e.target.value)} placeholder={order === 'MDY' ? 'mm/dd/yyyy' : order === 'YMD' ? 'yyyy-mm-dd' : 'dd/mm/yyyy'} required />
        </label>
        <label>
          To
          <input value={end} onChange={(e) => setEnd(e.target.value)} placeholder="same day if empty" />
        </label>
        {kind === 'part-time' && (
          <label>
            Hours a week
            <input value={hours} onChange={(e) => setHours(e.target.value)} inputMode="decimal" />
          </label>
        )}
        <label>
          Note
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit">
          Add
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
