// Spreadsheet exchange off the UI thread: reading a client workbook (SheetJS parse, range
// clamping, zip checks), proposing mappings, planning and validating the import against a copy
// of the open workbook, diffing a returned export, and writing exports. The page keeps only
// what it shows; a 50k-row file never blocks the window.
import { WorkbookState } from '../../shared/commands/state';
import type { StoredRecord, StoredWorkbook } from '../../shared/commands/types';
import type { Plan, PlanResult } from '../../shared/commands/plan';
import { createIdGenerator } from '../../shared/util/ids';
import { readSpreadsheet } from '../../shared/exchange/read/read';
import type { SourceCell, SourceWorkbook } from '../../shared/exchange/source';
import { analyseWorkbook, previewImport, remapForKind, type RememberedMapping, type SheetProposal } from '../../shared/exchange/analyse';
import { buildExport, csvTable, type ExportSnapshot, type GridUnit } from '../../shared/exchange/export';
import { diffReturnedWorkbook, exportSnapshotOf, type MergeDiff } from '../../shared/exchange/merge';
import { describeTextLosses, writeXlsxReport } from '../../shared/exchange/xlsx/writer';
import { describeCsvLeftOut, toCsv, toCsvForPeople } from '../../shared/exchange/csv-write';
import type { ImportKind } from '../../shared/exchange/fields';
import type { ImportReport } from '../../shared/exchange/import';

/** Which CSV: for re-import (the default) or for people to read. */
export type CsvStyle = 'reimport' | 'people';

export interface SheetSummary {
  name: string;
  rowCount: number;
  width: number;
  hidden: boolean;
  /** The first rows, for the wizard's preview. */
  preview: SourceCell[][];
}

export interface ReadSummary {
  fileName: string;
  format: SourceWorkbook['format'];
  notes: string[];
  sheets: SheetSummary[];
  proposals: SheetProposal[];
  /** Set when the file is one of our exports: it merges instead of importing. */
  snapshot?: Pick<ExportSnapshot, 'exportId' | 'exportedAt' | 'workbookId' | 'workbookName'>;
  snapshotError?: string;
}

/** One part of an import plan: the records to write and their journal entries. */
export interface PlanSlice {
  puts: Plan['puts'];
  entries: Plan['entries'];
}

/**
 * The worker's protocol, declared once as request → reply (as shared/ipc/contract.ts does for
 * IPC): the page's `call` takes its reply type from here, and the worker's `reply` is checked
 * against it.
 */
export interface ExchangeProtocol {
  state: { request: { meta: StoredWorkbook; rows: StoredRecord[]; last: boolean }; reply: null };
  read: { request: { name: string; bytes: Uint8Array; remembered: Record<string, RememberedMapping> }; reply: ReadSummary };
  remap: { request: { sheet: string; kind: ImportKind }; reply: SheetProposal };
  /** The report's first part, with the full lengths of its rows and issues. */
  preview: { request: { proposals: SheetProposal[]; today: string }; reply: { report: ImportReport; rows: number; issues: number } };
  /** The plan with its first part, and how many parts there are. */
  'take-plan': { request: Record<never, never>; reply: { result: PlanResult; parts: number } };
  'take-plan-part': { request: { part: number }; reply: PlanSlice };
  'report-part': { request: { what: 'rows' | 'issues'; from: number }; reply: ImportReport['rows'] | ImportReport['issues'] };
  diff: { request: { today: string }; reply: MergeDiff };
  /** The file, and what it could not hold (characters spreadsheets cannot store), said for the user; null when nothing. */
  'export-xlsx': { request: { grid: GridUnit; exportId: string; exportedAt: string; today: string }; reply: { bytes: Uint8Array; warning: string | null } };
  /** 'reimport': formula-like text behind an apostrophe, with record ids; 'people': neither, formula-like cells left empty and named in `warning`. */
  'export-csv': { request: { kind: ImportKind; today: string; style: CsvStyle }; reply: { bytes: Uint8Array; warning: string | null } };
}

export type ExchangeRequestType = keyof ExchangeProtocol;
export type ExchangeRequestOf<K extends ExchangeRequestType> = { type: K } & ExchangeProtocol[K]['request'];
export type ExchangeRequest = { [K in ExchangeRequestType]: ExchangeRequestOf<K> }[ExchangeRequestType];
export type ExchangeReply<K extends ExchangeRequestType> = ExchangeProtocol[K]['reply'];

export type ExchangeResponse =
  | { type: 'progress'; stage: string; fraction: number | null }
  | { type: 'ok'; value: ExchangeReply<ExchangeRequestType> }
  | { type: 'error'; message: string };

let state: WorkbookState | null = null;
let rows: StoredRecord[] = [];
let source: SourceWorkbook | null = null;
let snapshot: ExportSnapshot | null = null;
let lastPlan: PlanResult | null = null;
const PLAN_PART = 5_000;
const REPORT_PART = 5_000;
let lastReport: ImportReport | null = null;

function random(): number {
  const b = new Uint32Array(1);
  crypto.getRandomValues(b);
  return b[0]! / 4294967296;
}
const newId = createIdGenerator({ now: () => Date.now(), random });
const clock = { newId, now: () => new Date().toISOString() };

const post = (m: ExchangeResponse, transfer: Transferable[] = []) => postMessage(m, { transfer });
/** Answers a request of type K with the reply its protocol entry declares. */
const reply = <K extends ExchangeRequestType>(_type: K, value: ExchangeReply<K>, transfer: Transferable[] = []) => post({ type: 'ok', value }, transfer);
const progress = (stage: string, fraction: number | null) => post({ type: 'progress', stage, fraction });

function planSlice(plan: Plan, part: number): PlanSlice {
  const from = part * PLAN_PART;
  return { puts: plan.puts.slice(from, from + PLAN_PART), entries: plan.entries.slice(from, from + PLAN_PART) };
}

function need<T>(v: T | null, what: string): T {
  if (v === null) throw new Error(`No ${what} loaded`);
  return v;
}

onmessage = (event: MessageEvent<ExchangeRequest>) => {
  const req = event.data;
  try {
    switch (req.type) {
      case 'state': {
        rows.push(...req.rows);
        if (req.last) {
          state = new WorkbookState(req.meta, rows);
          rows = [];
        }
        return reply('state', null);
      }
      case 'read': {
        progress('Checking the file', null);
        const result = readSpreadsheet(req.bytes, req.name, {
          onProgress: (phase, done, total) => progress(phase === 'checking' ? 'Checking the file' : phase === 'parsing' ? 'Reading the workbook' : 'Reading rows', total ? done / total : null),
        });
        if (!result.ok) return post({ type: 'error', message: result.reason });
        source = result.workbook;
        const st = need(state, 'workbook');
        const snap = exportSnapshotOf(source);
        snapshot = snap && !('error' in snap) ? snap : null;
        progress('Finding the tables', null);
        const remembered = new Map(Object.entries(req.remembered));
        const proposals = analyseWorkbook(source, st.settings, st.all('customField'), (layout) => remembered.get(layout));
        const summary: ReadSummary = {
          fileName: source.fileName,
          format: source.format,
          notes: source.notes,
          sheets: source.sheets.map((s) => ({ name: s.name, rowCount: s.rows.length, width: s.width, hidden: s.hidden, preview: s.rows.slice(0, 60).map((r) => r.slice(0, 40)) })),
          proposals,
          ...(snapshot ? { snapshot: { exportId: snapshot.exportId, exportedAt: snapshot.exportedAt, workbookId: snapshot.workbookId, workbookName: snapshot.workbookName } } : {}),
          ...(snap && 'error' in snap ? { snapshotError: snap.error } : {}),
        };
        return reply('read', summary);
      }
      case 'remap': {
        const st = need(state, 'workbook');
        const src = need(source, 'file');
        // Only the sheet asked about is analysed again.
        const base = analyseWorkbook({ ...src, sheets: src.sheets.filter((x) => x.name === req.sheet) }, st.settings, st.all('customField'))[0];
        if (!base) throw new Error(`Sheet ${req.sheet} is not in the file`);
        return reply('remap', remapForKind(base, req.kind, src, st.settings, st.all('customField')));
      }
      case 'preview': {
        progress('Checking every row', null);
        const { report, result } = previewImport(need(state, 'workbook'), need(source, 'file'), req.proposals, { ...clock, today: req.today });
        lastPlan = result;
        lastReport = report;
        // The first part now, the rest on request: a 50k-row report sent at once would be one
        // long task on the page while it is deserialised.
        return reply('preview', { report: { ...report, rows: report.rows.slice(0, REPORT_PART), issues: report.issues.slice(0, REPORT_PART) }, rows: report.rows.length, issues: report.issues.length });
      }
      case 'report-part': {
        const r = need(lastReport, 'import report');
        return reply('report-part', req.what === 'rows' ? r.rows.slice(req.from, req.from + REPORT_PART) : r.issues.slice(req.from, req.from + REPORT_PART));
      }
      // In parts: the page deserialises each message on its own thread, so a 50k-record plan
      // sent at once would be one long task there.
      case 'take-plan': {
        const result = need(lastPlan, 'import plan');
        const plan = result.plan;
        if (!plan) return reply('take-plan', { result, parts: 1 });
        const parts = Math.max(1, Math.ceil(Math.max(plan.puts.length, plan.entries.length) / PLAN_PART));
        return reply('take-plan', { result: { ...result, plan: { ...plan, ...planSlice(plan, 0) } }, parts });
      }
      case 'take-plan-part': {
        const plan = need(lastPlan, 'import plan').plan;
        if (!plan) throw new Error('The import plan has no parts');
        const parts = Math.max(1, Math.ceil(Math.max(plan.puts.length, plan.entries.length) / PLAN_PART));
        if (req.part >= parts - 1) lastPlan = null;
        return reply('take-plan-part', planSlice(plan, req.part));
      }
      case 'diff': {
        progress('Comparing cells', null);
        const diff: MergeDiff = diffReturnedWorkbook(need(state, 'workbook'), need(source, 'file'), need(snapshot, 'export snapshot'), { today: req.today });
        return reply('diff', diff);
      }
      case 'export-xlsx': {
        progress('Building the sheets', null);
        const { workbook } = buildExport(need(state, 'workbook'), { exportId: req.exportId, exportedAt: req.exportedAt, today: req.today, grid: req.grid });
        progress('Writing the file', null);
        const { bytes, losses } = writeXlsxReport(workbook);
        return reply('export-xlsx', { bytes, warning: describeTextLosses(losses) }, [bytes.buffer]);
      }
      case 'export-csv': {
        const people = req.style === 'people';
        const t = csvTable(need(state, 'workbook'), req.kind, req.today, { ids: !people });
        const out = people ? toCsvForPeople(t.header, t.rows, { bom: true }) : { text: toCsv(t.header, t.rows, { bom: true }), leftOut: [] };
        const bytes = new TextEncoder().encode(out.text);
        return reply('export-csv', { bytes, warning: describeCsvLeftOut(out.leftOut) }, [bytes.buffer]);
      }
    }
  } catch (e) {
    post({ type: 'error', message: (e as Error).message || String(e) });
  }
};
