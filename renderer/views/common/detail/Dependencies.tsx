// The project's dependencies in the detail panel: predecessors and successors of the project
// and of its milestones, with type and lag editable in place, removal, and new links to
// other projects (finish-to-start, no lag).
import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useRecords, useStore } from '../../../state/use-app';
import type { WorkbookState } from '../../../../shared/commands/state';
import type { ColumnContext } from '../../../../shared/register/types';
import { DEPENDENCY_TYPES, type Dependency } from '../../../../shared/model/schemas';
import { fieldLabel } from '../../../../shared/model/labels';
import { SelectEditor, TextEditor, type Col } from './editors';
import { refusal } from './commit';

const TYPE_OPTIONS = DEPENDENCY_TYPES.map((t) => ({ value: t, label: t }));
const TYPE_NAMES: Record<(typeof DEPENDENCY_TYPES)[number], string> = { FS: 'finish-to-start', SS: 'start-to-start', FF: 'finish-to-finish' };

/** Lag is typed like any integer cell of the register. */
const LAG_COLUMN: Col = { id: 'lagDays', header: 'Lag (days)', type: 'integer', field: 'lagDays', editable: true, required: true, get: (r) => r['lagDays'] ?? 0 };

interface EndInfo {
  /** "PRJ-012 Data platform" or "Go-live (PRJ-012)". */
  text: string;
  /** The project of this end (itself, or the milestone's project). */
  projectId: string | null;
  /** For a milestone end: its project's code and name. */
  detail: string | null;
  kind: 'project' | 'milestone';
}

function describeEnd(state: WorkbookState, kind: 'project' | 'milestone', id: string): EndInfo {
  if (kind === 'project') {
    const p = state.get('project', id);
    return { text: p ? `${p.code} ${p.name}` : `Missing project (${id})`, projectId: p ? id : null, detail: null, kind };
  }
  const m = state.get('milestone', id);
  const p = m ? state.get('project', m.projectId) : undefined;
  return { text: m ? m.name : `Missing milestone (${id})`, projectId: p ? p.id : null, detail: p ? `${p.code} ${p.name}` : null, kind };
}

interface Props {
  projectId: string;
  state: WorkbookState;
  ctx: ColumnContext;
  onOpenProject?: (id: string) => void;
}

export function DependenciesSection({ projectId, state, ctx, onOpenProject }: Props) {
  const store = useStore();
  // The lists name projects and milestones (describeEnd), so they follow all three.
  const milestones = useRecords('milestone');
  const deps = useRecords('dependency');
  const allProjects = useRecords('project');
  const { predecessors, successors, projects } = useMemo(() => {
    const own = new Set(milestones.filter((m) => m.projectId === projectId).map((m) => m.id));
    const ours = (kind: string, id: string) => (kind === 'project' ? id === projectId : own.has(id));
    const byOther = (side: 'predecessor' | 'successor') => (a: Dependency, b: Dependency) => {
      const ka = side === 'predecessor' ? describeEnd(state, a.predecessorKind, a.predecessorId).text : describeEnd(state, a.successorKind, a.successorId).text;
      const kb = side === 'predecessor' ? describeEnd(state, b.predecessorKind, b.predecessorId).text : describeEnd(state, b.successorKind, b.successorId).text;
      return ka.localeCompare(kb, undefined, { numeric: true });
    };
    return {
      predecessors: deps.filter((d) => ours(d.successorKind, d.successorId)).sort(byOther('predecessor')),
      successors: deps.filter((d) => ours(d.predecessorKind, d.predecessorId)).sort(byOther('successor')),
      projects: allProjects.filter((p) => p.id !== projectId).sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true })),
    };
  }, [state, projectId, milestones, deps, allProjects]);

  const labelFor = useCallback((field: string) => (field === 'lagDays' ? 'Lag (days)' : fieldLabel(field)), []);

  const add = async (side: 'predecessor' | 'successor', otherId: string) => {
    const record =
      side === 'predecessor'
        ? { predecessorKind: 'project', predecessorId: otherId, successorKind: 'project', successorId: projectId, type: 'FS', lagDays: 0 }
        : { predecessorKind: 'project', predecessorId: projectId, successorKind: 'project', successorId: otherId, type: 'FS', lagDays: 0 };
    const result = await store.commit([{ op: 'create', entity: 'dependency', record }], { origin: 'create', label: `Add ${side}` });
    return refusal(result, labelFor, ctx);
  };

  const linked = (list: Dependency[], side: 'predecessor' | 'successor') =>
    new Set(list.filter((d) => (side === 'predecessor' ? d.predecessorKind === 'project' && d.successorKind === 'project' : d.successorKind === 'project' && d.predecessorKind === 'project')).map((d) => (side === 'predecessor' ? d.predecessorId : d.successorId)));

  return (
    <div className="dt-deps">
      <p className="hint">
        FS finish-to-start · SS start-to-start · FF finish-to-finish. Lag in calendar days (negative for a lead).
      </p>
      <DependencyList side="predecessor" list={predecessors} state={state} ctx={ctx} projectId={projectId} onOpenProject={onOpenProject} labelFor={labelFor} />
      <AddLink side="predecessor" projects={projects} exclude={linked(predecessors, 'predecessor')} onAdd={add} />
      <DependencyList side="successor" list={successors} state={state} ctx={ctx} projectId={projectId} onOpenProject={onOpenProject} labelFor={labelFor} />
      <AddLink side="successor" projects={projects} exclude={linked(successors, 'successor')} onAdd={add} />
    </div>
  );
}

function DependencyList({ side, list, state, ctx, projectId, onOpenProject, labelFor }: { side: 'predecessor' | 'successor'; list: Dependency[]; state: WorkbookState; ctx: ColumnContext; projectId: string; onOpenProject?: (id: string) => void; labelFor: (field: string) => string }) {
  const store = useStore();
  const uid = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const title = side === 'predecessor' ? 'Predecessors' : 'Successors';
  const note = side === 'predecessor' ? 'This project waits for these.' : 'These wait for this project.';

  const update = (d: Dependency, field: 'type' | 'lagDays', header: string) => async (value: unknown) => {
    const result = await store.commit([{ op: 'update', entity: 'dependency', id: d.id, changes: { [field]: value } }], { origin: 'edit', label: `Edit dependency ${header.toLowerCase()}` });
    return refusal(result, labelFor, ctx);
  };
  const remove = async (d: Dependency, name: string) => {
    const result = await store.commit([{ op: 'delete', entity: 'dependency', id: d.id }], { origin: 'delete', label: `Remove ${side} ${name}` });
    const problem = refusal(result, labelFor, ctx);
    if (problem) store.notify('error', problem);
  };

  return (
    <div className="dt-dep-list">
      <h4 id={`${uid}-title`}>
        {title} <span className="muted small">{list.length ? `${list.length} · ${note}` : note}</span>
      </h4>
      {list.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <table className="table compact dt-table" aria-labelledby={`${uid}-title`}>
          <thead>
            <tr>
              <th scope="col">{side === 'predecessor' ? 'Predecessor' : 'Successor'}</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Lag
              </th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => {
              const other = side === 'predecessor' ? describeEnd(state, d.predecessorKind, d.predecessorId) : describeEnd(state, d.successorKind, d.successorId);
              const mine = side === 'predecessor' ? describeEnd(state, d.successorKind, d.successorId) : describeEnd(state, d.predecessorKind, d.predecessorId);
              const error = errors[d.id];
              const errorId = `${uid}-${d.id}-error`;
              const openable = other.projectId && other.projectId !== projectId && onOpenProject;
              const name = other.kind === 'milestone' ? `${other.text}${other.detail ? ` (${other.detail})` : ''}` : other.text;
              return (
                <DependencyRow key={d.id} error={error} errorId={errorId}>
                  <td className="dt-dep-other">
                    {openable ? (
                      <button type="button" className="dt-link" title={`Open ${other.detail ?? other.text}`} onClick={() => onOpenProject(other.projectId!)}>
                        {other.text}
                      </button>
                    ) : (
                      <span>{other.text}</span>
                    )}
                    {other.kind === 'milestone' && <span className="dt-sub">Milestone of {other.detail ?? 'a missing project'}</span>}
                    {mine.kind === 'milestone' && <span className="dt-sub">{side === 'predecessor' ? 'before' : 'after'} our milestone “{mine.text}”</span>}
                  </td>
                  <td className="dt-dep-type">
                    <SelectEditor value={d.type} options={TYPE_OPTIONS} allowBlank={false} onCommit={update(d, 'type', 'type')} naming={{ id: `${uid}-${d.id}-type`, ariaLabel: `Type of the link with ${name}` }} />
                  </td>
                  <td className="dt-dep-lag">
                    <TextEditor
                      col={LAG_COLUMN}
                      value={d.lagDays}
                      ctx={ctx}
                      onCommit={update(d, 'lagDays', 'lag')}
                      naming={{ id: `${uid}-${d.id}-lag`, ariaLabel: `Lag in days of the link with ${name}` }}
                      reportError={(e) =>
                        setErrors((prev) => {
                          const next = { ...prev };
                          if (e) next[d.id] = e;
                          else delete next[d.id];
                          return next;
                        })
                      }
                      describedBy={errorId}
                    />
                  </td>
                  <td className="dt-dep-remove">
                    <button type="button" className="icon dt-delete" aria-label={`Remove the link with ${name}`} title={`Remove (${TYPE_NAMES[d.type]})`} onClick={() => void remove(d, name)}>
                      <span aria-hidden="true">×</span>
                    </button>
                  </td>
                </DependencyRow>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DependencyRow({ children, error, errorId }: { children: ReactNode; error: string | undefined; errorId: string }) {
  return (
    <>
      <tr className={error ? 'has-error' : undefined}>{children}</tr>
      {error && (
        <tr className="dt-row-error">
          <td colSpan={4} id={errorId} role="alert" className="field-error">
            {error}
          </td>
        </tr>
      )}
    </>
  );
}

function AddLink({ side, projects, exclude, onAdd }: { side: 'predecessor' | 'successor'; projects: { id: string; code: string; name: string }[]; exclude: Set<string>; onAdd: (side: 'predecessor' | 'successor', id: string) => Promise<string | null> }) {
  const uid = useId();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pickRef = useRef<HTMLSelectElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const choices = projects.filter((p) => !exclude.has(p.id));
  const label = side === 'predecessor' ? 'Add predecessor' : 'Add successor';
  const submit = async () => {
    if (!choice) return;
    const problem = await onAdd(side, choice);
    setError(problem);
    if (problem) return;
    // The button is disabled once the choice is cleared: keep the keyboard here, on the picker.
    const hadFocus = document.activeElement === buttonRef.current;
    setChoice('');
    if (hadFocus) pickRef.current?.focus();
  };
  return (
    <div className="dt-add-link">
      <div className="dt-add-row">
        <label htmlFor={`${uid}-pick`} className="sr-only">
          {side === 'predecessor' ? 'Project this one waits for' : 'Project that waits for this one'}
        </label>
        <select ref={pickRef} id={`${uid}-pick`} className="dt-select" value={choice} onChange={(e) => setChoice(e.target.value)} aria-describedby={error ? `${uid}-error` : undefined}>
          <option value="">{side === 'predecessor' ? 'Choose a predecessor project…' : 'Choose a successor project…'}</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} {p.name}
            </option>
          ))}
        </select>
        <button ref={buttonRef} type="button" disabled={!choice} onClick={() => void submit()}>
          {label}
        </button>
      </div>
      {error && (
        <p id={`${uid}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
