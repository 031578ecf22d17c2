// Status reports imported from a status log (one row per project per month): how a report is
// keyed (project and period), and the "latest status per project" option, which also sets each
// project's RAG and status narrative from its newest report, in the same plan as the reports.
import type { WorkbookState } from '../commands/state';
import type { Op } from '../commands/types';
import { jsonEqual } from '../commands/plan';
import { RAG_DIMENSIONS } from '../model/schemas';
import { writeFieldPath } from '../model/field-path';
import type { LooseRecord as Rec } from '../model/record';

/** The few facts of an import report row this needs (import.ts RowReport; not imported here, which would make a loop). */
export interface ReportRowFacts {
  sheet: string;
  row: number;
  kind: string;
  status: string;
  recordId?: string;
}

/** A status report's identity: its project and month (one report per project per month). */
export function statusKey(projectId: unknown, period: unknown): string {
  return `${String(projectId ?? '')}|${String(period ?? '')}`;
}

/** What the option did (or would do) to one project; `C` is the import's FieldChange. */
export interface LatestStatus<C = unknown> {
  projectId: string;
  /** "PRJ-004 CRM replacement". */
  project: string;
  /** The newest report's month (YYYY-MM) and the row it came from. */
  period: string;
  sheet: string;
  row: number;
  /** The project's fields it sets; empty when the project already shows that status. */
  changes: C[];
  /** Why the project was left as it was, when it was. */
  note?: string;
}

export interface LatestStatusPlan<C> {
  ops: Op[];
  /** Per op, the index of the report row it came from. */
  opRows: number[];
  latest: LatestStatus<C>[];
}

/** Applies the operations planned so far for one record to its stored value. */
function planned(state: WorkbookState, ops: readonly Op[], entity: 'project' | 'statusReport', id: string): Rec | null {
  const stored = state.get(entity, id) as Rec | undefined;
  let rec: Rec | null = stored ? (JSON.parse(JSON.stringify(stored)) as Rec) : null;
  for (const op of ops) {
    if (op.op === 'create' && op.entity === entity && op.record['id'] === id) rec = JSON.parse(JSON.stringify(op.record)) as Rec;
    else if (op.op === 'update' && op.entity === entity && op.id === id && rec) for (const [k, v] of Object.entries(op.changes)) writeFieldPath(rec as Record<string, unknown>, k, v);
  }
  return rec;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * The project updates of the "latest status per project" option for the report rows of one
 * sheet: per project, its newest report among the sheet's imported rows (by period, whatever the
 * row order) gives every RAG dimension it has and its narrative; blanks in the report leave the
 * project's value as it is. A project whose workbook already holds a newer report is left alone.
 */
export function latestStatusOps<C>(
  state: WorkbookState,
  rows: readonly ReportRowFacts[],
  firstRow: number,
  ops: readonly Op[],
  describe: (field: string, before: unknown, after: unknown) => C,
  projectLabel: (id: string) => string,
): LatestStatusPlan<C> {
  const out: LatestStatusPlan<C> = { ops: [], opRows: [], latest: [] };
  const newest = new Map<string, { report: Rec; index: number; row: ReportRowFacts }>();
  const inFile = new Set<string>();
  for (let i = firstRow; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind !== 'status' || row.status === 'skipped' || !row.recordId) continue;
    const report = planned(state, ops, 'statusReport', row.recordId);
    if (!report || typeof report['projectId'] !== 'string' || typeof report['period'] !== 'string') continue;
    inFile.add(row.recordId);
    const pid = report['projectId'];
    const known = newest.get(pid);
    if (!known || String(report['period']) > String(known.report['period'])) newest.set(pid, { report, index: i, row });
  }
  // Reports the workbook holds that the sheet does not name, newest per project.
  const stored = new Map<string, string>();
  for (const s of state.values('statusReport')) {
    if (inFile.has(s.id)) continue;
    const pid = String(s['projectId']);
    if (!newest.has(pid)) continue;
    const period = String(s['period']);
    if (period > (stored.get(pid) ?? '')) stored.set(pid, period);
  }
  for (const [pid, { report, index, row }] of newest) {
    const period = String(report['period']);
    const entry: LatestStatus<C> = { projectId: pid, project: projectLabel(pid), period, sheet: row.sheet, row: row.row, changes: [] };
    out.latest.push(entry);
    const later = stored.get(pid);
    if (later && later > period) {
      entry.note = `the workbook already has a newer report (${later}), so the project keeps its RAG and narrative`;
      continue;
    }
    const project = planned(state, ops, 'project', pid);
    if (!project) continue;
    const set: Record<string, unknown> = {};
    const rag = (report['rag'] ?? {}) as Record<string, unknown>;
    const current = (project['rag'] ?? {}) as Record<string, unknown>;
    for (const d of RAG_DIMENSIONS) {
      const v = rag[d];
      if (blank(v) || jsonEqual(v, current[d] ?? null)) continue;
      set[`rag.${d}`] = v;
      entry.changes.push(describe(`rag.${d}`, current[d] ?? null, v));
    }
    const narrative = report['narrative'];
    if (!blank(narrative) && narrative !== project['statusNarrative']) {
      set['statusNarrative'] = narrative;
      entry.changes.push(describe('statusNarrative', project['statusNarrative'] ?? '', narrative));
    }
    if (!entry.changes.length) continue;
    out.ops.push({ op: 'update', entity: 'project', id: pid, changes: set });
    out.opRows.push(index);
  }
  out.latest.sort((a, b) => a.project.localeCompare(b.project));
  return out;
}
