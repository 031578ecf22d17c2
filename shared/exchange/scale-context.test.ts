import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { analyseWorkbook, previewImport } from './analyse';
import { applyMappingFile } from './mapping-file';
import { readScaleText, sameCurrency } from './scale-context';
import type { CellRange, SourceCell, SourceSheet, SourceWorkbook } from './source';

describe('readScaleText', () => {
  const cases: [string, number | undefined, string | undefined][] = [
    ['£k', 1e3, 'GBP'],
    ['Budget (£k)', 1e3, 'GBP'],
    ['(k€)', 1e3, 'EUR'],
    ['Kosten (k€)', 1e3, 'EUR'],
    ['in thousands', 1e3, undefined],
    ['All figures in £ thousands', 1e3, 'GBP'],
    ['$M', 1e6, '$'],
    ['Spend ($M)', 1e6, '$'],
    ['Mio. €', 1e6, 'EUR'],
    ['Budget (Mio. €)', 1e6, 'EUR'],
    ['£000', 1e3, 'GBP'],
    ["£'000", 1e3, 'GBP'],
    ["('000)", 1e3, undefined],
    ["Cost '000s", 1e3, undefined],
    ['£000s', 1e3, 'GBP'],
    ['Tsd. €', 1e3, 'EUR'],
    ['Kosten in Tsd. EUR', 1e3, 'EUR'],
    ['TEUR', 1e3, 'EUR'],
    ['k$', 1e3, '$'],
    ['en milliers', 1e3, undefined],
    ["Montants en milliers d'euros", 1e3, 'EUR'],
    ['en miles', 1e3, undefined],
    ['Importe (en miles de euros)', 1e3, 'EUR'],
    ['Bedragen in duizenden euro', 1e3, 'EUR'],
    ['in 1.000 €', 1e3, 'EUR'],
    ['USD m', 1e6, 'USD'],
    ['GBP 000', 1e3, 'GBP'],
    ['€m', 1e6, 'EUR'],
    ['£bn', 1e9, 'GBP'],
    ['in millions of dollars', 1e6, '$'],
    ['Mrd. €', 1e9, 'EUR'],
    ['Budget (€)', undefined, 'EUR'],
    ['Forecast (£)', undefined, 'GBP'],
    ['Cost (USD)', undefined, 'USD'],
  ];
  for (const [text, scale, currency] of cases) {
    it(`"${text}" → ${scale ?? 'no scale'}${currency ? ` in ${currency}` : ''}`, () => {
      const s = readScaleText(text);
      expect(s).not.toBeNull();
      expect(s!.scale).toBe(scale);
      expect(s!.currency).toBe(currency);
    });
  }
  for (const text of ['Miles driven', 'Project M', 'Total', 'Team', 'KPI', 'Budget 2026', 'Milestone', 'Mark', 'Market size', 'Timeline', 'Stakeholders', 'Kick-off', 'Project K']) {
    it(`"${text}" states no scale or currency`, () => expect(readScaleText(text)).toBeNull());
  }
  it('matches dollars of any country to a "$"', () => {
    expect(sameCurrency('$', 'AUD')).toBe(true);
    expect(sameCurrency('$', 'GBP')).toBe(false);
    expect(sameCurrency('EUR', 'eur')).toBe(true);
  });
});

function setup(currency = 'GBP') {
  const clock = testClock();
  const data = tinyWorkbook();
  const p = planNewWorkbook({ ...data, settings: { ...data.settings, currency } }, { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

function sheetOf(name: string, rows: SourceCell[][], merges: CellRange[] = []): SourceSheet {
  return { name, rows, width: Math.max(...rows.map((r) => r.length)), merges, hidden: false };
}

function book(s: SourceSheet, format: SourceWorkbook['format'] = 'xlsx'): SourceWorkbook {
  return { fileName: `client.${format}`, format, date1904: false, sheets: [s], notes: [] };
}

/** Imports as the analysis proposes; the created projects by code, and the report's warnings. */
function importAll(wb: SourceWorkbook, currency = 'GBP', adjust?: (p: ReturnType<typeof analyseWorkbook>) => ReturnType<typeof analyseWorkbook>) {
  const { state, clock } = setup(currency);
  let proposals = analyseWorkbook(wb, state.settings, []);
  if (adjust) proposals = adjust(proposals);
  const { report, result } = previewImport(state, wb, proposals, { ...clock, today: '2026-03-01' });
  const projects = new Map<string, Record<string, unknown>>();
  for (const put of result.plan?.puts ?? []) if (put.e === 'project') projects.set(String(put.d['code']), put.d);
  return { proposals, report, projects, warnings: report.issues.filter((i) => i.severity === 'warning') };
}

const codes = (n: number) => Array.from({ length: n }, (_, i) => `SC-${String(i + 1).padStart(2, '0')}`);

describe('scale from context', () => {
  it('"£k" in a title row scales every money column, with the reason shown (62.5 → £62,500)', () => {
    const rows: SourceCell[][] = [['Portfolio budget review — all figures £k'], [null, null, 'Financials'], ['Code', 'Name', 'Budget', 'Forecast']];
    codes(8).forEach((c, i) => rows.push([c, `Scheme ${i}`, 62.5 + i, 70 + i]));
    for (const format of ['xlsx', 'csv'] as const) {
      const { proposals, projects, warnings } = importAll(book(sheetOf('Budgets', rows), format));
      const p = proposals[0]!;
      const budget = p.suggestions.find((s) => s.field === 'budget')!;
      expect(budget.scale, format).toBe(1000);
      expect(budget.reason).toContain('×1,000 from the title “Portfolio budget review — all figures £k”');
      expect(projects.get('SC-01')?.['budget'], format).toBe(6_250_000); // £62,500.00 in pence
      expect(projects.get('SC-01')?.['forecastCost'], format).toBe(7_000_000);
      expect(warnings.filter((w) => /1000 times smaller/.test(w.message)), format).toEqual([]);
    }
  });

  it('"£k" in a group header applies to the columns under it, not to the one beside it in pounds; merged or not', () => {
    const rows: SourceCell[][] = [[null, null, 'Costs (£k)', null, null], ['Code', 'Name', 'Budget', 'Actual cost', 'Forecast (£)']];
    codes(6).forEach((c, i) => rows.push([c, `Scheme ${i}`, 120 + i, 60 + i, (123 + i) * 1000]));
    const merged = sheetOf('Budgets', rows, [{ r0: 0, c0: 2, r1: 0, c1: 3 }]);
    // Unmerged, the label over the first column of its group, the next label ends the group.
    const plainRows = rows.map((r) => [...r]);
    plainRows[0] = [null, null, 'Costs (£k)', null, 'In pounds'];
    const plain = sheetOf('Budgets', plainRows);
    for (const [what, s] of [['merged', merged], ['not merged', plain]] as const) {
      const { projects } = importAll(book(s));
      const r = projects.get('SC-01')!;
      expect(r['budget'], what).toBe(12_000_000);
      expect(r['actualCost'], what).toBe(6_000_000);
      expect(r['forecastCost'], what).toBe(12_300_000);
    }
  });

  it('a header\'s own statement wins over the title ("Budget (£m)" under "all figures £k")', () => {
    const rows: SourceCell[][] = [['All figures £k'], ['Code', 'Name', 'Budget (£m)', 'Forecast']];
    codes(4).forEach((c, i) => rows.push([c, `Scheme ${i}`, 1.5 + i, 1500 + i]));
    const { projects } = importAll(book(sheetOf('Budgets', rows)));
    expect(projects.get('SC-01')?.['budget']).toBe(150_000_000);
    expect(projects.get('SC-01')?.['forecastCost']).toBe(150_000_000);
  });

  it('a currency that is not the workbook\'s is a warning naming it and the columns (amounts are not converted)', () => {
    const rows: SourceCell[][] = [['Projektübersicht'], ['Code', 'Name', 'Budget (k€)', 'Forecast (k€)']];
    codes(4).forEach((c, i) => rows.push([c, `Vorhaben ${i}`, 10 + i, 11 + i]));
    const gbp = importAll(book(sheetOf('Budgets', rows)));
    const w = gbp.warnings.filter((x) => x.message.includes('amounts in EUR'));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toBe('The headers “Budget (k€)”, “Forecast (k€)” state amounts in EUR, but this workbook\'s currency is GBP: the columns are imported as written, not converted.');
    expect(w[0]).toMatchObject({ column: 'C', header: 'Budget (k€)', row: 2 });
    expect(gbp.projects.get('SC-01')?.['budget']).toBe(1_000_000); // still ×1000
    // In a euro workbook there is nothing to say.
    expect(importAll(book(sheetOf('Budgets', rows)), 'EUR').warnings.filter((x) => x.message.includes('amounts in'))).toEqual([]);
    // A title in dollars, in a pound workbook: one warning for all the columns it covers.
    const titled: SourceCell[][] = [['All amounts in $M'], ['Code', 'Name', 'Budget', 'Forecast']];
    codes(3).forEach((c, i) => titled.push([c, `P ${i}`, 2 + i, 3 + i]));
    const t = importAll(book(sheetOf('Budgets', titled)));
    expect(t.warnings.map((x) => x.message).filter((m) => m.includes('states amounts'))).toEqual(['The title “All amounts in $M” states amounts in dollars ($), but this workbook\'s currency is GBP: “Budget”, “Forecast” are imported as written, not converted.']);
    expect(t.projects.get('SC-01')?.['budget']).toBe(200_000_000);
  });

  it('warns when one money column is about 1000 times smaller than its sibling on most rows, naming both', () => {
    const rows: SourceCell[][] = [['Code', 'Name', 'Budget', 'Actual cost']];
    codes(10).forEach((c, i) => rows.push([c, `Scheme ${i}`, 62.5 + i, (60 + i) * 1000 + 17]));
    const { warnings, projects } = importAll(book(sheetOf('Budgets', rows)));
    const w = warnings.filter((x) => /1000 times smaller/.test(x.message));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ column: 'C', header: 'Budget' });
    expect(w[0]!.message).toBe('Values in “Budget” are about 1000 times smaller than in “Actual cost” on 10 of 10 rows: if “Budget” is in thousands (k, \'000), set its scale to ×1000; it is imported as written.');
    expect(projects.get('SC-01')?.['budget']).toBe(6250); // as written: £62.50
    // Once the scale explains it, no warning.
    const scaled = importAll(book(sheetOf('Budgets', rows)), 'GBP', (ps) => ps.map((p) => ({ ...p, mapping: { ...p.mapping, columns: p.mapping.columns.map((c) => (c.field === 'budget' ? { ...c, scale: 1000 } : c)) } })));
    expect(scaled.warnings.filter((x) => /1000 times smaller/.test(x.message))).toEqual([]);
    expect(scaled.projects.get('SC-01')?.['budget']).toBe(6_250_000);
  });

  it('names both scales when the columns were scaled and still differ 1000 times (a title\'s £k over a column in pounds)', () => {
    const rows: SourceCell[][] = [['All figures £k'], ['Code', 'Name', 'Budget', 'Actual cost']];
    codes(5).forEach((c, i) => rows.push([c, `Scheme ${i}`, 62.5 + i, (60 + i) * 1000]));
    const w = importAll(book(sheetOf('Budgets', rows))).warnings.filter((x) => /1000 times smaller/.test(x.message));
    expect(w.map((x) => x.message)).toEqual(['Values in “Budget” (read ×1,000) are about 1000 times smaller than in “Actual cost” (read ×1,000) on 5 of 5 rows: check the scale of both columns.']);
  });

  it('does not warn about columns that merely differ (a few rows, or ratios all over the place)', () => {
    const rows: SourceCell[][] = [['Code', 'Name', 'Budget', 'Actual cost']];
    const actual = [500, 90_000, 1200, 45_000, 70, 800_000, 3000, 52_000];
    codes(8).forEach((c, i) => rows.push([c, `Scheme ${i}`, 100 + i * 7, actual[i]!]));
    expect(importAll(book(sheetOf('Budgets', rows))).warnings.filter((x) => /1000 times smaller/.test(x.message))).toEqual([]);
  });

  it('a mapping file sets a column\'s scale ({"field": "budget", "scale": 1000})', () => {
    const rows: SourceCell[][] = [['Code', 'Name', 'Budget']];
    codes(3).forEach((c, i) => rows.push([c, `Scheme ${i}`, 62.5 + i]));
    const wb = book(sheetOf('Budgets', rows));
    const { state } = setup();
    const json = { sheets: [{ sheet: 'Budgets', kind: 'project', columns: { Code: 'code', Name: 'name', Budget: { field: 'budget', scale: 1000 } } }] };
    const r = applyMappingFile(json, analyseWorkbook(wb, state.settings, []), { fileName: 'map.json', settings: state.settings, customFields: [] });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const { projects } = importAll(wb, 'GBP', () => r.proposals);
    expect(projects.get('SC-01')?.['budget']).toBe(6_250_000);
  });
});
