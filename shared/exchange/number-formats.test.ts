import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { dateFormat, exportFormats, moneyFormat } from './number-formats';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { buildDemoWorkbook } from '../demo/demo';
import { createIdGenerator } from '../util/ids';
import { buildExport } from './export';
import { writeXlsx } from './xlsx/writer';
import { readSpreadsheet } from './read/read';
import { diffReturnedWorkbook } from './merge';
import type { Settings } from '../model/schemas';

describe('money formats by currency and locale', () => {
  it('puts the symbol where the locale writes it, with its space, and the currency’s decimals', () => {
    expect(moneyFormat('GBP', 'en-GB')).toBe('"£"#,##0.00');
    expect(moneyFormat('USD', 'en-US')).toBe('"$"#,##0.00');
    expect(moneyFormat('USD', 'en-GB')).toBe('"US$"#,##0.00');
    expect(moneyFormat('EUR', 'de-DE')).toBe('#,##0.00"\u00a0€"');
    expect(moneyFormat('EUR', 'fr-FR')).toBe('#,##0.00"\u00a0€"');
    expect(moneyFormat('EUR', 'nl-NL')).toBe('"€\u00a0"#,##0.00');
    expect(moneyFormat('CHF', 'de-CH')).toBe('"CHF\u00a0"#,##0.00');
    expect(moneyFormat('SEK', 'sv-SE')).toBe('#,##0.00"\u00a0kr"');
    expect(moneyFormat('JPY', 'ja-JP')).toBe('"￥"#,##0');
    expect(moneyFormat('JPY', 'en-GB')).toBe('"JP¥"#,##0');
    // Three decimals for the dinar, but the app stores two.
    expect(moneyFormat('KWD', 'en-GB')).toBe('"KWD\u00a0"#,##0.00');
    // No bidirectional marks in the code.
    expect(moneyFormat('EGP', 'ar-EG')).not.toMatch(/[\u061c\u200e\u200f]/);
    expect(moneyFormat('EGP', 'ar-EG')).toMatch(/^#,##0\.00" ?.+"$/);
  });

  it('shows an amount as the locale would, in a spreadsheet (SheetJS formats it)', () => {
    expect(XLSX.SSF.format(moneyFormat('GBP', 'en-GB'), -1234.5)).toBe('-£1,234.50');
    expect(XLSX.SSF.format(moneyFormat('EUR', 'de-DE'), 1234.5)).toBe('1,234.50\u00a0€');
    expect(XLSX.SSF.format(moneyFormat('JPY', 'ja-JP'), 1234)).toBe('￥1,234');
  });

  it('falls back to a plain amount for a currency or locale Intl does not know', () => {
    expect(moneyFormat('XYZ1', 'en-GB')).toBe('#,##0.00');
    expect(moneyFormat('GBP', '!!')).toBe('#,##0.00');
  });
});

describe('date formats by date order', () => {
  it('orders day, month and year as the workbook does, with the locale’s separator', () => {
    expect(dateFormat('DMY', 'en-GB')).toBe('dd/mm/yyyy');
    expect(dateFormat('MDY', 'en-US')).toBe('mm/dd/yyyy');
    expect(dateFormat('YMD', 'sv-SE')).toBe('yyyy-mm-dd');
    expect(dateFormat('YMD', 'en-US')).toBe('yyyy-mm-dd');
    expect(dateFormat('DMY', 'de-DE')).toBe('dd\\.mm\\.yyyy');
    expect(dateFormat('DMY', 'nl-NL')).toBe('dd-mm-yyyy');
    expect(dateFormat('DMY', '!!')).toBe('dd/mm/yyyy');
    expect(XLSX.SSF.format(dateFormat('DMY', 'de-DE'), 46085)).toBe('04.03.2026');
    expect(XLSX.SSF.format(dateFormat('MDY', 'en-US'), 46085)).toBe('03/04/2026');
  });
});

describe('the export uses them, and the cells stay numbers and dates that re-import unchanged', () => {
  const cases: { currency: string; locale: string; dateOrder: Settings['dateOrder']; money: string; date: string; shown: RegExp }[] = [
    { currency: 'GBP', locale: 'en-GB', dateOrder: 'DMY', money: '"£"#,##0.00', date: 'dd/mm/yyyy', shown: /^\d{2}\/\d{2}\/\d{4}$/ },
    { currency: 'USD', locale: 'en-US', dateOrder: 'MDY', money: '"$"#,##0.00', date: 'mm/dd/yyyy', shown: /^\d{2}\/\d{2}\/\d{4}$/ },
    { currency: 'EUR', locale: 'de-DE', dateOrder: 'DMY', money: '#,##0.00"\u00a0€"', date: 'dd\\.mm\\.yyyy', shown: /^\d{2}\.\d{2}\.\d{4}$/ },
    { currency: 'JPY', locale: 'ja-JP', dateOrder: 'YMD', money: '"￥"#,##0', date: 'yyyy-mm-dd', shown: /^\d{4}-\d{2}-\d{2}$/ },
  ];
  for (const c of cases) {
    it(`${c.currency}, ${c.locale}, ${c.dateOrder}`, () => {
      const clock = { newId: createIdGenerator({ now: () => Date.UTC(2026, 10, 21), random: Math.random }), now: () => '2026-11-21T09:00:00.000Z' };
      const data = buildDemoWorkbook({ today: '2026-11-21' });
      data.settings = { ...data.settings, currency: c.currency, locale: c.locale, dateOrder: c.dateOrder };
      const p = planNewWorkbook(data, { ...clock, origin: 'demo', label: 'Demo' });
      const state = new WorkbookState(p.workbook, p.rows);
      expect(exportFormats(state.settings)).toEqual({ money: c.money, date: c.date });
      const { workbook, snapshot } = buildExport(state, { exportId: 'x', exportedAt: '2026-11-21T09:00:00.000Z', today: '2026-11-21', grid: 'month' });
      const bytes = writeXlsx(workbook);
      const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
      const ws = wb.Sheets['Projects']!;
      const header = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0]!;
      const budget = XLSX.utils.encode_cell({ r: 1, c: header.indexOf('Budget') });
      const start = XLSX.utils.encode_cell({ r: 1, c: header.indexOf('Start') });
      expect(ws[budget]).toMatchObject({ t: 'n', z: c.money });
      expect(ws[start]).toMatchObject({ t: 'n', z: c.date });
      expect(ws[start]!.w).toMatch(c.shown);
      const read = readSpreadsheet(bytes, 'export.xlsx');
      if (!read.ok) throw new Error(read.reason);
      const projects = read.workbook.sheets.find((s) => s.name === 'Projects')!;
      expect(projects.rows[1]![header.indexOf('Start')]).toEqual({ d: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(typeof projects.rows[1]![header.indexOf('Budget')]).toBe('number');
      const diff = diffReturnedWorkbook(state, read.workbook, snapshot, { today: '2026-11-21' });
      expect(diff.issues).toEqual([]);
      expect(diff.rows).toEqual([]);
    }, 60_000);
  }
});
