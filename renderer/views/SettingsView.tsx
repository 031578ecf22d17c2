// Workbook settings: name, money and dates, fiscal year and weeks, capacity unit, RAG rules,
// scoring criteria and public holidays. Each change goes through the command path: it is
// validated, journalled and undoable like any edit.
import { useId, useState, type ReactNode } from 'react';
import { useAppSelector, useSettings, useStore } from '../state/use-app';
import type { AppSnapshot } from '../state/app-store';
import type { Settings } from '../../shared/model/schemas';
import { isIsoDate } from '../../shared/calendar';
import { fieldLabel as fieldLabelFor } from '../../shared/model/labels';
import { BaselinesPanel } from './baselines/BaselinesPanel';
import { StoragePanel } from '../components/StorageStatus';

const CURRENCIES = ['GBP', 'EUR', 'USD', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY', 'INR', 'ZAR', 'SGD', 'HKD', 'AED'];
const LOCALES: [string, string][] = [
  ['en-GB', 'English (United Kingdom)'],
  ['en-US', 'English (United States)'],
  ['en-IE', 'English (Ireland)'],
  ['en-AU', 'English (Australia)'],
  ['en-CA', 'English (Canada)'],
  ['fr-FR', 'Français (France)'],
  ['de-DE', 'Deutsch (Deutschland)'],
  ['nl-NL', 'Nederlands'],
  ['es-ES', 'Español'],
  ['it-IT', 'Italiano'],
  ['pt-PT', 'Português'],
  ['sv-SE', 'Svenska'],
  ['pl-PL', 'Polski'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Changes = Partial<Record<keyof Settings, unknown>>;

const selectDataVersion = (s: AppSnapshot) => s.dataVersion;

export function SettingsView() {
  const settings = useSettings();
  const dataVersion = useAppSelector(selectDataVersion);
  if (!settings) return null;
  // Remount on every data change so that fields show the saved value after undo or redo. The
  // Baselines panel follows the data itself: it is not remounted, so focus stays on its radios.
  return (
    <>
      <SettingsForm key={dataVersion} settings={settings} />
      <BaselinesPanel />
      <StoragePanel />
    </>
  );
}

function SettingsForm({ settings: s }: { settings: Settings }) {
  const store = useStore();
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const save = async (changes: Changes, label: string) => {
    const r = await store.commit([{ op: 'settings', changes }], { origin: 'edit', label });
    const problems = r?.rejected.flatMap((x) => x.problems) ?? [];
    const keys = Object.keys(changes);
    setErrors((prev) => {
      const next = { ...prev };
      for (const k of keys) delete next[k];
      for (const p of problems) next[p.field.split('.')[0] || keys[0]!] = p.reason ? `${fieldLabelFor(p.field)} ${p.reason}` : p.message.replace(/^Settings: /, '');
      return next;
    });
  };

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">Workbook settings</h1>
      <p className="muted">Changes are saved at once and can be undone with Ctrl+Z.</p>

      <fieldset className="panel">
        <legend>Workbook</legend>
        <Field label="Name" error={errors['name']}>
          {(id) => <TextInput id={id} value={s.name} onCommit={(v) => save({ name: v }, 'Rename workbook')} />}
        </Field>
      </fieldset>

      <fieldset className="panel">
        <legend>Money, dates and numbers</legend>
        <Field label="Currency" hint="Amounts are kept exactly, to the cent, in this currency." error={errors['currency']}>
          {(id) => (
            <select id={id} value={s.currency} onChange={(e) => save({ currency: e.target.value }, 'Change currency')}>
              {(CURRENCIES.includes(s.currency) ? CURRENCIES : [s.currency, ...CURRENCIES]).map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Locale" hint="How numbers and dates are shown." error={errors['locale']}>
          {(id) => (
            <select id={id} value={s.locale} onChange={(e) => save({ locale: e.target.value }, 'Change locale')}>
              {(LOCALES.some(([l]) => l === s.locale) ? LOCALES : [[s.locale, s.locale] as [string, string], ...LOCALES]).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Dates typed as text" hint="How a date such as 03/04/2026 is read in imports and cells." error={errors['dateOrder']}>
          {(id) => (
            <select id={id} value={s.dateOrder} onChange={(e) => save({ dateOrder: e.target.value }, 'Change date order')}>
              <option value="DMY">Day/month/year (03/04 = 3 April)</option>
              <option value="MDY">Month/day/year (03/04 = 4 March)</option>
              <option value="YMD">Year-month-day (2026-04-03)</option>
            </select>
          )}
        </Field>
        <Field label="Fiscal year starts in" error={errors['fiscalYearStartMonth']}>
          {(id) => (
            <select id={id} value={s.fiscalYearStartMonth} onChange={(e) => save({ fiscalYearStartMonth: Number(e.target.value) }, 'Change fiscal year start')}>
              {MONTHS.map((m, i) => (
                <option key={m} value={i + 1}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Weeks start on" hint="Monday gives ISO weeks (2026-W05)." error={errors['weekStart']}>
          {(id) => (
            <select id={id} value={s.weekStart} onChange={(e) => save({ weekStart: Number(e.target.value) }, 'Change week start')}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="panel">
        <legend>Capacity</legend>
        <Field label="Plan capacity in" hint="The heat map, its details, the over-allocation list, what-if and the demand grid show and take figures in this unit. Exported workbooks keep hours per week, so a file means the same whatever the FTE week." error={errors['capacityUnit']}>
          {(id) => (
            <select id={id} value={s.capacityUnit} onChange={(e) => save({ capacityUnit: e.target.value }, 'Change capacity unit')}>
              <option value="hours">Hours per week</option>
              <option value="fte">Full-time equivalents (FTE)</option>
            </select>
          )}
        </Field>
        <Field label="Hours in one FTE week" hint="In FTE, a period's hours are divided by this × its working days ÷ 5: a full-timer is 1 FTE in a week with a bank holiday too." error={errors['hoursPerFte']}>
          {(id) => <NumberInput id={id} value={s.hoursPerFte} min={1} max={168} step={0.5} onCommit={(v) => save({ hoursPerFte: v }, 'Change hours per FTE')} />}
        </Field>
      </fieldset>

      <fieldset className="panel">
        <legend>RAG rules</legend>
        <p className="muted small">They give each project a suggested RAG, shown beside its RAG in the Projects register and counted on the Overview. The RAG set by hand is never changed: where it differs from the suggestion it is kept and marked.</p>
        <div className="field-row">
          {(
            [
              ['slipAmberDays', 'Amber when slip exceeds (working days)'],
              ['slipRedDays', 'Red when slip exceeds (working days)'],
              ['costAmberPct', 'Amber when cost variance exceeds (%)'],
              ['costRedPct', 'Red when cost variance exceeds (%)'],
            ] as const
          ).map(([key, label]) => (
            <Field key={key} label={label} error={errors['ragRules']}>
              {(id) => <NumberInput id={id} value={s.ragRules[key]} min={0} step={key.endsWith('Days') ? 1 : 0.5} onCommit={(v) => save({ ragRules: { ...s.ragRules, [key]: v } }, 'Change RAG rules')} />}
            </Field>
          ))}
        </div>
      </fieldset>

      <CriteriaEditor settings={s} error={errors['scoringCriteria']} onSave={(list) => save({ scoringCriteria: list }, 'Change scoring criteria')} />
      <HolidaysEditor settings={s} error={errors['holidays']} onSave={(list) => save({ holidays: list }, 'Change public holidays')} />
    </section>
  );
}

function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string | undefined; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <span className="hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function TextInput({ id, value, onCommit }: { id: string; value: string; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      id={id}
      value={draft}
      maxLength={300}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}

function NumberInput({ id, value, min, max, step, onCommit }: { id: string; value: number; min?: number; max?: number; step?: number; onCommit: (v: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  const commit = () => {
    const n = Number(draft.replace(',', '.'));
    if (draft.trim() !== '' && Number.isFinite(n) && n !== value) onCommit(n);
    else setDraft(String(value));
  };
  return (
    <input
      id={id}
      inputMode="decimal"
      className="num-input"
      value={draft}
      min={min}
      max={max}
      step={step}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(String(value));
      }}
    />
  );
}

function newKey(): string {
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function CriteriaEditor({ settings: s, error, onSave }: { settings: Settings; error?: string | undefined; onSave: (list: Settings['scoringCriteria']) => void }) {
  const [rows, setRows] = useState(s.scoringCriteria);
  const total = rows.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const dirty = JSON.stringify(rows) !== JSON.stringify(s.scoringCriteria);
  const valid = rows.every((r) => r.name.trim()) && (rows.length === 0 || Math.abs(total - 100) < 1e-9);
  const update = (i: number, patch: Partial<Settings['scoringCriteria'][number]>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="panel">
      <legend>Scoring criteria</legend>
      <p className="muted small">Projects are scored against these when you prioritise. Weights must add up to 100 %.</p>
      {rows.length === 0 ? (
        <p className="muted">No criteria yet.</p>
      ) : (
        <table className="table editable">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" className="num">
                Weight (%)
              </th>
              <th scope="col" className="num">
                Scale (0 to)
              </th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={c.id}>
                <td>
                  <input aria-label={`Criterion ${i + 1} name`} value={c.name} maxLength={300} onChange={(e) => update(i, { name: e.target.value })} />
                </td>
                <td className="num">
                  <input aria-label={`Criterion ${i + 1} weight`} className="num-input" inputMode="decimal" value={Number.isFinite(c.weight) ? c.weight : ''} onChange={(e) => update(i, { weight: Number(e.target.value) })} />
                </td>
                <td className="num">
                  <input aria-label={`Criterion ${i + 1} scale`} className="num-input" inputMode="numeric" value={c.scaleMax} onChange={(e) => update(i, { scaleMax: Math.round(Number(e.target.value)) || 1 })} />
                </td>
                <td>
                  <button type="button" className="ghost" aria-label={`Remove criterion ${c.name || i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className={Math.abs(total - 100) < 1e-9 ? 'num' : 'num bad'}>{total} %</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => setRows([...rows, { id: newKey(), name: '', weight: 0, scaleMax: 5, description: '' }])}>
          Add criterion
        </button>
        <span className="spacer" />
        {dirty && (
          <button type="button" onClick={() => setRows(s.scoringCriteria)}>
            Discard changes
          </button>
        )}
        <button type="button" className="primary" disabled={!dirty || !valid} onClick={() => onSave(rows)}>
          Save criteria
        </button>
      </div>
      {dirty && !valid && <p className="hint">{rows.some((r) => !r.name.trim()) ? 'Every criterion needs a name.' : `Weights add up to ${total} %; they must add up to 100 %.`}</p>}
    </fieldset>
  );
}

function HolidaysEditor({ settings: s, error, onSave }: { settings: Settings; error?: string | undefined; onSave: (list: Settings['holidays']) => void }) {
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const sorted = [...s.holidays].sort((a, b) => a.date.localeCompare(b.date));
  const duplicate = s.holidays.some((h) => h.date === date);
  return (
    <fieldset className="panel">
      <legend>Public holidays</legend>
      <p className="muted small">Nobody works on these days: capacity is reduced for everyone.</p>
      {sorted.length === 0 ? (
        <p className="muted">No public holidays.</p>
      ) : (
        <ul className="chips" aria-label="Public holidays">
          {sorted.map((h) => (
            <li key={h.date} className="chip">
              <span>
                {h.date} {h.name}
              </span>
              <button type="button" className="icon" aria-label={`Remove ${h.name || h.date}`} onClick={() => onSave(s.holidays.filter((x) => x.date !== h.date))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!isIsoDate(date) || duplicate) return;
          onSave([...s.holidays, { date, name: name.trim() }]);
          setDate('');
          setName('');
        }}
      >
        <input type="date" aria-label="Holiday date" value={date} onChange={(e) => setDate(e.target.value)} />
        <input aria-label="Holiday name" placeholder="Name (optional)" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!isIsoDate(date) || duplicate}>
          Add holiday
        </button>
        {duplicate && <span className="hint">That date is already a holiday.</span>}
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
