// Settings → Baselines: save a named snapshot of every project's dates and budget and every
// milestone's forecast; choose which baseline slip is compared against (the records' own
// baseline fields, or a named baseline); rename and delete baselines; copy the current dates
// into the own baseline fields. Every action is one commit: journalled, one undo step.
import { useId, useMemo, useState } from 'react';
import { useRecords, useSettings, useStore, useWorkbook } from '../../state/use-app';
import { ConfirmDialog, MessageDialog, PromptDialog } from '../../components/Dialog';
import type { Baseline, Settings } from '../../../shared/model/schemas';
import type { Op } from '../../../shared/commands/types';
import type { WorkbookState } from '../../../shared/commands/state';
import {
  baselineLabel,
  chooseBaseline,
  compareAgainst,
  defaultBaselineName,
  deleteBaseline,
  renameBaseline,
  setBaselineFields,
  snapshotBaseline,
  sortBaselines,
} from '../../../shared/baselines/baselines';
import { createIdGenerator } from '../../../shared/util/ids';
import { localToday } from '../../../shared/calendar';
import { plural } from '../../format';
import './baselines.css';

const newId = createIdGenerator({
  now: () => Date.now(),
  random: () => crypto.getRandomValues(new Uint32Array(1))[0]! / 4294967296,
});

type DialogState = null | { kind: 'save' } | { kind: 'rename'; baseline: Baseline } | { kind: 'delete'; baseline: Baseline } | { kind: 'rebaseline'; ops: Op[] };

export function BaselinesPanel() {
  const current = useWorkbook();
  const settings = useSettings();
  const baselines = useRecords('baseline');
  if (!current || !settings) return null;
  return <Panel state={current} settings={settings} records={baselines} />;
}

function takenAt(b: Baseline, s: Settings): string {
  const d = new Date(b.createdAt);
  if (Number.isNaN(d.getTime())) return b.createdAt;
  return new Intl.DateTimeFormat(s.locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

function Panel({ state, settings, records }: { state: WorkbookState; settings: Settings; records: readonly Baseline[] }) {
  const store = useStore();
  const titleId = useId();
  const radioName = useId();
  const [dialog, setDialog] = useState<DialogState>(null);
  const s = settings;
  const baselines = useMemo(() => sortBaselines(records), [records]);
  const choice = chooseBaseline(s, state);
  const comparedId = choice.kind === 'named' ? choice.baseline.id : null;
  // The choice being saved, shown at once (the radios would otherwise spring back until the commit lands).
  const [pending, setPending] = useState<{ id: string | null } | null>(null);
  const checkedId = pending ? pending.id : comparedId;

  const commit = async (ops: Op[], label: string) => {
    if (!ops.length) return;
    const r = await store.commit(ops, { origin: 'edit', label });
    const problems = r?.rejected.flatMap((x) => x.problems) ?? [];
    if (problems.length) store.notify('error', `${label}: ${problems[0]!.message}`);
  };

  const compare = (b: Baseline | null) => {
    const id = b?.id ?? null;
    if (id === comparedId && choice.kind !== 'missing') return;
    setPending({ id });
    void commit([compareAgainst(id)], b ? `Compare slip against ‘${b.name}’` : 'Compare slip against own baseline fields').finally(() => setPending(null));
  };

  return (
    <section className="settings baselines" aria-labelledby={titleId}>
      <fieldset className="panel">
        <legend id={titleId}>Baselines</legend>
        <p className="muted small">
          A baseline is a named snapshot of every project’s current start, finish and budget and every milestone’s current forecast date. Slip (in the Projects and Milestones registers and on the Overview) is the current date minus the date in the
          baseline you compare against.
        </p>
        {choice.kind === 'missing' && (
          <p className="baseline-warning" role="status">
            The baseline chosen for comparison no longer exists (it was deleted or its saving was undone), so slip is measured against each record’s own baseline fields.{' '}
            <button type="button" onClick={() => void commit([compareAgainst(null)], 'Compare slip against own baseline fields')}>
              Compare against own fields
            </button>
          </p>
        )}
        <table className="table baselines-table">
          <caption className="sr-only">Baselines to compare slip against</caption>
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Baseline</th>
              <th scope="col">Saved</th>
              <th scope="col" className="num">
                Projects
              </th>
              <th scope="col" className="num">
                Milestones
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className={checkedId === null ? 'compared' : undefined}>
              <td>
                <input type="radio" name={radioName} aria-label="Compare slip against the own baseline fields" checked={checkedId === null} onChange={() => compare(null)} />
              </td>
              <th scope="row">
                Own baseline fields
                <span className="hint block">Each project’s Baseline start and finish, each milestone’s Baseline date</span>
              </th>
              <td className="muted">—</td>
              <td className="num muted">—</td>
              <td className="num muted">—</td>
              <td className="actions">
                <button type="button" className="ghost" aria-label="Set from current dates… (the own baseline fields)" onClick={() => setDialog({ kind: 'rebaseline', ops: setBaselineFields(state) })}>
                  Set from current dates…
                </button>
              </td>
            </tr>
            {baselines.map((b) => (
              <tr key={b.id} className={checkedId === b.id ? 'compared' : undefined}>
                <td>
                  <input type="radio" name={radioName} aria-label={`Compare slip against ${b.name}`} checked={checkedId === b.id} onChange={() => compare(b)} />
                </td>
                <th scope="row" className="baseline-name">
                  {b.name}
                </th>
                <td className="nowrap">{takenAt(b, s)}</td>
                <td className="num">{b.projects.length.toLocaleString()}</td>
                <td className="num">{b.milestones.length.toLocaleString()}</td>
                <td className="actions">
                  <button type="button" className="ghost" aria-label={`Rename baseline ${b.name}`} onClick={() => setDialog({ kind: 'rename', baseline: b })}>
                    Rename…
                  </button>
                  <button type="button" className="ghost" aria-label={`Delete baseline ${b.name}`} onClick={() => setDialog({ kind: 'delete', baseline: b })}>
                    Delete…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {baselines.length === 0 && <p className="muted small">No named baselines yet. Save one to keep today’s plan to compare against later.</p>}
        <div className="row">
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'save' })}>
            Save baseline…
          </button>
          <span className="hint">Compared now: {choice.kind === 'named' ? baselineLabel(choice) : 'own baseline fields'}</span>
        </div>
      </fieldset>

      {dialog?.kind === 'save' && (
        <PromptDialog
          title="Save baseline"
          label="Baseline name"
          initial={defaultBaselineName(localToday(new Date()))}
          confirm="Save baseline"
          onClose={() => setDialog(null)}
          onSubmit={(name) => {
            setDialog(null);
            void commit([snapshotBaseline(state, name, new Date().toISOString(), newId)], `Save baseline ‘${name}’`);
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <PromptDialog
          title="Rename baseline"
          label="Baseline name"
          initial={dialog.baseline.name}
          confirm="Rename"
          onClose={() => setDialog(null)}
          onSubmit={(name) => {
            setDialog(null);
            if (name !== dialog.baseline.name) void commit([renameBaseline(dialog.baseline.id, name)], `Rename baseline ‘${dialog.baseline.name}’`);
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete baseline?"
          danger
          confirm="Delete baseline"
          message={
            <p>
              Delete ‘{dialog.baseline.name}’, saved {takenAt(dialog.baseline, s)}?{' '}
              {comparedId === dialog.baseline.id ? 'Slip is compared against it now; it will be compared against the own baseline fields instead. ' : ''}
              You can undo this.
            </p>
          }
          onClose={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void commit(deleteBaseline(s, dialog.baseline.id), `Delete baseline ‘${dialog.baseline.name}’`);
          }}
        />
      )}
      {dialog?.kind === 'rebaseline' &&
        (dialog.ops.length === 0 ? (
          <MessageDialog title="Baseline fields are up to date" message="Every project’s Baseline start and finish and every milestone’s Baseline date already equal the current dates." onClose={() => setDialog(null)} />
        ) : (
          <ConfirmDialog
            title="Set the baseline fields from the current dates?"
            confirm="Set as current baseline"
            message={
              <p>
                Copies each project’s Start and Finish into its Baseline start and finish, and each milestone’s Forecast into its Baseline date: {rebaselineCounts(dialog.ops)} change. Records without dates keep their baseline. Named baselines are not
                changed. You can undo this in one step.
              </p>
            }
            onClose={() => setDialog(null)}
            onConfirm={() => {
              const ops = dialog.ops;
              setDialog(null);
              void commit(ops, 'Set current dates as baseline');
            }}
          />
        ))}
    </section>
  );
}

function rebaselineCounts(ops: Op[]): string {
  const projects = ops.filter((o) => o.op === 'update' && o.entity === 'project').length;
  const milestones = ops.length - projects;
  return [projects ? plural(projects, 'project') : '', milestones ? plural(milestones, 'milestone') : ''].filter(Boolean).join(' and ');
}
