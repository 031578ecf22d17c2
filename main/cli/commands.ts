// The `pmo` commands themselves (main/cli/pmo.ts parses the arguments). Kept apart and loaded
// with import() only when a command runs, because loading them evaluates SheetJS, the zod schemas
// and most of shared/: `pmo --help` and a usage error must not wait for that.
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { atomicCreateSync as writeFileCreate, atomicWriteSync as writeFileAtomic } from '../atomic-write';
import { readSpreadsheet } from '../../shared/exchange/read/read';
import { analyseWorkbook, previewImport, type SheetProposal } from '../../shared/exchange/analyse';
import { buildExport, csvTable, type ExportSnapshot } from '../../shared/exchange/export';
import { cellKey, defaultDecisions, diffReturnedWorkbook, exportSnapshotOf, mergeChoice, mergeOps } from '../../shared/exchange/merge';
import { describeTextLosses, writeXlsxReport } from '../../shared/exchange/xlsx/writer';
import { describeCsvLeftOut, toCsv, toCsvForPeople } from '../../shared/exchange/csv-write';
import { IMPORT_KINDS, KIND_LABELS } from '../../shared/exchange/fields';
import { applyMappingFile } from '../../shared/exchange/mapping-file';
import { GRID_UNIT_PHRASE } from '../../shared/exchange/grid-unit';
import { applyPlan, planChange } from '../../shared/commands/plan';
import { planNewWorkbook } from '../../shared/commands/new-workbook';
import { WorkbookState } from '../../shared/commands/state';
import { FILE_EXTENSION, parseWorkbookText, serializeWorkbook, type WorkbookFile } from '../../shared/file/pmowb';
import { defaultSettings, emptyRecords } from '../../shared/model/workbook';
import type { CustomFieldDef, Settings } from '../../shared/model/schemas';
import { columnLetter, type SourceWorkbook } from '../../shared/exchange/source';
import { createIdGenerator } from '../../shared/util/ids';
import { localToday } from '../../shared/calendar';
import { UsageError, type ExportCommand, type ImportCommand, type InspectCommand, type Io } from './args';

function random(): number {
  return randomBytes(4).readUInt32BE(0) / 4294967296;
}

interface OpenWorkbook {
  state: WorkbookState;
  /** Record kinds of a newer version, kept so that saving loses nothing. */
  extra?: Record<string, unknown>;
}

function stateOf(data: WorkbookFile, origin: 'open' | 'create'): WorkbookState {
  const p = planNewWorkbook(data, { newId: createIdGenerator({ now: () => Date.now(), random }), now: () => new Date().toISOString(), origin, label: origin === 'open' ? 'Open' : 'New workbook' });
  return new WorkbookState(p.workbook, p.rows);
}

function openWorkbook(path: string): OpenWorkbook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${path} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseWorkbookText(text, basename(path));
  if (!parsed.ok) throw new UsageError(parsed.reason);
  return { state: stateOf(parsed.workbook, 'open'), ...(parsed.workbook.extra ? { extra: parsed.workbook.extra } : {}) };
}

function loadWorkbook(path: string): WorkbookState {
  return openWorkbook(path).state;
}

function readSource(path: string) {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new UsageError(`${path} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const r = readSpreadsheet(bytes, basename(path));
  if (!r.ok) throw new UsageError(r.reason);
  return r.workbook;
}

function readMappingFile(proposals: SheetProposal[], path: string, settings: Settings, customFields: CustomFieldDef[], source: SourceWorkbook): SheetProposal[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`${path} is not a readable JSON mapping: ${(e as Error).message}`);
  }
  const r = applyMappingFile(json, proposals, { fileName: path, settings, customFields, source });
  if (!r.ok) throw new UsageError(r.errors.join('\n'));
  return r.proposals;
}

export function inspect({ file, json }: InspectCommand, io: Io): number {
  const source = readSource(file);
  const settings = defaultSettings('Inspect');
  const proposals = analyseWorkbook(source, settings, []);
  if (json) {
    io.out(JSON.stringify({ file: source.fileName, format: source.format, date1904: source.date1904, notes: source.notes, sheets: proposals.map((p) => ({ sheet: p.sheet, include: p.include, kind: p.kind, kindReason: p.kindReason, headerRow: p.mapping.headerRow + 1, firstDataRow: p.mapping.firstDataRow + 1, lastDataRow: p.mapping.lastDataRow + 1, headers: p.headers, columns: p.suggestions.map((s) => ({ column: columnLetter(s.column), header: p.headers[s.column] ?? '', field: s.field, reason: s.reason, ...(s.scale ? { scale: s.scale } : {}) })), periods: p.mapping.periods ?? null, skipped: p.skipped.map((s) => ({ row: s.row + 1, reason: s.reason })) })) }, null, 2));
    return 0;
  }
  io.out(`${source.fileName} (${source.format}${source.date1904 ? ', 1904 date system' : ''})`);
  for (const n of source.notes) io.out(`  note: ${n}`);
  for (const p of proposals) {
    io.out('');
    io.out(`Sheet "${p.sheet}": ${p.include ? KIND_LABELS[p.kind].plural : `not imported by default (looks like ${KIND_LABELS[p.kind].plural.toLowerCase()}?)`} — ${p.kindReason}`);
    io.out(`  header row ${p.mapping.headerRow + 1}, data rows ${p.mapping.firstDataRow + 1}–${p.mapping.lastDataRow + 1}`);
    for (const s of p.skipped) io.out(`  row ${s.row + 1} skipped: ${s.reason}${s.text ? ` (${s.text})` : ''}`);
    for (const s of p.suggestions) {
      const h = p.headers[s.column] ?? '';
      io.out(`  ${columnLetter(s.column).padEnd(3)} ${JSON.stringify(h).padEnd(28)} → ${(s.field ?? '(ignored)').padEnd(18)} ${s.reason}${s.scale ? ` ×${s.scale}` : ''}`);
    }
    if (p.mapping.periods) {
      io.out(`  ${p.mapping.periods.kind} grid: ${p.mapping.periods.columns.length} columns, ${p.mapping.periods.columns[0]?.label} … ${p.mapping.periods.columns.at(-1)?.label}; cells hold ${GRID_UNIT_PHRASE[p.mapping.periods.unit ?? 'hours-per-week']}${p.gridUnit ? ` (${p.gridUnit.reason})` : ''}`);
      for (const n of p.gridNotes ?? []) io.out(`  ${n}`);
    }
  }
  return 0;
}

/** The workbook `into` names: opened, or (when there is no such file) a new empty one, not yet written. */
function openOrNew({ into, create, file }: ImportCommand): OpenWorkbook & { created: boolean } {
  const given = Object.keys(create).map((k) => `--${k === 'dateOrder' ? 'date-order' : k}`);
  if (existsSync(into)) {
    if (given.length) throw new UsageError(`${given.join(', ')} ${given.length === 1 ? 'sets' : 'set'} up a new workbook, and ${into} exists: its settings are left as they are (change them in the app's Settings). Leave ${given.length === 1 ? 'it' : 'them'} out to import into it.`);
    return { ...openWorkbook(into), created: false };
  }
  if (!into.toLowerCase().endsWith(FILE_EXTENSION)) throw new UsageError(`${into} does not exist; to create a workbook, name it ${FILE_EXTENSION}`);
  if (!existsSync(dirname(resolve(into)))) throw new UsageError(`${into} cannot be created: the folder ${dirname(resolve(into))} does not exist`);
  const name = create.name ?? (basename(file).replace(/\.[^.]+$/, '').trim().slice(0, 100) || 'Untitled portfolio');
  const settings = defaultSettings(name, { ...(create.currency ? { currency: create.currency } : {}), ...(create.dateOrder ? { dateOrder: create.dateOrder } : {}) });
  const id = createIdGenerator({ now: () => Date.now(), random })();
  return { state: stateOf({ id, settings, records: emptyRecords() }, 'create'), created: true };
}

function save(into: string, wb: OpenWorkbook & { created: boolean }, io: Io) {
  const { state, extra } = wb;
  const text = serializeWorkbook({ id: state.id, settings: state.settings, records: state.records(), ...(extra ? { extra } : {}) }, { exportedAt: io.now().toISOString(), appVersion: 'pmo-cli' });
  const bytes = new TextEncoder().encode(text);
  // A new workbook never replaces a file that appeared meanwhile; an existing one is replaced whole.
  try {
    if (wb.created) writeFileCreate(into, bytes);
    else writeFileAtomic(into, bytes);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function importCmd(cmd: ImportCommand, io: Io): number {
  const { file, into, mapping, dryRun, json } = cmd;
  const wb = openOrNew(cmd);
  const { state } = wb;
  const source = readSource(file);
  const snap = exportSnapshotOf(source);
  const choice = mergeChoice(snap, state.id);
  if (choice.merge) {
    if (mapping !== undefined) throw new UsageError(`--mapping does not apply: ${source.fileName} is an export of this workbook, merged cell by cell by its hidden record ids. Leave out --mapping.`);
    return mergeCmd(cmd, wb, source, snap as ExportSnapshot, io);
  }
  const notes = [...(choice.note ? [choice.note] : []), ...(wb.created ? [`${into} does not exist: a new workbook “${state.settings.name}” (${state.settings.currency}, dates ${state.settings.dateOrder}) is created.`] : [])];
  const customFields = state.all('customField');
  let proposals = analyseWorkbook(source, state.settings, customFields);
  if (mapping !== undefined) proposals = readMappingFile(proposals, mapping, state.settings, customFields, source);
  if (!proposals.some((p) => p.include)) throw new UsageError(`${source.fileName}: no sheet looks like projects, milestones, people, allocations or RAID items; give a --mapping file`);
  const newId = createIdGenerator({ now: () => io.now().getTime(), random });
  const { report, result } = previewImport(state, source, proposals, { newId, now: () => io.now().toISOString(), today: localToday(io.now()) });
  // Failed: rows of data not imported (layout rows — titles, headers, totals, blanks — are not data).
  const failed = report.rows.filter((r) => r.status === 'skipped' && !r.layout);
  if (json) io.out(JSON.stringify({ ...report, mode: 'import', notes }, null, 2));
  else {
    const c = report.counts;
    for (const n of notes) io.out(`note: ${n}`);
    io.out(`${source.fileName} → ${basename(into)}: ${c.rows} rows: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.notImported} rows of data not imported, ${c.layout} set aside as layout; ${c.errors} errors (${c.cellsNotRead} cells not read on imported rows), ${c.warnings} warnings`);
    for (const m of report.matchRules) io.out(`  ${m.sheet}: rows matched ${m.rule}`);
    for (const cr of report.creates) io.out(`  creates ${cr.entity} "${cr.label}"`);
    // Status sheets with latestToProject: what each project's newest report sets on it.
    const latest = report.latest ?? [];
    for (const l of latest) if (l.note || l.changes.length) io.out(`  ${l.project}: ${l.note ?? `set from its ${l.period} report (${l.sheet}!${l.row}): ${l.changes.map((ch) => `${ch.label} ${quoted(ch.beforeText ?? '')} → ${quoted(ch.afterText ?? '')}`).join(', ')}`}`);
    const same = latest.filter((l) => !l.note && !l.changes.length).length;
    if (same) io.out(`  ${plural(same, 'project')} already show${same === 1 ? 's' : ''} ${same === 1 ? 'its' : 'their'} newest report's RAG and narrative`);
    for (const r of report.rows) if (r.status === 'skipped') io.out(`  ${r.sheet}!${r.row}: ${r.layout ? 'set aside' : 'not imported'}: ${r.reason}`);
    for (const i of report.issues) io.out(`  ${i.sheet}!${i.column}${i.row}${i.header ? ` (${i.header})` : ''}: ${i.outcome === 'cell-not-read' ? 'cell not read' : i.outcome === 'row-not-imported' ? 'error, row not imported' : i.severity}: ${i.message}`);
  }
  if (!dryRun && (result.plan || wb.created)) {
    if (result.plan) applyPlan(state, result.plan);
    save(into, wb, io);
    if (!json) io.out(`Wrote ${into}`);
  } else if (!json) io.out(dryRun ? 'Dry run: nothing written.' : 'Nothing to write.');
  return failed.length ? 1 : 0;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const quoted = (s: string) => (s === '' ? '(blank)' : JSON.stringify(s));

/**
 * One of this workbook's exports, come back: the app's merge review, as text. The diff, the
 * default decisions and the operations are the app's (shared/exchange/merge.ts); --conflicts
 * and --deletions stand for the ticks a user would change in the review.
 */
function mergeCmd(cmd: ImportCommand, wb: OpenWorkbook & { created: boolean }, source: SourceWorkbook, snapshot: ExportSnapshot, io: Io): number {
  const { into, dryRun, json, conflicts, deletions } = cmd;
  const { state } = wb;
  const diff = diffReturnedWorkbook(state, source, snapshot, { today: localToday(io.now()) });
  const decisions = defaultDecisions(diff);
  const conflicted = diff.rows.flatMap((row) => row.cells.filter((c) => c.kind === 'conflict').map((c) => ({ row, cell: c })));
  if (conflicts === 'file') for (const { row, cell } of conflicted) decisions.set(cellKey(row, cell.field), true);
  if (deletions === 'apply') for (const row of diff.rows) if (row.change === 'deleted') decisions.set(row.key, true);
  const changed = diff.rows.filter((r) => r.change === 'changed');
  const added = diff.rows.filter((r) => r.change === 'new');
  const deleted = diff.rows.filter((r) => r.change === 'deleted');
  const cells = changed.reduce((n, r) => n + r.cells.length, 0);
  const changes = cells + added.length + deleted.length;
  const errors = diff.issues.filter((i) => i.severity === 'error');
  const refuse = conflicts === 'fail' && conflicted.length > 0;
  const ids = createIdGenerator({ now: () => io.now().getTime(), random });
  const planned = refuse ? null : mergeOps(state, diff, decisions, ids);
  const result = planned && planned.ops.length ? planChange(state, planned.ops, { newId: ids, now: () => io.now().toISOString(), origin: 'merge', label: planned.label }) : null;
  const rejected = result && !result.plan ? result.rejected : [];
  const write = !dryRun && !refuse && result?.plan != null;

  if (json) {
    io.out(
      JSON.stringify(
        {
          mode: 'merge',
          file: diff.fileName,
          workbook: basename(into),
          exportId: diff.exportId,
          exportedAt: diff.exportedAt,
          changes,
          cells,
          newRows: added.length,
          deletedRows: deleted.length,
          conflicts: conflicted.length,
          unchanged: diff.unchanged,
          oursOnly: diff.oursOnly,
          rows: diff.rows.map(({ periods: _p, ...r }) => r),
          issues: diff.issues,
          applied: planned && !rejected.length ? { cells: planned.cells, added: planned.added, deleted: planned.deleted } : null,
          rejected,
          written: write,
        },
        null,
        2,
      ),
    );
  } else {
    const summary = changes
      ? `${plural(changes, 'change')}: ${plural(cells, 'cell')} in ${plural(changed.length, 'row')}, ${plural(added.length, 'new row')}, ${plural(deleted.length, 'row')} removed from the file`
      : '0 changes';
    io.out(`${diff.fileName} → ${basename(into)}: merged with this workbook's export of ${diff.exportedAt.slice(0, 16).replace('T', ' ')} (the file carries its snapshot): ${summary}; ${plural(diff.unchanged, 'row')} unchanged${conflicted.length ? `; ${plural(conflicted.length, 'conflict')}` : ''}`);
    if (diff.oursOnly) io.out(`  ${plural(diff.oursOnly, 'cell')} changed in the workbook since the export and not in the file: kept`);
    for (const row of diff.rows) {
      const at = `${row.sheet}${row.row ? `!${row.row}` : ''}`;
      if (row.change === 'changed') {
        io.out(`  changed ${at} ${row.label}${row.goneHere ? ' (deleted in the workbook since the export: not applied)' : ''}`);
        for (const c of row.cells) {
          if (c.kind === 'conflict') {
            const take = decisions.get(cellKey(row, c.field)) === true;
            io.out(`    ${c.label} (${c.column}): conflict: file ${quoted(c.theirsText)}, workbook ${quoted(c.oursText)}, was ${quoted(c.baseText)}: ${refuse ? 'refused (--conflicts fail)' : take ? "takes the file's (--conflicts file)" : "keeps the workbook's (--conflicts file takes the file's)"}`);
          } else io.out(`    ${c.label} (${c.column}): ${quoted(c.baseText)} → ${quoted(c.theirsText)}`);
        }
      } else if (row.change === 'new') {
        io.out(`  new ${at} ${row.label}: ${row.cells.map((c) => `${c.label} ${quoted(c.theirsText)}`).join(', ')}`);
      } else {
        io.out(`  deleted ${at} ${row.label}: not in the file; ${decisions.get(row.key) ? 'deleted (--deletions apply)' : 'kept (--deletions apply deletes it)'}`);
      }
    }
    for (const i of diff.issues) io.out(`  ${i.sheet}${i.row ? `!${i.column}${i.row}` : ''}${i.header ? ` (${i.header})` : ''}: ${i.severity}: ${i.message}`);
    for (const r of rejected) for (const p of r.problems) io.out(`  refused: ${p.message}`);
    if (refuse) io.out(`${plural(conflicted.length, 'conflict')} and --conflicts fail: nothing written. Use --conflicts ours to keep the workbook's values or --conflicts file to take the file's.`);
    else if (rejected.length) io.out('The merge was refused as a whole (see above): nothing written.');
    else if (dryRun) io.out(`Dry run: nothing written${planned?.ops.length ? ` (would merge ${planned.label.replace(/^Merge /, '')})` : ''}.`);
    else if (write) io.out(`${planned!.label}: wrote ${into}`);
    else io.out('Nothing to merge: nothing written.');
  }
  if (write) {
    applyPlan(state, result!.plan!);
    save(into, wb, io);
  }
  if (refuse) return 3;
  return errors.length || rejected.length ? 1 : 0;
}

export function exportCmd({ workbook: path, xlsx, csv, csvFor, grid }: ExportCommand, io: Io): number {
  const state = loadWorkbook(path);
  const today = localToday(io.now());
  if (xlsx !== undefined) {
    const newId = createIdGenerator({ now: () => io.now().getTime(), random });
    const { workbook } = buildExport(state, { exportId: newId(), exportedAt: io.now().toISOString(), today, grid });
    const { bytes, losses } = writeXlsxReport(workbook);
    writeFileAtomic(xlsx, bytes);
    io.out(`Wrote ${xlsx}`);
    const lost = describeTextLosses(losses);
    if (lost) io.err(`warning: ${lost}`);
  }
  if (csv !== undefined) {
    mkdirSync(csv, { recursive: true });
    for (const kind of IMPORT_KINDS) {
      const people = csvFor === 'people';
      const t = csvTable(state, kind, today, { ids: !people });
      const out = join(csv, `${KIND_LABELS[kind].sheet}.csv`);
      const written = people ? toCsvForPeople(t.header, t.rows, { bom: true }) : { text: toCsv(t.header, t.rows, { bom: true }), leftOut: [] };
      writeFileAtomic(out, new TextEncoder().encode(written.text));
      io.out(`Wrote ${out} (${t.rows.length} rows)`);
      const left = describeCsvLeftOut(written.leftOut);
      if (left) io.err(`warning: ${basename(out)}: ${left}`);
    }
  }
  return 0;
}
