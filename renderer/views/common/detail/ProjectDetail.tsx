// The project detail panel beside the register: every field of one project as a form, its
// status narrative, its status reports (read-only), milestones, dependencies and field history. Each edit is one commit on the
// command path (validated, journalled, undoable); a refused value stays in its field with the
// reason under it, and the stored value is unchanged.
import './detail.css';
import { useCallback, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useRecord, useRecords, useStore, useWorkbook } from '../../../state/use-app';
import { useColumnContext } from '../column-context';
import type { WorkbookState } from '../../../../shared/commands/state';
import type { ColumnContext, Option } from '../../../../shared/register/types';
import { columnsFor } from '../../../../shared/register/columns';
import { historyFieldLabel } from '../../../../shared/register/history';
import { project as projectSchema, STAGE_LABELS, type Project } from '../../../../shared/model/schemas';
import { RAG_LABELS } from '../../../../shared/register/convert';
import { ChecksEditor, CheckboxEditor, FieldRow, LongTextEditor, RAG_OPTIONS, SelectEditor, TextEditor, displayText, type Col, type CommitFn } from './editors';
import { refusal } from './commit';
import { MilestonesSection } from './Milestones';
import { DependenciesSection } from './Dependencies';
import { HistorySection } from './History';
import { StatusReportsSection } from './StatusReports';

export interface ProjectDetailProps {
  projectId: string;
  onClose: () => void;
  onOpenProject?: (id: string) => void;
}

/** The right-hand panel with one project's details; Esc closes it when focus is inside. */
export function ProjectDetail(props: ProjectDetailProps) {
  const current = useWorkbook();
  const ctx = useColumnContext();
  const project = useRecord('project', props.projectId);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // Esc in a dialog opened from the panel closes the dialog only.
    if ((e.target as HTMLElement).closest('dialog')) return;
    e.preventDefault();
    props.onClose();
  };

  if (!current || !ctx || !project) {
    return (
      <aside className="detail-panel" aria-label="Project details" onKeyDown={onKeyDown}>
        <div className="dt-head">
          <div className="dt-title-row">
            <h2 className="dt-title">Project details</h2>
            <CloseButton onClose={props.onClose} />
          </div>
        </div>
        <p className="muted dt-gone">{current && ctx ? 'This project no longer exists: it was deleted, or its creation was undone.' : 'Loading…'}</p>
      </aside>
    );
  }
  return (
    <aside className="detail-panel" aria-label={`Project ${project.code}`} onKeyDown={onKeyDown}>
      <DetailBody key={props.projectId} {...props} project={project} state={current} ctx={ctx} />
    </aside>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="icon dt-close" aria-label="Close details" title="Close details (Esc)" onClick={onClose}>
      <span aria-hidden="true">×</span>
    </button>
  );
}

/** Whether a field may be left blank (an empty choice is offered): asks the schema itself. */
function acceptsBlank(field: string): boolean {
  const head = field.split('.')[0]!;
  if (head !== field) return true; // rag.*, custom.*, scores.* (a blank score is removed)
  const schema = (projectSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } } | undefined>)[head];
  return schema ? schema.safeParse(null).success : true;
}

const TEXT_TYPES = new Set(['text', 'longtext', 'person']);

const IDENTITY = ['code', 'name', 'programmeId', 'stage', 'priority', 'manager', 'sponsor', 'businessUnit', 'objectiveIds', 'tags', 'description', 'archived'];
const SCHEDULE = ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'percentComplete', 'calc.slip'];
const MONEY = ['budget', 'forecastCost', 'actualCost', 'calc.variance', 'calc.spent'];
const STATUS = ['rag.overall', 'rag.schedule', 'rag.cost', 'rag.scope', 'rag.resources', 'calc.openRisks'];
const PLACED = new Set([...IDENTITY, ...SCHEDULE, ...MONEY, ...STATUS, 'statusNarrative']);

interface BodyProps extends ProjectDetailProps {
  project: Project;
  state: WorkbookState;
  ctx: ColumnContext;
}

function DetailBody({ projectId, onClose, onOpenProject, project, state, ctx }: BodyProps) {
  const store = useStore();
  const uid = useId();
  const settings = state.settings;
  const allCustomFields = useRecords('customField');
  const customFields = useMemo(() => allCustomFields.filter((f) => f.entity === 'project'), [allCustomFields]);
  const cols = useMemo(() => columnsFor('project', settings, customFields), [settings, customFields]);
  const byId = useMemo(() => new Map(cols.map((c) => [c.id, c])), [cols]);
  const labelFor = useCallback((field: string) => historyFieldLabel(field, cols), [cols]);
  // Tags used anywhere in the workbook, offered as checkboxes beside the project's own.
  const projects = useRecords('project');
  const workbookTags = useMemo(() => {
    const tags = new Set<string>();
    for (const p of projects) for (const t of p.tags) tags.add(t);
    return [...tags].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })).map((t): Option => ({ value: t, label: t }));
  }, [projects]);
  const personListId = `${uid}-people`;
  const record = project as unknown as Record<string, unknown> & { id: string };

  const sectionRefs = useRef(new Map<string, HTMLElement>());
  const commitFor = useCallback(
    (col: Col): CommitFn =>
      async (value) => {
        const field = col.field!;
        let v = value;
        // A blank score is removed from the project's scores, not stored as null.
        if (value === null && field.startsWith('scores.')) v = undefined;
        // Text fields hold '' when blank (parseCell gives null for an empty cell).
        else if (value === null && TEXT_TYPES.has(col.type) && !acceptsBlank(field)) v = '';
        const result = await store.commit([{ op: 'update', entity: 'project', id: projectId, changes: { [field]: v } }], { origin: 'edit', label: `Edit ${col.header}` });
        return refusal(result, labelFor, ctx);
      },
    [store, projectId, labelFor, ctx],
  );

  const fieldId = (colId: string) => `${uid}-f-${colId.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

  const renderField = (col: Col | undefined, shortLabel?: string): ReactNode => {
    if (!col) return null;
    const header = shortLabel ?? col.header;
    const id = fieldId(col.id);
    const value = col.get(record, ctx);
    const hint = col.description;
    if (!col.editable || !col.field) {
      const text = displayText(col, value, ctx);
      const bad = (col.id === 'calc.slip' && typeof value === 'number' && value > 0) || (col.id === 'calc.variance' && typeof value === 'number' && value < 0) || (col.id === 'calc.spent' && typeof value === 'number' && value > 100);
      return (
        <FieldRow key={col.id} label={header} htmlFor={id} hint={hint}>
          <output id={id} className={`dt-calc${bad ? ' bad' : ''}`} title={hint}>
            {col.id === 'calc.slip' && typeof value === 'number' && value > 0 ? `+${text}` : text}
          </output>
          {hint && <span className="hint dt-calc-hint">{hint}</span>}
        </FieldRow>
      );
    }
    const onCommit = commitFor(col);
    const naming = { id };
    switch (col.type) {
      case 'longtext':
        return (
          <FieldRow key={col.id} label={header} htmlFor={id} hint={hint} wide>
            <LongTextEditor value={value} onCommit={onCommit} naming={naming} rows={3} />
          </FieldRow>
        );
      case 'select':
      case 'reference':
      case 'rag': {
        const options = col.type === 'rag' ? RAG_OPTIONS : Array.isArray(col.options) ? col.options : col.options ? ctx.options(col.options) : [];
        return (
          <FieldRow key={col.id} label={header} htmlFor={id} hint={hint}>
            <SelectEditor value={value} options={options} onCommit={onCommit} naming={naming} allowBlank={acceptsBlank(col.field)} blankLabel={col.type === 'rag' ? 'Not set' : '—'} />
          </FieldRow>
        );
      }
      case 'references':
      case 'multiselect': {
        const options = Array.isArray(col.options) ? col.options : col.options ? ctx.options(col.options) : [];
        const labelId = `${id}-label`;
        return (
          <FieldRow key={col.id} label={header} labelId={labelId} hint={hint}>
            <ChecksEditor legend={header} labelledBy={labelId} value={value} options={options} onCommit={onCommit} allowNew={col.allowNew} suggestions={col.allowNew ? workbookTags : undefined} />
          </FieldRow>
        );
      }
      case 'checkbox':
        return (
          <FieldRow key={col.id} label={header} htmlFor={id} hint={hint}>
            <CheckboxEditor value={value} onCommit={onCommit} naming={naming} />
          </FieldRow>
        );
      default:
        return (
          <FieldRow key={col.id} label={header} htmlFor={id} hint={hint}>
            <TextEditor col={col} value={value} ctx={ctx} onCommit={onCommit} naming={naming} list={col.type === 'person' ? personListId : undefined} picker={col.type === 'date'} />
            {col.id.startsWith('scores.') && hint && <span className="hint">{hint}</span>}
          </FieldRow>
        );
    }
  };

  const customCols = cols.filter((c) => c.id.startsWith('custom.'));
  const scoreCols = cols.filter((c) => c.id === 'calc.score' || c.id.startsWith('scores.'));
  const otherCols = cols.filter((c) => !PLACED.has(c.id) && !customCols.includes(c) && !scoreCols.includes(c));
  const narrativeCol = byId.get('statusNarrative');
  const rag = project.rag.overall;
  const milestoneCount = state.all('milestone').filter((m) => m.projectId === projectId).length;
  const reportCount = state.all('statusReport').filter((r) => r.projectId === projectId).length;

  // Scrolls the panel only (scrollIntoView would also scroll the page around it).
  const jump = (key: string) => {
    const el = sectionRefs.current.get(key);
    const scroller = el?.closest<HTMLElement>('.detail-panel');
    if (!el || !scroller) return;
    const head = scroller.querySelector<HTMLElement>('.dt-head');
    const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - (head?.offsetHeight ?? 0);
    scroller.scrollTo({ top: Math.max(0, top), behavior: 'smooth' });
    el.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  };
  const sectionRef = (key: string) => (el: HTMLElement | null) => {
    if (el) sectionRefs.current.set(key, el);
    else sectionRefs.current.delete(key);
  };

  const section = (key: string, title: string, children: ReactNode, extra?: string) => (
    <section key={key} ref={sectionRef(key)} className={`dt-section${extra ? ` ${extra}` : ''}`} aria-labelledby={`${uid}-h-${key}`}>
      <h3 id={`${uid}-h-${key}`} tabIndex={-1}>
        {title}
      </h3>
      {children}
    </section>
  );

  return (
    <>
      <div className="dt-head">
        <div className="dt-title-row">
          <h2 className="dt-title" title={`${project.code} ${project.name}`}>
            <span className="dt-code">{project.code}</span> <span className="dt-name">{project.name}</span>
          </h2>
          <CloseButton onClose={onClose} />
        </div>
        <div className="dt-chips">
          <span className={`dt-stage stage-${project.stage}`} title="Stage">
            {STAGE_LABELS[project.stage]}
          </span>
          <span className={`rag-chip rag-${rag ?? 'none'}`} title={`RAG: ${rag ? RAG_LABELS[rag] : 'not set'}`} aria-label={`RAG ${rag ? RAG_LABELS[rag] : 'not set'}`}>
            {rag ?? '–'}
          </span>
          {project.archived && <span className="dt-stage">Archived</span>}
          <nav className="dt-jump" aria-label="Sections of the details">
            <button type="button" className="ghost" onClick={() => jump('milestones')}>
              Milestones <span className="muted">{milestoneCount}</span>
            </button>
            <button type="button" className="ghost" onClick={() => jump('reports')}>
              Reports <span className="muted">{reportCount}</span>
            </button>
            <button type="button" className="ghost" onClick={() => jump('dependencies')}>
              Dependencies
            </button>
            <button type="button" className="ghost" onClick={() => jump('history')}>
              History
            </button>
          </nav>
        </div>
      </div>
      <div className="dt-body">
        <datalist id={personListId}>
          {ctx.options('person').map((o) => (
            <option key={o.value} value={o.value} />
          ))}
        </datalist>
        {section('identity', 'Identity', IDENTITY.map((id) => renderField(byId.get(id))))}
        {section('schedule', 'Schedule', SCHEDULE.map((id) => renderField(byId.get(id))))}
        {section('money', 'Money', MONEY.map((id) => renderField(byId.get(id))))}
        {section('status', 'Status', STATUS.map((id) => renderField(byId.get(id))))}
        {narrativeCol &&
          section(
            'narrative',
            'Status narrative',
            <LongTextEditor value={project.statusNarrative} onCommit={commitFor(narrativeCol)} naming={{ id: fieldId('statusNarrative'), ariaLabel: 'Status narrative' }} rows={8} />,
          )}
        {section('reports', 'Status reports', <StatusReportsSection projectId={projectId} />)}
        {section('custom', 'Custom fields', customCols.length ? customCols.map((c) => renderField(c)) : <p className="muted small">This workbook has no custom fields for projects.</p>)}
        {scoreCols.length > 0 && section('scores', 'Scores', scoreCols.map((c) => renderField(c, c.header.replace(/^Score: /, ''))))}
        {otherCols.length > 0 && section('other', 'Other fields', otherCols.map((c) => renderField(c)))}
        {section('milestones', 'Milestones', <MilestonesSection projectId={projectId} state={state} ctx={ctx} />)}
        {section('dependencies', 'Dependencies', <DependenciesSection projectId={projectId} state={state} ctx={ctx} onOpenProject={onOpenProject} />)}
        {section('history', 'Field history', <HistorySection projectId={projectId} state={state} ctx={ctx} cols={cols} />)}
      </div>
    </>
  );
}
