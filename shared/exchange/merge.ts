// Round-trip merge: a workbook we exported comes back edited. Its hidden snapshot is the common
// base; the file is "theirs"; the open workbook is "ours". Every cell is compared three ways:
// changed there only (taken unless rejected), changed here only (kept), changed on both sides to
// different values (a conflict: ours is kept unless the user takes theirs). Rows added in the
// file are new records; rows removed from it are offered as deletions, off by default.
//
// Rows are found by the hidden record id, never by position, so a workbook re-saved by Excel,
// LibreOffice or Gnumeric with rows sorted, columns reordered or extra columns added still merges.
import type { WorkbookState } from '../commands/state';
import type { Op } from '../commands/types';
import { jsonEqual } from '../commands/plan';
import { buildColumnContext } from '../register/column-context';
import { formatCell, matchKey } from '../register/convert';
import type { ColumnContext, Option, OptionSource } from '../register/types';
import { writeFieldPath } from '../model/field-path';
import type { CalendarPeriod as Period, IsoDate } from '../calendar';
import { recutOps, recutSpans } from '../capacity/demand-grid';
import { allocationRate, hoursCalendarOf, hoursRow } from '../capacity/allocation-hours';
import { cellText, columnLetter, type SourceCell, type SourceSheet, type SourceWorkbook } from './source';
import { convertCell } from './convert-cell';
import { labelOf } from './labels';
import { fieldsFor, ID_FIELD, KIND_ENTITY, KIND_LABELS, VERSION_FIELD, type ExchangeField, type ImportKind } from './fields';
import { readSnapshot, SNAPSHOT_SHEET, type ExportSnapshot, type SnapshotSheet } from './export';
import type { CellIssue } from './import';

export type CellKind = 'theirs' | 'conflict' | 'ours' | 'both';

export interface MergeCell {
  field: string;
  label: string;
  /** Column letter in the returned file. */
  column: string;
  kind: CellKind;
  base: unknown;
  theirs: unknown;
  ours: unknown;
  baseText: string;
  theirsText: string;
  oursText: string;
}

export type RowChange = 'changed' | 'new' | 'deleted';

export interface MergeRow {
  /** Unique key of the row in the diff. */
  key: string;
  sheet: string;
  kind: ImportKind;
  change: RowChange;
  /** 1-based row in the returned file (absent for rows it no longer has). */
  row?: number;
  recordId?: string;
  label: string;
  cells: MergeCell[];
  /** For new rows: the record to create. */
  record?: Record<string, unknown>;
  /** The record was deleted here after the export. */
  goneHere?: boolean;
  /** Allocation grid rows: period of each period cell, by field key. */
  periods?: Record<string, Period>;
}

export interface MergeDiff {
  fileName: string;
  exportId: string;
  exportedAt: string;
  workbookName: string;
  rows: MergeRow[];
  issues: CellIssue[];
  /** Rows of the file that match the snapshot exactly. */
  unchanged: number;
  /** Cells changed here since the export and not in the file (kept as they are). */
  oursOnly: number;
}

/** Decisions: cell keys `${row.key}|${field}` and row keys; true = take the file's value/row. */
export type MergeDecisions = Map<string, boolean>;

export const cellKey = (row: MergeRow, field: string) => `${row.key}|${field}`;

/** The default decisions: changes made only in the file are taken; conflicts keep ours; deletions are not applied. */
export function defaultDecisions(diff: MergeDiff): MergeDecisions {
  const d: MergeDecisions = new Map();
  for (const row of diff.rows) {
    if (row.change === 'new') d.set(row.key, true);
    else if (row.change === 'deleted') d.set(row.key, false);
    for (const c of row.cells) if (c.kind === 'theirs' || c.kind === 'conflict') d.set(cellKey(row, c.field), c.kind === 'theirs');
  }
  return d;
}

/** Is this file one of our exports? Returns its snapshot, an error, or null. */
export function exportSnapshotOf(source: SourceWorkbook): ExportSnapshot | { error: string } | null {
  const sheet = source.sheets.find((s) => s.name === SNAPSHOT_SHEET);
  if (!sheet) return null;
  return readSnapshot(sheet.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c === null ? null : cellText(c)))));
}

/**
 * Whether a file is merged into the workbook `workbookId` (it is one of that workbook's exports)
 * or imported like any spreadsheet, with the note saying why. The app and `pmo import` both ask here.
 */
export function mergeChoice(snapshot: Pick<ExportSnapshot, 'workbookId' | 'workbookName'> | { error: string } | null | undefined, workbookId: string | undefined): { merge: true } | { merge: false; note: string | null } {
  if (!snapshot) return { merge: false, note: null };
  if ('error' in snapshot) return { merge: false, note: `This file ${snapshot.error}, so it cannot be merged cell by cell: its rows are imported like any spreadsheet’s.` };
  if (workbookId !== undefined && snapshot.workbookId === workbookId) return { merge: true };
  return { merge: false, note: `This file is an export of “${snapshot.workbookName}”, another workbook: its rows are imported like any spreadsheet’s, matched by code and name.` };
}

/**
 * Blank in every form a cell can take: an unset checkbox reads back as FALSE. A line break is
 * one whether written CR LF, CR or LF (the readers give LF), so text stored with CR LF is not
 * offered as changed; any other difference in text, a space or a tab, is.
 */
const norm = (v: unknown): unknown =>
  v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0) ? null : typeof v === 'string' && v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v;
const same = (a: unknown, b: unknown) => jsonEqual(norm(a), norm(b));
const headerKey = (s: string) => matchKey(s).replace(/[^\p{L}\p{N}%]/gu, '');

/** Finds the header row of a returned sheet: the row holding our column labels. */
function findHeader(sheet: SourceSheet, labels: string[]): { row: number; columns: Map<string, number> } | null {
  const wanted = new Map(labels.map((l) => [headerKey(l), l]));
  let best: { row: number; columns: Map<string, number> } | null = null;
  for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
    const columns = new Map<string, number>();
    (sheet.rows[r] ?? []).forEach((c, i) => {
      const label = wanted.get(headerKey(cellText(c)));
      if (label !== undefined && !columns.has(label)) columns.set(label, i);
    });
    if (!best || columns.size > best.columns.size) best = { row: r, columns };
  }
  return best && best.columns.size > 0 ? best : null;
}

export function diffReturnedWorkbook(state: WorkbookState, source: SourceWorkbook, snapshot: ExportSnapshot, opts: { today: IsoDate }): MergeDiff {
  const ctx = buildColumnContext(state, opts.today);
  const readCtx = withExportedLabels(ctx, snapshot);
  const customFields = state.all('customField');
  const rows: MergeRow[] = [];
  const issues: CellIssue[] = [];
  let unchanged = 0;
  let oursOnly = 0;
  // Hours per period by the one allocation-hours rule: ours with the workbook's calendar now, the
  // base with the calendar the export was made with (the same when the snapshot predates it).
  const oursCal = hoursCalendarOf(state.settings);
  const baseCal = snapshot.calendar ? hoursCalendarOf({ hoursPerFte: snapshot.calendar.hoursPerFte, holidays: snapshot.calendar.holidays }) : oursCal;

  for (const snap of snapshot.sheets) {
    const sheet = source.sheets.find((s) => s.name === snap.name) ?? source.sheets.find((s) => headerKey(s.name) === headerKey(snap.name));
    if (!sheet) {
      issues.push({ sheet: snap.name, row: 0, column: '', header: '', severity: 'warning', message: `Sheet "${snap.name}" is missing from the file; its records are left as they are.` });
      continue;
    }
    const all = fieldsFor(snap.kind, state.settings, customFields);
    const fields = snap.fields.map((k) => all.find((f) => f.key === k)).filter((f): f is ExchangeField => f !== undefined);
    const byKey = new Map(fields.map((f) => [f.key, f]));
    const periods = snap.periods ?? [];
    const labels = [...fields.map((f) => f.label), ...periods.map((p) => p.label), ID_FIELD.label, VERSION_FIELD.label];
    const header = findHeader(sheet, labels);
    if (!header || !header.columns.has(ID_FIELD.label)) {
      issues.push({ sheet: sheet.name, row: 1, column: '', header: '', severity: 'error', message: `Sheet "${sheet.name}" has lost its "${ID_FIELD.label}" column, so its rows cannot be matched; it was not merged.` });
      continue;
    }
    const idCol = header.columns.get(ID_FIELD.label)!;
    const snapRows = new Map(snap.rows.map((r) => [r.id, r]));
    const seen = new Set<string>();
    const entity = KIND_ENTITY[snap.kind];
    const fieldIndex = new Map(snap.fields.map((k, i) => [k, i]));

    const theirsOf = (f: ExchangeField, cell: SourceCell, rowNo: number, col: number): { ok: true; value: unknown } | { ok: false } => {
      const r = convertCell(cell, f, readCtx, { dateOrder: 'YMD', date1904: source.date1904 });
      if (r.ok) return { ok: true, value: r.value };
      issues.push({ sheet: sheet.name, row: rowNo, column: columnLetter(col), header: f.label, severity: 'error', message: `${f.label} ${r.reason}; the cell was left out of the merge`, value: cellText(cell) });
      return { ok: false };
    };

    for (let r = header.row + 1; r < sheet.rows.length; r++) {
      const line = sheet.rows[r] ?? [];
      if (!line.some((c) => c !== null && c !== '')) continue;
      const rowNo = r + 1;
      const id = cellText(line[idCol] ?? null).trim();
      const base = id ? snapRows.get(id) : undefined;
      if (id && seen.has(id)) {
        issues.push({ sheet: sheet.name, row: rowNo, column: columnLetter(idCol), header: ID_FIELD.label, severity: 'warning', message: 'The same record appears twice; only its first row was merged.' });
        continue;
      }
      if (id) seen.add(id);
      const current = id ? (state.get(entity, id) as (Record<string, unknown> & { id: string }) | undefined) : undefined;

      if (!base) {
        // A row added in the file (no id, or an id we never sent).
        if (current) continue;
        const record: Record<string, unknown> = {};
        const cells: MergeCell[] = [];
        let bad = false;
        for (const f of fields) {
          const col = header.columns.get(f.label);
          if (col === undefined) continue;
          const cell = line[col] ?? null;
          if (cell === null || cell === '') continue;
          const t = theirsOf(f, cell, rowNo, col);
          if (!t.ok) {
            bad = true;
            continue;
          }
          writeFieldPath(record, f.key, t.value);
          cells.push(makeCell(f, columnLetter(col), 'theirs', null, t.value, null, ctx));
        }
        if (snap.kind === 'allocation') {
          const made = periods.flatMap((p) => {
            const col = header.columns.get(p.label);
            const v = col === undefined ? null : line[col];
            return typeof v === 'number' && v > 0 ? [{ start: p.start, end: p.end, amount: v }] : [];
          });
          if (!made.length) continue;
          record['start'] = made[0]!.start;
          record['end'] = made[made.length - 1]!.end;
          record['amount'] = made[0]!.amount;
          record['unit'] = 'hours-per-week';
        }
        const missing = fields.filter((f) => f.requiredForCreate && record[f.key] === undefined);
        if (bad || missing.length) {
          if (missing.length) issues.push({ sheet: sheet.name, row: rowNo, column: '', header: '', severity: 'error', message: `A new ${KIND_LABELS[snap.kind].singular} needs ${missing.map((f) => f.label).join(', ')}; the row was left out.` });
          continue;
        }
        rows.push({ key: `${sheet.name}|new|${rowNo}`, sheet: sheet.name, kind: snap.kind, change: 'new', row: rowNo, label: newLabel(snap.kind, record, ctx), cells, record });
        continue;
      }

      // A row we sent: compare cell by cell.
      const cells: MergeCell[] = [];
      const rowPeriods: Record<string, Period> = {};
      for (const f of fields) {
        const col = header.columns.get(f.label);
        if (col === undefined) continue; // a column they removed: no opinion on its cells
        const b = base.values[fieldIndex.get(f.key)!];
        const t = theirsOf(f, line[col] ?? null, rowNo, col);
        if (!t.ok) continue;
        const o = current ? f.col.get(current, ctx) : b;
        const kind = classify(b, t.value, o);
        if (kind === 'ours') oursOnly++;
        if (kind) cells.push(makeCell(f, columnLetter(col), kind, b, t.value, o, ctx));
      }
      const oursHours = current && periods.length ? hoursRow(current, periods, oursCal) : null;
      const baseHours = base.alloc && periods.length ? hoursRow({ ...base.alloc }, periods, baseCal) : null;
      periods.forEach((p, i) => {
        const col = header.columns.get(p.label);
        if (col === undefined) return;
        const cell = line[col] ?? null;
        const tv = cell === null || cell === '' ? 0 : typeof cell === 'number' ? cell : Number(cellText(cell).replace(',', '.'));
        if (!Number.isFinite(tv) || tv < 0) {
          issues.push({ sheet: sheet.name, row: rowNo, column: columnLetter(col), header: p.label, severity: 'error', message: `"${cellText(cell)}" is not a number of hours; the cell was left out of the merge`, value: cellText(cell) });
          return;
        }
        const b = baseHours ? baseHours[i]! : 0;
        const o = oursHours ? oursHours[i]! : b;
        const kind = classify(b, tv, o);
        if (kind === 'ours') oursOnly++;
        if (!kind) return;
        const key = `period:${p.start}`;
        rowPeriods[key] = p;
        cells.push({ field: key, label: p.label, column: columnLetter(col), kind, base: b, theirs: tv, ours: o, baseText: hours(b), theirsText: hours(tv), oursText: hours(o) });
      });
      const actionable = cells.filter((c) => c.kind === 'theirs' || c.kind === 'conflict');
      if (!actionable.length) {
        unchanged++;
        continue;
      }
      const label = current ? newLabel(snap.kind, current, ctx) : newLabel(snap.kind, Object.fromEntries(snap.fields.map((k, i) => [k, base.values[i]])), ctx);
      rows.push({
        key: `${sheet.name}|${id}`,
        sheet: sheet.name,
        kind: snap.kind,
        change: 'changed',
        row: rowNo,
        recordId: id,
        label,
        cells: actionable,
        ...(current ? {} : { goneHere: true }),
        ...(Object.keys(rowPeriods).length ? { periods: rowPeriods } : {}),
      });
    }

    // Rows sent and not returned: removed in the file.
    for (const r of snap.rows) {
      if (seen.has(r.id)) continue;
      const current = state.get(entity, r.id) as (Record<string, unknown> & { id: string }) | undefined;
      if (!current) continue;
      rows.push({ key: `${snap.name}|${r.id}`, sheet: snap.name, kind: snap.kind, change: 'deleted', recordId: r.id, label: newLabel(snap.kind, current, ctx), cells: [] });
    }
    void byKey;
  }
  return { fileName: source.fileName, exportId: snapshot.exportId, exportedAt: snapshot.exportedAt, workbookName: snapshot.workbookName, rows, issues, unchanged, oursOnly };
}

/**
 * The file names projects and people as they were at the export ("PRJ-001 CRM replacement" on
 * every milestone and allocation row): a record renamed since, here or in the file's own row,
 * is still found by that name, so a rename does not make its children's cells unreadable.
 */
function withExportedLabels(ctx: ColumnContext, snapshot: ExportSnapshot): ColumnContext {
  const exported = new Map<OptionSource, Option[]>();
  for (const s of snapshot.sheets) {
    const source: OptionSource | null = s.kind === 'project' ? 'project' : s.kind === 'resource' ? 'resource' : null;
    const name = s.fields.indexOf('name');
    if (!source || name < 0) continue;
    const code = source === 'project' ? s.fields.indexOf('code') : -1;
    const list = exported.get(source) ?? [];
    for (const r of s.rows) {
      const label = [code >= 0 ? r.values[code] : null, r.values[name]].filter((v) => typeof v === 'string' && v !== '').join(' ');
      if (label) list.push({ value: r.id, label });
    }
    exported.set(source, list);
  }
  if (!exported.size) return ctx;
  const cache = new Map<OptionSource, Option[]>();
  return {
    ...ctx,
    options(source) {
      const own = ctx.options(source);
      const extra = exported.get(source);
      if (!extra) return own;
      let list = cache.get(source);
      if (!list) {
        // Only records that still exist, and never a label that now names another record.
        const ids = new Set(own.map((o) => o.value));
        const labels = new Set(own.map((o) => matchKey(o.label)));
        list = [...own, ...extra.filter((o) => ids.has(o.value) && !labels.has(matchKey(o.label)))];
        cache.set(source, list);
      }
      return list;
    },
  };
}

function classify(base: unknown, theirs: unknown, ours: unknown): CellKind | null {
  const theirsChanged = !same(theirs, base);
  const oursChanged = !same(ours, base);
  if (theirsChanged && !oursChanged) return 'theirs';
  if (theirsChanged && oursChanged) return same(theirs, ours) ? 'both' : 'conflict';
  if (oursChanged) return 'ours';
  return null;
}

function hours(n: number): string {
  return n ? String(Math.round(n * 100) / 100) : '';
}

function makeCell(f: ExchangeField, column: string, kind: CellKind, base: unknown, theirs: unknown, ours: unknown, ctx: ColumnContext): MergeCell {
  const text = (v: unknown) => (v === null || v === undefined ? '' : formatCell(f.col, v, ctx, 'display'));
  return { field: f.key, label: f.label, column, kind, base, theirs, ours, baseText: text(base), theirsText: text(theirs), oursText: text(ours) };
}

function newLabel(kind: ImportKind, r: Record<string, unknown>, ctx: ColumnContext): string {
  switch (kind) {
    case 'project':
      return [r['code'], r['name']].filter(Boolean).join(' ');
    case 'raid':
      return [r['code'], r['title']].filter(Boolean).join(' ');
    case 'allocation': {
      const who = labelOf(ctx, 'resource', r['resourceId']) || labelOf(ctx, 'role', r['roleId']);
      const p = labelOf(ctx, 'project', r['projectId']);
      return `${who} on ${p}`;
    }
    case 'status':
      return [labelOf(ctx, 'project', r['projectId']), r['period']].filter(Boolean).join(' ');
    default:
      return String(r['name'] ?? '');
  }
}

/**
 * The operations of a merge with the user's decisions. Allocation grid rows whose hours change
 * in some periods are re-cut into allocations of constant hours (the first keeps the record).
 */
export function mergeOps(state: WorkbookState, diff: MergeDiff, decisions: MergeDecisions, newId: () => string): { ops: Op[]; cells: number; added: number; deleted: number; label: string } {
  const ops: Op[] = [];
  let cells = 0;
  let added = 0;
  let deleted = 0;
  for (const row of diff.rows) {
    const entity = KIND_ENTITY[row.kind];
    if (row.change === 'new') {
      if (decisions.get(row.key) === false || !row.record) continue;
      ops.push({ op: 'create', entity, record: { ...row.record, id: newId() } });
      added++;
      continue;
    }
    if (row.change === 'deleted') {
      if (decisions.get(row.key) === true && row.recordId && state.has(entity, row.recordId)) {
        ops.push({ op: 'delete', entity, id: row.recordId });
        deleted++;
      }
      continue;
    }
    if (!row.recordId || !state.has(entity, row.recordId)) continue;
    const taken = row.cells.filter((c) => decisions.get(cellKey(row, c.field)) === true);
    if (!taken.length) continue;
    cells += taken.length;
    const changes: Record<string, unknown> = {};
    const periodHours = new Map<string, number>();
    for (const c of taken) {
      if (c.field.startsWith('period:')) periodHours.set(c.field, Number(c.theirs));
      else changes[c.field] = c.theirs;
    }
    if (Object.keys(changes).length) ops.push({ op: 'update', entity, id: row.recordId, changes });
    if (periodHours.size && row.kind === 'allocation') ops.push(...recut(state, row, periodHours, newId));
  }
  const n = (k: number, one: string, many: string) => (k ? [`${k} ${k === 1 ? one : many}`] : []);
  const what = [...n(cells, 'cell', 'cells'), ...n(added, 'new row', 'new rows'), ...n(deleted, 'deletion', 'deletions')].join(', ') || 'nothing';
  return { ops, cells, added, deleted, label: `Merge ${what} from ${diff.fileName}` };
}

/** New hours for some periods of an allocation → the allocations that give exactly those hours. */
function recut(state: WorkbookState, row: MergeRow, changed: Map<string, number>, newId: () => string): Op[] {
  const a = state.get('allocation', row.recordId!) as (Record<string, unknown> & { id: string }) | undefined;
  if (!a) return [];
  const spans = recutSpans(
    { start: String(a['start']), end: String(a['end']), hours: allocationRate(a, state.settings.hoursPerFte) },
    [...changed].map(([k, hours]) => ({ period: row.periods![k]!, hours })),
  );
  return recutOps(a, spans, newId);
}

export type { SnapshotSheet };
