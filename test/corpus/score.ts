// Imports one corpus file into an empty workbook exactly as the app and `pmo import` do (read →
// analyse → the user's choices → previewImport → the command path) and scores what arrived
// against the case's expected records: every record there, every expected value right, and a
// value the file cannot give (an unreadable cell) empty with its reason listed, never guessed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readSpreadsheet } from '../../shared/exchange/read/read';
import { analyseWorkbook, previewImport, type SheetProposal } from '../../shared/exchange/analyse';
import type { ImportReport } from '../../shared/exchange/import';
import type { SourceWorkbook } from '../../shared/exchange/source';
import { applyPlan } from '../../shared/commands/plan';
import { planNewWorkbook } from '../../shared/commands/new-workbook';
import { WorkbookState } from '../../shared/commands/state';
import { defaultSettings, emptyRecords } from '../../shared/model/workbook';
import type { Settings } from '../../shared/model/schemas';
import { allocationRate } from '../../shared/capacity/allocation-hours';
import { testClock } from '../helpers/tiny-workbook';

/** An expected value the file cannot give: the field stays empty and the cell is listed with its reason. */
export interface Listed {
  listed: string;
  /** The model's default the field takes when left empty (a stage is never blank: 'idea'). */
  stored?: string;
}
export type ExpectedValue = string | number | boolean | null | Listed | readonly string[];

/** Expected records by kind; fields by path ('rag.overall'), references by code or name. */
export interface Expected {
  project?: ({ code: string } & Record<string, ExpectedValue>)[];
  /** Allocations: project code, person name, dates, and the hours per week they ask for. */
  allocation?: { project: string; person: string; start: string; end: string; hoursPerWeek: number }[];
  statusReport?: ({ project: string; period: string } & Record<string, ExpectedValue>)[];
  milestone?: ({ project: string; name: string } & Record<string, ExpectedValue>)[];
}

export interface FieldScore {
  kind: string;
  field: string;
  right: number;
  wrong: number;
  /** Expected a value, got none, and nothing in the report says why. */
  lost: number;
  /** Expected unreadable: empty with the cell listed. */
  listed: number;
}

export interface FileScore {
  file: string;
  /** Rows of data in the report and how many were imported or listed with a reason. */
  dataRows: number;
  accounted: number;
  records: { expected: number; found: number };
  fields: FieldScore[];
  /** One line per problem: a wrong value, a lost value, a missing record. */
  problems: string[];
  report: ImportReport;
}

export interface CaseChoices {
  settings?: Partial<Settings>;
  /** What the user changes in the wizard (a value mapping, a grid unit), after the suggestions. */
  adjust?: (proposals: SheetProposal[], source: SourceWorkbook) => void;
}

const isListed = (v: unknown): v is Listed => typeof v === 'object' && v !== null && 'listed' in v;

function at(r: Record<string, unknown>, path: string): unknown {
  let v: unknown = r;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const near = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)) : JSON.stringify(a) === JSON.stringify(b));

export function importFile(path: string, choices: CaseChoices = {}): { state: WorkbookState; report: ImportReport; source: SourceWorkbook } {
  const r = readSpreadsheet(new Uint8Array(readFileSync(path)), basename(path));
  if (!r.ok) throw new Error(`${basename(path)} refused: ${r.reason}`);
  const clock = testClock();
  const settings = defaultSettings('Corpus', choices.settings ?? {});
  const p = planNewWorkbook({ id: 'wb-corpus', settings, records: emptyRecords() }, { ...clock, origin: 'create', label: 'New' });
  const state = new WorkbookState(p.workbook, p.rows);
  const proposals = analyseWorkbook(r.workbook, state.settings, []);
  choices.adjust?.(proposals, r.workbook);
  const { report, result } = previewImport(state, r.workbook, proposals, { newId: clock.newId, now: clock.now, today: '2026-12-03' });
  if (result.plan) applyPlan(state, result.plan);
  return { state, report, source: r.workbook };
}

const LAYOUT = /^(blank row|header row|title|totals|note|repeated header)/;

export function scoreFile(path: string, expected: Expected, choices: CaseChoices = {}): FileScore {
  const { state, report } = importFile(path, choices);
  const file = basename(path);
  const problems: string[] = [];
  const fields = new Map<string, FieldScore>();
  const score = (kind: string, field: string) => {
    const key = `${kind}.${field}`;
    let s = fields.get(key);
    if (!s) fields.set(key, (s = { kind, field, right: 0, wrong: 0, lost: 0, listed: 0 }));
    return s;
  };
  const issueValues = new Set(report.issues.map((i) => (i.value ?? '').trim()));
  const listedWhy = (text: string) => issueValues.has(text.trim()) || report.issues.some((i) => i.message.includes(text));

  const projects = state.all('project') as unknown as Record<string, unknown>[];
  const codeOf = new Map(projects.map((p) => [p.id, String(p['code'])]));
  const people = new Map(state.all('resource').map((r) => [r.id, String(r['name'])]));
  let expectedCount = 0;
  let found = 0;

  const compare = (kind: string, label: string, rec: Record<string, unknown>, want: Record<string, ExpectedValue>, skip: readonly string[]) => {
    for (const [field, value] of Object.entries(want)) {
      if (skip.includes(field)) continue;
      const s = score(kind, field);
      const got = at(rec, field);
      if (isListed(value)) {
        const left = empty(got) || (value.stored !== undefined && got === value.stored);
        if (left && listedWhy(value.listed)) s.listed++;
        else if (!left) {
          s.wrong++;
          problems.push(`${file}: ${label} ${field}: "${value.listed}" cannot be read, but ${JSON.stringify(got)} was stored`);
        } else {
          s.lost++;
          problems.push(`${file}: ${label} ${field}: "${value.listed}" was left empty without a reason in the report`);
        }
      } else if (near(got, value)) s.right++;
      else if (empty(got)) {
        s.lost++;
        problems.push(`${file}: ${label} ${field}: expected ${JSON.stringify(value)}, got nothing`);
      } else {
        s.wrong++;
        problems.push(`${file}: ${label} ${field}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
      }
    }
  };

  for (const want of expected.project ?? []) {
    expectedCount++;
    const rec = projects.find((p) => p['code'] === want.code);
    if (!rec) {
      problems.push(`${file}: project ${want.code} not imported${rowReason(report, want.code)}`);
      continue;
    }
    found++;
    compare('project', want.code, rec, want, ['code']);
  }

  const hoursPerFte = state.settings.hoursPerFte;
  const allocations = state.all('allocation').map((a) => ({
    project: codeOf.get(String(a['projectId'])) ?? '?',
    person: people.get(String(a['resourceId'])) ?? '?',
    start: String(a['start']),
    end: String(a['end']),
    hoursPerWeek: allocationRate(a, hoursPerFte),
  }));
  const used = new Set<number>();
  for (const want of expected.allocation ?? []) {
    expectedCount++;
    const label = `allocation ${want.person} on ${want.project} ${want.start}…${want.end}`;
    const i = allocations.findIndex((a, k) => !used.has(k) && a.project === want.project && a.person === want.person && a.start === want.start && a.end === want.end);
    if (i < 0) {
      problems.push(`${file}: ${label} not imported`);
      continue;
    }
    used.add(i);
    found++;
    const s = score('allocation', 'hoursPerWeek');
    if (near(Math.round(allocations[i]!.hoursPerWeek * 1e6) / 1e6, want.hoursPerWeek)) s.right++;
    else {
      s.wrong++;
      problems.push(`${file}: ${label}: expected ${want.hoursPerWeek} h/week, got ${allocations[i]!.hoursPerWeek}`);
    }
  }
  if (expected.allocation) {
    const extra = allocations.filter((_, k) => !used.has(k));
    if (extra.length) problems.push(`${file}: ${extra.length} allocations not in the file, e.g. ${JSON.stringify(extra[0])}`);
  }

  const reports = state.all('statusReport') as unknown as Record<string, unknown>[];
  for (const want of expected.statusReport ?? []) {
    expectedCount++;
    const rec = reports.find((r) => codeOf.get(String(r['projectId'])) === want.project && r['period'] === want.period);
    if (!rec) {
      problems.push(`${file}: status report ${want.project} ${want.period} not imported`);
      continue;
    }
    found++;
    compare('statusReport', `${want.project} ${want.period}`, rec, want, ['project', 'period']);
  }
  if (expected.statusReport && reports.length > expected.statusReport.length) problems.push(`${file}: ${reports.length - expected.statusReport.length} status reports not in the file`);

  const milestones = state.all('milestone') as unknown as Record<string, unknown>[];
  for (const want of expected.milestone ?? []) {
    expectedCount++;
    const rec = milestones.find((m) => codeOf.get(String(m['projectId'])) === want.project && m['name'] === want.name);
    if (!rec) {
      problems.push(`${file}: milestone ${want.project} “${want.name}” not imported`);
      continue;
    }
    found++;
    compare('milestone', `${want.project} ${want.name}`, rec, want, ['project', 'name']);
  }

  const data = report.rows.filter((r) => !(r.status === 'skipped' && LAYOUT.test(r.reason ?? '')));
  const accounted = data.filter((r) => r.status !== 'skipped' || (r.reason ?? '').trim() !== '').length;
  for (const r of data) if (r.status === 'skipped') problems.push(`${file}: ${r.sheet}!${r.row} (${r.label}) not imported: ${r.reason}`);
  return { file, dataRows: data.length, accounted, records: { expected: expectedCount, found }, fields: [...fields.values()], problems, report };
}

function rowReason(report: ImportReport, code: string): string {
  const row = report.rows.find((r) => r.label.startsWith(code));
  return row ? ` (${row.sheet}!${row.row}: ${row.status}${row.reason ? `: ${row.reason}` : ''})` : ' (no row of the report names it)';
}
