// The what-if bar above the capacity heat map: turn what-if on, add changes (shift or drop a
// project, change an allocation's hours, add a placeholder hire), see them listed with their
// problems, then Apply (one undo step), Discard, Save as… (kept in the workbook's settings,
// an undoable change) or load a saved scenario. The state lives in useScenario(), held by the
// hosting view, which also feeds the heat map.
import './scenario.css';
import { useMemo, useState } from 'react';
import { useStore, useVersion, useWorkbook } from '../../../state/use-app';
import { Derived } from '../../../state/derived';
import { CAPACITY_READS } from '../model-cache';
import { ConfirmDialog, PromptDialog } from '../../../components/Dialog';
import type { WorkbookState } from '../../../../shared/commands/state';
import type { Scenario, ScenarioChange } from '../../../../shared/model/schemas';
import { applyLabel, countVerdicts, deleteScenarioOp, describeChange, inputOf, saveScenarioOp, scenarioOps, validateScenario, type NameLookup, type Verdict } from '../../../../shared/scenario/scenario';
import { createIdGenerator } from '../../../../shared/util/ids';
import { plural } from '../../../format';
import { capacityDisplayOf, rateInUnit, unitText } from '../../../../shared/capacity/allocation-hours';
import { AllocationDialog, CHANGE_KINDS, DropDialog, HireDialog, ShiftDialog, allocationText, type ChangeKind } from './ChangeDialogs';
import type { ScenarioHandle } from './use-scenario';

export { useScenario, type ScenarioHandle } from './use-scenario';

const newId = createIdGenerator({
  now: () => Date.now(),
  random: () => crypto.getRandomValues(new Uint32Array(1))[0]! / 4294967296,
});

const DIALOGS = { 'shift-project': ShiftDialog, 'drop-project': DropDialog, 'set-allocation': AllocationDialog, 'placeholder-hire': HireDialog } as const;
type DialogKind = keyof typeof DIALOGS;

type Modal = null | { kind: 'change'; change: DialogKind } | { kind: 'save' } | { kind: 'delete'; saved: Scenario };

function namesOf(state: WorkbookState): NameLookup {
  return {
    project: (id) => {
      const p = state.get('project', id);
      return p ? p.code : undefined;
    },
    role: (id) => state.get('role', id)?.name,
    allocation: (id) => {
      const a = state.get('allocation', id);
      return a ? `${state.get('project', a.projectId)?.code ?? '?'} ${allocationText(state, a)}` : undefined;
    },
    amount: (n, allocationId) => {
      if (allocationId && state.get('allocation', allocationId)?.unit === 'fte-percent') return `${n}% FTE`;
      const d = capacityDisplayOf(state.settings);
      return d.unit === 'fte' ? unitText(rateInUnit(n, d), 'fte') : `${n} h/week`;
    },
  };
}

/** Names for the list of changes, and the plan the changes are checked against: both read what the capacity model reads. */
const namesCache = new Derived(CAPACITY_READS, namesOf);
const planOf = new Derived(CAPACITY_READS, (state) => inputOf(state));

export interface ScenarioBarProps {
  scenario: ScenarioHandle;
  /** Better / worse marks of the heat map's current rows, for the summary (optional). */
  marks?: ReadonlyMap<string, readonly Verdict[]> | null;
}

export function ScenarioBar({ scenario: handle, marks }: ScenarioBarProps) {
  const store = useStore();
  const state = useWorkbook();
  const version = useVersion(CAPACITY_READS);
  const [modal, setModal] = useState<Modal>(null);
  const { active, scenario, setScenario, setActive, discard } = handle;

  const saved = state?.settings.scenarios ?? [];
  const lookup = useMemo(() => (state ? namesCache.get(state, version) : null), [state, version]);
  const messages = useMemo(() => (state && active ? validateScenario(planOf.get(state, version), scenario) : []), [state, version, active, scenario]);
  const errors = messages.filter((m) => m.level === 'error');
  const summary = marks ? countVerdicts(marks) : null;
  if (!state || !lookup) return null;

  const change = (changes: ScenarioChange[]) => setScenario({ ...scenario, changes });
  const close = () => setModal(null);

  const apply = async () => {
    const ops = scenarioOps(state, scenario);
    if (!ops.length) {
      store.notify('info', 'The what-if changes nothing in the plan.');
      return;
    }
    const label = applyLabel(scenario);
    const result = await store.commit(ops, { origin: 'scenario', label });
    if (result?.tx) {
      store.notify('info', `${label}. Undo takes it back.`);
      discard();
    } else if (result?.rejected.length) {
      store.notify('error', `The what-if was not applied: ${result.rejected.flatMap((r) => r.problems.map((p) => p.message)).slice(0, 3).join('; ')}`);
    }
  };

  const load = (id: string) => {
    const s = saved.find((x) => x.id === id);
    if (!s) return;
    setScenario({ ...s, changes: [...s.changes] });
    setActive(true);
  };

  const loadedSaved = scenario.id ? saved.find((s) => s.id === scenario.id) : undefined;
  const Open = modal?.kind === 'change' ? DIALOGS[modal.change] : null;

  return (
    <div className={`wi-bar${active ? ' on' : ''}`} role="region" aria-label="What-if scenario">
      <div className="wi-row">
        <button type="button" className="wi-toggle" aria-pressed={active} onClick={() => setActive(!active)} title="Try changes to the plan and see their effect on capacity, without changing anything">
          What-if
        </button>
        {saved.length > 0 && (
          <select aria-label="Load a saved scenario" value={loadedSaved?.id ?? ''} onChange={(e) => load(e.target.value)}>
            <option value="">{loadedSaved ? '' : 'Load a saved scenario…'}</option>
            {saved.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({plural(s.changes.length, 'change')})
              </option>
            ))}
          </select>
        )}
        {active && (
          <>
            <strong className="wi-name" data-testid="whatif-name">
              {scenario.name}
            </strong>
            <div className="segmented" role="group" aria-label="Add change">
              {(Object.keys(DIALOGS) as DialogKind[]).map((k) => (
                <button key={k} type="button" onClick={() => setModal({ kind: 'change', change: k })}>
                  {CHANGE_KINDS[k as ChangeKind]}
                </button>
              ))}
            </div>
            <span className="spacer" />
            {summary && scenario.changes.length > 0 && (
              <span className="wi-summary" aria-live="polite" data-testid="whatif-summary">
                <span className="wi-better">{plural(summary.better, 'cell')} better</span> · <span className="wi-worse">{summary.worse} worse</span>
              </span>
            )}
            <button type="button" className="primary" disabled={!scenario.changes.length || errors.length > 0} title={errors.length ? 'Fix the problems listed first' : 'Make these changes to the plan (one undo step)'} onClick={() => void apply()}>
              Apply
            </button>
            <button type="button" onClick={discard} title="Forget these changes and show the plan as it is">
              Discard
            </button>
            <button type="button" disabled={!scenario.changes.length} onClick={() => setModal({ kind: 'save' })}>
              Save as…
            </button>
            {loadedSaved && (
              <button type="button" className="ghost small" onClick={() => setModal({ kind: 'delete', saved: loadedSaved })}>
                Delete saved
              </button>
            )}
          </>
        )}
      </div>
      {active && (
        <ol className="wi-changes" aria-label="What-if changes">
          {scenario.changes.length === 0 && <li className="muted">No changes yet: add one to see its effect on the heat map.</li>}
          {scenario.changes.map((c, i) => {
            const text = describeChange(c, lookup);
            const mine = messages.filter((m) => m.index === i);
            return (
              <li key={i}>
                <span>{text}</span>
                <button type="button" className="ghost small" aria-label={`Remove change ${i + 1}: ${text}`} title="Remove this change" onClick={() => change(scenario.changes.filter((_, j) => j !== i))}>
                  ×
                </button>
                {mine.map((m, j) => (
                  <span key={j} className={m.level === 'error' ? 'field-error' : 'hint wi-warning'}>
                    {m.message}
                  </span>
                ))}
              </li>
            );
          })}
        </ol>
      )}

      {Open && (
        <Open
          state={state}
          onClose={close}
          onAdd={(c) => {
            change([...scenario.changes, c]);
            close();
          }}
        />
      )}
      {modal?.kind === 'save' && (
        <PromptDialog
          title="Save the what-if"
          label="Name"
          initial={scenario.name}
          confirm="Save"
          onClose={close}
          onSubmit={(name) => {
            close();
            const s: Scenario = { id: newId(), name: name.slice(0, 100), changes: scenario.changes };
            void store.commit([saveScenarioOp(state.settings, s)], { origin: 'scenario', label: `Save what-if ‘${s.name}’` }).then((r) => {
              if (r?.tx) setScenario(s);
            });
          }}
        />
      )}
      {modal?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete the saved what-if"
          message={`Delete the saved what-if ‘${modal.saved.name}’? The changes on screen stay until you discard them.`}
          confirm="Delete"
          danger
          onClose={close}
          onConfirm={() => {
            const id = modal.saved.id;
            close();
            void store.commit([deleteScenarioOp(state.settings, id)], { origin: 'scenario', label: `Delete what-if ‘${modal.saved.name}’` }).then((r) => {
              if (r?.tx) setScenario({ ...scenario, id: '' });
            });
          }}
        />
      )}
    </div>
  );
}
