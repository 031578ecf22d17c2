// The `pmo` commands themselves (main/cli/pmo.ts parses the arguments). Kept apart and loaded
// with import() only when a command runs, because loading them evaluates SheetJS, the zod schemas
// and most of shared/: `pmo --help` and a usage error must not wait for that.
import { readFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { atomicWriteSync as writeFileAtomic } from '../atomic-write';
import { readSpreadsheet } from '../../shared/exchange/read/read';
import { analyseWorkbook, previewImport, type SheetProposal } from '../../shared/exchange/analyse';
import { buildExport, csvTable } from '../../shared/exchange/export';
import { writeXlsx } from '../../shared/exchange/xlsx/writer';
import { toCsv } from '../../shared/exchange/csv-write';
import { IMPORT_KINDS, KIND_LABELS } from '../../shared/exchange/fields';
import { applyMappingFile } from '../../shared/exchange/mapping-file';
import { applyPlan } from '../../shared/commands/plan';
import { planNewWorkbook } from '../../shared/commands/new-workbook';
import { WorkbookState } from '../../shared/commands/state';
import { parseWorkbookText, serializeWorkbook } from '../../shared/file/pmowb';
import { defaultSettings } from '../../shared/model/workbook';
import type { CustomFieldDef, Settings } from '../../shared/model/schemas';
import { columnLetter, type SourceWorkbook } from '../../shared/exchange/source';
import { createIdGenerator } from '../../shared/util/ids';
import { localToday } from '../../shared/calendar';
import { UsageError, type ExportCommand, type ImportCommand, type InspectCommand, type Io } from './args';

function random(): number {
  return randomBytes(4).readUInt32BE(0) / 4294967296;
}

function loadWorkbook(path: string): WorkbookState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${path} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseWorkbookText(text, basename(path));
  if (!parsed.ok) throw new UsageError(parsed.reason);
  const p = planNewWorkbook(parsed.workbook, { newId: createIdGenerator({ now: () => Date.now(), random }), now: () => new Date().toISOString(), origin: 'open', label: 'Open' });
  return new WorkbookState(p.workbook, p.rows);
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
    if (p.mapping.periods) io.out(`  ${p.mapping.periods.kind} grid: ${p.mapping.periods.columns.length} columns, ${p.mapping.periods.columns[0]?.label} … ${p.mapping.periods.columns.at(-1)?.label}`);
  }
  return 0;
}

export function importCmd({ file, into, mapping, dryRun, json }: ImportCommand, io: Io): number {
  const state = loadWorkbook(into);
  const source = readSource(file);
  const customFields = state.all('customField');
  let proposals = analyseWorkbook(source, state.settings, customFields);
  if (mapping !== undefined) proposals = readMappingFile(proposals, mapping, state.settings, customFields, source);
  if (!proposals.some((p) => p.include)) throw new UsageError(`${source.fileName}: no sheet looks like projects, milestones, people, allocations or RAID items; give a --mapping file`);
  const newId = createIdGenerator({ now: () => io.now().getTime(), random });
  const { report, result } = previewImport(state, source, proposals, { newId, now: () => io.now().toISOString(), today: localToday(io.now()) });
  const failed = report.rows.filter((r) => r.status === 'skipped' && !/^(blank row|header row|title|totals|note|repeated header)/.test(r.reason ?? ''));
  if (json) io.out(JSON.stringify(report, null, 2));
  else {
    const c = report.counts;
    io.out(`${source.fileName} → ${basename(into)}: ${c.rows} rows: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped; ${c.errors} errors, ${c.warnings} warnings`);
    for (const m of report.matchRules) io.out(`  ${m.sheet}: rows matched ${m.rule}`);
    for (const cr of report.creates) io.out(`  creates ${cr.entity} "${cr.label}"`);
    for (const r of report.rows) if (r.status === 'skipped') io.out(`  ${r.sheet}!${r.row}: skipped: ${r.reason}`);
    for (const i of report.issues) io.out(`  ${i.sheet}!${i.column}${i.row}${i.header ? ` (${i.header})` : ''}: ${i.severity}: ${i.message}`);
  }
  if (!dryRun && result.plan) {
    applyPlan(state, result.plan);
    const text = serializeWorkbook({ id: state.id, settings: state.settings, records: state.records() }, { exportedAt: io.now().toISOString(), appVersion: 'pmo-cli' });
    writeFileAtomic(into, new TextEncoder().encode(text));
    if (!json) io.out(`Wrote ${into}`);
  } else if (!json) io.out(dryRun ? 'Dry run: nothing written.' : 'Nothing to write.');
  return failed.length ? 1 : 0;
}

export function exportCmd({ workbook: path, xlsx, csv, grid }: ExportCommand, io: Io): number {
  const state = loadWorkbook(path);
  const today = localToday(io.now());
  if (xlsx !== undefined) {
    const newId = createIdGenerator({ now: () => io.now().getTime(), random });
    const { workbook } = buildExport(state, { exportId: newId(), exportedAt: io.now().toISOString(), today, grid });
    writeFileAtomic(xlsx, writeXlsx(workbook));
    io.out(`Wrote ${xlsx}`);
  }
  if (csv !== undefined) {
    mkdirSync(csv, { recursive: true });
    for (const kind of IMPORT_KINDS) {
      const t = csvTable(state, kind, today);
      const out = join(csv, `${KIND_LABELS[kind].sheet}.csv`);
      writeFileAtomic(out, new TextEncoder().encode(toCsv(t.header, t.rows, { bom: true })));
      io.out(`Wrote ${out} (${t.rows.length} rows)`);
    }
  }
  return 0;
}
