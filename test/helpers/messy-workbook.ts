// A client-style workbook as people really send them, for the import wizard's end-to-end test:
// a title and an "as at" line above the table, a blank row, a merged group header over the
// header row, text dates, money typed every way ("$1,200.50", "1.2m", "(500)"), RAG words,
// a bad row, a blank row inside the table, a totals row and a source note under it; and a wide
// allocation grid (one column per ISO week) on a second sheet. The builder also says what the
// importer should make of every row, so a test can check the report row by row.
import * as XLSX from '@e965/xlsx';

export interface MessyProject {
  code: string;
  name: string;
  programme: string;
  manager: string;
  /** As typed in the file. */
  start: string;
  goLive: string;
  status: string;
  rag: string;
  /** Budget in thousands (the column is "Budget (£k)"). */
  budgetK: number | string;
  spent: number | string;
  /** What the import should store. */
  expect: { start: string; finish: string | null; budget: number; actualCost: number | null; rag: 'R' | 'A' | 'G' | null } | null;
}

export interface MessyWorkbook {
  bytes: Uint8Array;
  fileName: string;
  projects: MessyProject[];
  /** Per sheet: rows in the sheet (1-based numbers) and what the report should say of each. */
  sheets: { name: string; rows: number; expected: Map<number, 'new' | 'skipped'> }[];
  /** Rows of the Allocations grid: person, project code and hours per week column. */
  allocations: { person: string; project: string; hours: (number | null)[] }[];
  weeks: string[];
  /** The one project row that is not imported (1-based row number on the Portfolio sheet). */
  badRow: number;
  programmes: string[];
  people: string[];
}

const LONG = 'Enterprise resource planning consolidation and finance transformation programme, phase 2 (EMEA and APAC roll-out)';

/** The projects, as the client typed them. `expect` is what the import should store (null: the row is refused). */
function projects(): MessyProject[] {
  const p = (code: string, name: string, programme: string, manager: string, start: string, goLive: string, status: string, rag: string, budgetK: number | string, spent: number | string, expect: MessyProject['expect']): MessyProject => ({
    code,
    name,
    programme,
    manager,
    start,
    goLive,
    status,
    rag,
    budgetK,
    spent,
    expect,
  });
  return [
    p('ACME-101', 'Customer portal rebuild', 'Digital Front Door', 'Dana Whitfield', '03/04/2026', '25/11/2026', 'Active', 'G', 120, '$1,200.50', { start: '2026-04-03', finish: '2026-11-25', budget: 12_000_000, actualCost: 120_050, rag: 'G' }),
    p('ACME-102', 'Warehouse robotics pilot', 'Operations Excellence', 'Li Wei', '15/01/2026', '30/09/2026', 'Active', 'Amber', 250, '1.2m', { start: '2026-01-15', finish: '2026-09-30', budget: 25_000_000, actualCost: 120_000_000, rag: 'A' }),
    p('ACME-103', 'Payroll system replacement', 'Operations Excellence', 'Priya Raman', '01/02/2026', '31/12/2026', 'Pipeline', 'On track', '75.5', '(500)', { start: '2026-02-01', finish: '2026-12-31', budget: 7_550_000, actualCost: -50_000, rag: 'G' }),
    p('ACME-104', LONG, 'Finance Transformation', 'Oluwaseun Adeyemi-Fraser', '13/03/2026', '28/02/2027', 'Active', 'Red', 1500, 250000, { start: '2026-03-13', finish: '2027-02-28', budget: 150_000_000, actualCost: 25_000_000, rag: 'R' }),
    p('ACME-105', 'Data warehouse migration', 'Digital Front Door', 'Dana Whitfield', '20/04/2026', '18/12/2026', 'Active', 'Amber', 310, '£45,000', { start: '2026-04-20', finish: '2026-12-18', budget: 31_000_000, actualCost: 4_500_000, rag: 'A' }),
    p('ACME-106', 'Mobile field service app', 'Digital Front Door', 'Marcus Tan', '05/05/2026', '14/10/2026', 'Active', 'G', 90, 12000, { start: '2026-05-05', finish: '2026-10-14', budget: 9_000_000, actualCost: 1_200_000, rag: 'G' }),
    // Finish before start: the model refuses the finish, so the project is imported without it (listed).
    p('ACME-107', 'Office move (Leeds)', 'Operations Excellence', 'Li Wei', '30/06/2026', '01/06/2026', 'Active', 'G', 40, 0, { start: '2026-06-30', finish: null, budget: 4_000_000, actualCost: 0, rag: 'G' }),
    p('ACME-108', 'Cyber security uplift', 'Security & Risk', 'Hannah Okafor', '16/02/2026', '27/11/2026', 'Active', 'Amber', 480, '60k', { start: '2026-02-16', finish: '2026-11-27', budget: 48_000_000, actualCost: 6_000_000, rag: 'A' }),
    // A RAG word nobody knows: the cell is not read, the project imports without a RAG.
    p('ACME-109', 'Supplier onboarding portal', 'Digital Front Door', 'Marcus Tan', '22/06/2026', '19/03/2027', 'Pipeline', 'Purple', 65, '', { start: '2026-06-22', finish: '2027-03-19', budget: 6_500_000, actualCost: null, rag: null }),
    p('ACME-110', 'Contact centre telephony', 'Operations Excellence', 'Priya Raman', '13/07/2026', '26/02/2027', 'Active', 'G', 205, 15000.75, { start: '2026-07-13', finish: '2027-02-26', budget: 20_500_000, actualCost: 1_500_075, rag: 'G' }),
    // No name: a new project needs one, so the row is not imported.
    p('ACME-111', '', 'Finance Transformation', 'Oluwaseun Adeyemi-Fraser', '14/09/2026', '29/01/2027', 'Pipeline', 'G', 35, 0, null),
    p('ACME-112', 'Identity and access management', 'Security & Risk', 'Hannah Okafor', '19/10/2026', '30/06/2027', 'Pipeline', 'Amber', 150, 0, { start: '2026-10-19', finish: '2027-06-30', budget: 15_000_000, actualCost: 0, rag: 'A' }),
  ];
}

export const MESSY_WEEKS = ['2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09', '2026-W10'];

export function messyWorkbook(fileName = 'ACME portfolio Q3.xlsx'): MessyWorkbook {
  const list = projects();
  const header = ['Proj #', 'Proj Name', 'Programme', 'PM', 'Start', 'Go-live', 'Status', 'RAG', 'Budget (£k)', 'Spent'];
  const rows: unknown[][] = [];
  const expected = new Map<number, 'new' | 'skipped'>();
  const push = (row: unknown[], status: 'new' | 'skipped') => {
    rows.push(row);
    expected.set(rows.length, status);
  };
  push(['ACME Corp — Project portfolio'], 'skipped');
  push(['As at 30 Sep 2026'], 'skipped');
  push([], 'skipped');
  push([null, null, null, null, 'Dates', null, null, null, 'Money', null], 'skipped');
  push(header, 'skipped');
  let badRow = 0;
  list.forEach((p, i) => {
    if (i === 6) push([], 'skipped'); // a blank row inside the table
    push([p.code, p.name, p.programme, p.manager, p.start, p.goLive, p.status, p.rag || null, p.budgetK, p.spent === '' ? null : p.spent], p.expect ? 'new' : 'skipped');
    if (!p.expect) badRow = rows.length;
  });
  push(['Total', null, null, null, null, null, null, null, list.reduce((s, p) => s + Number(p.budgetK), 0), null], 'skipped');
  push([], 'skipped');
  push(['Source: finance system extract, 30 Sep 2026'], 'skipped');

  const portfolio = XLSX.utils.aoa_to_sheet(rows);
  portfolio['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 5 } },
    { s: { r: 3, c: 4 }, e: { r: 3, c: 5 } },
    { s: { r: 3, c: 8 }, e: { r: 3, c: 9 } },
  ];
  portfolio['!cols'] = header.map((h) => ({ wch: Math.max(10, h.length + 2) }));

  const allocations = [
    { person: 'Dana Whitfield', project: 'ACME-101', hours: [20, 20, 20, 16, 16, null] },
    { person: 'Li Wei', project: 'ACME-102', hours: [37.5, 37.5, 30, 30, 30, 30] },
    { person: 'Priya Raman', project: 'ACME-103', hours: [null, 8, 8, 8, 8, 8] },
    { person: 'Marcus Tan', project: 'ACME-106', hours: [10, 10, null, null, 10, 10] },
  ];
  const gridRows: unknown[][] = [['Person', 'Project', ...MESSY_WEEKS], ...allocations.map((a) => [a.person, a.project, ...a.hours])];
  const grid = XLSX.utils.aoa_to_sheet(gridRows);
  const gridExpected = new Map<number, 'new' | 'skipped'>([[1, 'skipped'], ...allocations.map((_, i) => [i + 2, 'new'] as [number, 'new'])]);

  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, portfolio, 'Portfolio');
  XLSX.utils.book_append_sheet(wb, grid, 'Allocations');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  return {
    bytes,
    fileName,
    projects: list,
    sheets: [
      { name: 'Portfolio', rows: rows.length, expected },
      { name: 'Allocations', rows: gridRows.length, expected: gridExpected },
    ],
    allocations,
    weeks: MESSY_WEEKS,
    badRow,
    programmes: [...new Set(list.filter((p) => p.expect).map((p) => p.programme))],
    people: allocations.map((a) => a.person),
  };
}

// ---------------------------------------------------------------------------------------------
// A client editing one of our exports in Excel: a few cells changed, the rows re-sorted, a
// column of their own added. Works on SheetJS's dense sheets, so cells keep their types and
// number formats (dates stay dates), and every other sheet, the hidden "_pmo" one included,
// is written back as it was read.

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

export interface ExportEdit {
  sheet: string;
  /** Finds the row: the value of column `matchHeader` equals `match`. */
  matchHeader: string;
  match: string;
  header: string;
  /** New cell value: text, a number, or { date } as an ISO date. */
  value: string | number | { date: string };
}

export interface EditedExport {
  bytes: Uint8Array;
  /** What each edited cell held before, as the cell's text. */
  before: { edit: ExportEdit; text: string }[];
}

function denseRows(ws: DenseSheet): (XLSX.CellObject | undefined)[][] {
  const data = ws['!data'];
  if (!data) throw new Error('Read the file with { dense: true }');
  return data;
}

function headerIndex(rows: (XLSX.CellObject | undefined)[][], header: string): number {
  const i = (rows[0] ?? []).findIndex((c) => c && String(c.v) === header);
  if (i < 0) throw new Error(`No column "${header}" (headers: ${(rows[0] ?? []).map((c) => c?.v).join(', ')})`);
  return i;
}

/** Excel's serial day number of an ISO date (1900 date system). */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

export interface EditOptions {
  sortSheet?: string;
  sortHeader?: string;
  addColumn?: { sheet: string; after: string; header: string; values: (i: number) => string | null };
  /** Rows deleted: the row whose `matchHeader` column holds `match`. */
  deleteRows?: { sheet: string; matchHeader: string; match: string }[];
  /** Rows typed at the bottom: values by header. */
  addRows?: { sheet: string; values: Record<string, string | number> }[];
}

export function editExport(bytes: Uint8Array, edits: ExportEdit[], opts: EditOptions = {}): EditedExport {
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellStyles: true });
  const before: EditedExport['before'] = [];
  for (const e of edits) {
    const ws = wb.Sheets[e.sheet];
    if (!ws) throw new Error(`No sheet ${e.sheet}`);
    const rows = denseRows(ws);
    const key = headerIndex(rows, e.matchHeader);
    const col = headerIndex(rows, e.header);
    const row = rows.findIndex((r, i) => i > 0 && r?.[key] && String(r[key].v) === e.match);
    if (row < 0) throw new Error(`No row with ${e.matchHeader} = ${e.match} on ${e.sheet}`);
    const line = rows[row]!;
    const old = line[col];
    before.push({ edit: e, text: old?.w ?? (old ? String(old.v) : '') });
    const v = e.value;
    if (typeof v === 'object') line[col] = { ...(old ?? {}), t: 'n', v: serial(v.date), z: old?.z ?? 'yyyy-mm-dd', w: undefined };
    else if (typeof v === 'number') line[col] = { ...(old ?? {}), t: 'n', v, w: undefined };
    else line[col] = { ...(old ?? {}), t: 's', v, w: undefined };
  }
  for (const d of opts.deleteRows ?? []) {
    const rows = denseRows(wb.Sheets[d.sheet] as DenseSheet);
    const key = headerIndex(rows, d.matchHeader);
    const at = rows.findIndex((r, i) => i > 0 && r?.[key] && String(r[key].v) === d.match);
    if (at < 0) throw new Error(`No row with ${d.matchHeader} = ${d.match} on ${d.sheet}`);
    rows.splice(at, 1);
    const ws = wb.Sheets[d.sheet]!;
    const range = XLSX.utils.decode_range(ws['!ref']!);
    range.e.r -= 1;
    ws['!ref'] = XLSX.utils.encode_range(range);
  }
  for (const a of opts.addRows ?? []) {
    const ws = wb.Sheets[a.sheet] as DenseSheet;
    const rows = denseRows(ws);
    const line: (XLSX.CellObject | undefined)[] = [];
    for (const [header, v] of Object.entries(a.values)) line[headerIndex(rows, header)] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
    rows.push(line);
    const range = XLSX.utils.decode_range(ws['!ref']!);
    range.e.r = rows.length - 1;
    ws['!ref'] = XLSX.utils.encode_range(range);
  }
  if (opts.sortSheet && opts.sortHeader) {
    const ws = wb.Sheets[opts.sortSheet] as DenseSheet;
    const rows = denseRows(ws);
    const key = headerIndex(rows, opts.sortHeader);
    const body = rows.slice(1).sort((a, b) => String(b?.[key]?.v ?? '').localeCompare(String(a?.[key]?.v ?? '')));
    rows.splice(1, body.length, ...body);
  }
  if (opts.addColumn) {
    const a = opts.addColumn;
    const ws = wb.Sheets[a.sheet] as DenseSheet;
    const rows = denseRows(ws);
    const at = headerIndex(rows, a.after) + 1;
    rows.forEach((r, i) => {
      const text = i === 0 ? a.header : a.values(i);
      const cell: XLSX.CellObject | undefined = text === null ? undefined : { t: 's', v: text };
      while (r.length < at) r.push(undefined);
      r.splice(at, 0, cell);
    });
    const range = XLSX.utils.decode_range(ws['!ref']!);
    range.e.c += 1;
    ws['!ref'] = XLSX.utils.encode_range(range);
    if (ws['!cols']) ws['!cols'].splice(at, 0, { wch: 24 });
    if (ws['!autofilter']) ws['!autofilter'] = { ref: XLSX.utils.encode_range(range) };
  }
  // SheetJS reads blank rows of a dense sheet as holes, and its writer needs every row present.
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as DenseSheet;
    const data = ws['!data'];
    if (!data || !ws['!ref']) continue;
    const last = XLSX.utils.decode_range(ws['!ref']).e.r;
    for (let r = 0; r <= last; r++) data[r] ??= [];
  }
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return { bytes: new Uint8Array(out), before };
}
