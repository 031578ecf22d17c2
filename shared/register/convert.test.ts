// Cell text ⇄ typed values: every format clients' spreadsheets use, both date orders, exact money, round trips.
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './tsv';
import { decimalSeparator, excelSerialToIsoDate, formatCell, parseCell, plainNumber, shiftDecimal, withOptionCache } from './convert';
import type { ColumnContext, ColumnDef, ColumnType, Option, OptionSource } from './types';
import { defaultSettings } from '../model/workbook';
import type { Settings } from '../model/schemas';
import { formatMoney } from '../util/money';
import { addDays } from '../calendar';
import { seededRandom } from '../util/ids';

const SOURCES: Record<OptionSource, Option[]> = {
  programme: [
    { value: 'pg-1', label: 'Digital' },
    { value: 'pg-2', label: 'Operations' },
    { value: 'pg-3', label: 'Digital transformation' },
  ],
  objective: [
    { value: 'ob-1', label: 'Grow revenue' },
    { value: 'ob-2', label: 'Cut cost' },
    { value: 'ob-3', label: 'Research, development' },
  ],
  role: [{ value: 'r-1', label: 'Business analyst' }],
  resource: [
    { value: 'res-1', label: 'Sam Lee' },
    { value: 'res-2', label: 'Sam Lee' },
  ],
  project: [
    { value: 'p-1', label: 'PRJ-001 CRM replacement' },
    { value: 'p-2', label: 'PRJ-002 Data platform' },
  ],
  person: [{ value: 'Asha Patel', label: 'Asha Patel' }],
};

function context(overrides: Partial<Settings> = {}): ColumnContext {
  return { settings: defaultSettings('Test', overrides), today: '2026-04-03', options: (s) => SOURCES[s], openRisks: () => 0, countOf: () => 0 };
}

const STAGES: Option[] = ['Idea', 'Proposed', 'Approved', 'In progress', 'On hold', 'Closed', 'Cancelled', 'Rejected', 'Parked'].map((label) => ({ value: label.toLowerCase().replace(' ', '-'), label }));

function col(type: ColumnType, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { id: type, header: type, type, field: type, editable: true, get: (r) => r[type], ...extra };
}

const gb = context();
const us = context({ locale: 'en-US', dateOrder: 'MDY', currency: 'USD' });
const de = context({ locale: 'de-DE', currency: 'EUR' });
const fr = context({ locale: 'fr-FR', currency: 'EUR' });
const value = (c: ColumnDef, text: string, ctx = gb) => {
  const r = parseCell(c, text, ctx);
  return r.ok ? r.value : `ERR ${r.reason}`;
};

describe('parseCell: blanks', () => {
  it('reads empty and whitespace as the empty value of the type', () => {
    expect(value(col('text'), '   ')).toBe(''); // the schemas store absent text as ''
    expect(value(col('longtext'), '\n')).toBe('');
    expect(value(col('money'), '')).toBeNull();
    expect(value(col('date'), ' \t ')).toBeNull();
    expect(value(col('multiselect', { options: STAGES }), '')).toEqual([]);
    expect(value(col('references', { options: 'objective' }), ' ')).toEqual([]);
    expect(value(col('checkbox'), '')).toBe(false);
    expect(value(col('rag'), '')).toBeNull();
  });
  it('refuses empty in a required column', () => {
    expect(parseCell(col('text', { required: true }), '  ', gb)).toEqual({ ok: false, reason: 'is required' });
  });
});

describe('parseCell: text', () => {
  it('trims; single-line text folds newlines, long text keeps them', () => {
    expect(value(col('text'), '  CRM  replacement \n')).toBe('CRM  replacement');
    expect(value(col('text'), 'line one\r\nline two')).toBe('line one line two');
    expect(value(col('longtext'), '\n line one\r\nline two  ')).toBe('line one\nline two');
    expect(value(col('person'), ' Asha Patel ')).toBe('Asha Patel');
  });
  it("drops Excel's apostrophe before a formula character only", () => {
    expect(value(col('text'), "'=SUM(A1)")).toBe('=SUM(A1)');
    expect(value(col('text'), "'-5 days")).toBe('-5 days');
    expect(value(col('text'), "'''quoted'")).toBe("''quoted'");
    expect(value(col('text'), "'tis the season")).toBe("'tis the season");
  });
});

describe('parseCell: numbers', () => {
  const n = col('number');
  it('reads grouping and decimal marks by the workbook locale', () => {
    expect(decimalSeparator('en-GB')).toBe('.');
    expect(decimalSeparator('de-DE')).toBe(',');
    expect(value(n, '1,234.5')).toBe(1234.5);
    expect(value(n, '1 234,5', fr)).toBe(1234.5);
    expect(value(n, '1\u202F234,5', fr)).toBe(1234.5);
    expect(value(n, '1.234,5', de)).toBe(1234.5);
    expect(value(n, '1,234', gb)).toBe(1234);
    expect(value(n, '1,234', de)).toBe(1.234);
    expect(value(n, '1.234', gb)).toBe(1.234);
    expect(value(n, '1.234', de)).toBe(1234);
    expect(value(n, '1,234,567.25')).toBe(1234567.25);
    expect(value(n, '12,34,567', context({ locale: 'en-IN' }))).toBe(1234567);
    expect(value(n, "1'234.5", context({ locale: 'de-CH' }))).toBe(1234.5);
  });
  it('reads a lone mark that cannot group thousands as the decimal mark', () => {
    expect(value(n, '1,5', gb)).toBe(1.5);
    expect(value(n, '0,500', gb)).toBe(0.5);
    expect(value(n, '1.5', de)).toBe(1.5);
  });
  it('reads signs, brackets, leading points and trailing points', () => {
    expect(value(n, '-12.5')).toBe(-12.5);
    expect(value(n, '+7')).toBe(7);
    expect(value(n, '\u221212')).toBe(-12);
    expect(value(n, '(500)')).toBe(-500);
    expect(value(n, '.5')).toBe(0.5);
    expect(value(n, '12.')).toBe(12);
  });
  it('refuses what is not a number', () => {
    for (const t of ['abc', '12abc', '1,2,3', '1.2.3,4,5', '12 34', '-(5)', '--5', '1e5x', '.', '£12']) expect(value(n, t), t).toBe('ERR is not a number');
  });
  it('integer refuses fractions', () => {
    expect(value(col('integer'), '1,234')).toBe(1234);
    expect(value(col('integer'), '12.5')).toBe('ERR must be a whole number');
    expect(value(col('integer'), '12.0')).toBe(12);
  });
});

describe('parseCell: money', () => {
  const m = col('money');
  it('reads currency formats into exact minor units', () => {
    expect(value(m, '$1,200.50')).toBe(120_050);
    expect(value(m, '£1,200.50')).toBe(120_050);
    expect(value(m, '1.200,50 €', de)).toBe(120_050);
    expect(value(m, '1 200,50 €', fr)).toBe(120_050);
    expect(value(m, 'EUR 1.200,50', de)).toBe(120_050);
    expect(value(m, '1200.50 USD')).toBe(120_050);
    expect(value(m, 'US$ 99')).toBe(9_900);
    expect(value(m, '1200')).toBe(120_000);
    expect(value(m, '0.1')).toBe(10);
    expect(value(m, '0.07')).toBe(7);
  });
  it('reads k, m and bn multipliers exactly', () => {
    expect(value(m, '1.2m')).toBe(120_000_000);
    expect(value(m, '1.2M')).toBe(120_000_000);
    expect(value(m, '£1.2m')).toBe(120_000_000);
    expect(value(m, '250k')).toBe(25_000_000);
    expect(value(m, '2.5bn')).toBe(250_000_000_000);
    expect(value(m, '1,5 Mio', de)).toBe('ERR is not an amount of money');
    expect(value(m, '0.0015m')).toBe(150_000);
    expect(value(m, '1.23456k')).toBe(123_456);
    expect(value(m, '1.234567k')).toBe('ERR has more than two decimals');
  });
  it('reads negatives as accountants write them', () => {
    expect(value(m, '(500)')).toBe(-50_000);
    expect(value(m, '(£500.25)')).toBe(-50_025);
    expect(value(m, '-£3.10')).toBe(-310);
    expect(value(m, '£-3.10')).toBe(-310);
    expect(value(m, '-0.00')).toBe(0);
    expect(Object.is(value(m, '-0'), 0)).toBe(true);
  });
  it('accepts another currency symbol than the workbook one', () => {
    expect(value(m, '€12.50')).toBe(1_250);
  });
  it('refuses a third decimal and nonsense', () => {
    expect(value(m, '1200.505')).toBe('ERR has more than two decimals');
    expect(value(m, '1.200,505', de)).toBe('ERR has more than two decimals');
    expect(value(m, 'twelve')).toBe('ERR is not an amount of money');
    expect(value(m, '12 34')).toBe('ERR is not an amount of money');
    expect(value(m, '99999999999999999')).toBe('ERR is too large');
  });
  it('is exact where floats are not: ten times 0.1 is 1.00', () => {
    let total = 0;
    for (let i = 0; i < 10; i++) total += value(m, '0.1') as number;
    expect(total).toBe(100);
    expect(value(m, '1.15')).toBe(115); // 1.15 × 100 = 114.99999999999999 in floats
    expect(value(m, '4.35')).toBe(435); // 434.99999999999994
    expect(value(m, '1,005.03')).toBe(100_503);
  });
});

describe('parseCell: percent', () => {
  const p = col('percent');
  it('a % sign means a percentage; a bare fraction 0–1 means a spreadsheet fraction; other bare numbers are percentages', () => {
    expect(value(p, '45%')).toBe(45);
    expect(value(p, '45 %')).toBe(45);
    expect(value(p, '45')).toBe(45);
    expect(value(p, '0.45')).toBe(45);
    expect(value(p, '0.07')).toBe(7);
    expect(value(p, '0.125')).toBe(12.5);
    expect(value(p, '1')).toBe(1);
    expect(value(p, '0')).toBe(0);
    expect(value(p, '0.5%')).toBe(0.5);
    expect(value(p, '100')).toBe(100);
    expect(value(p, '12,5 %', fr)).toBe(12.5);
    expect(value(p, '0,45', de)).toBe(45);
  });
  it('refuses text', () => {
    expect(value(p, 'half')).toBe('ERR is not a percentage');
    expect(value(p, '45%%')).toBe('ERR is not a percentage');
  });
});

describe('parseCell: dates', () => {
  const d = col('date');
  it('reads ISO whatever the order', () => {
    expect(value(d, '2026-04-03')).toBe('2026-04-03');
    expect(value(d, '2026-04-03', us)).toBe('2026-04-03');
    expect(value(d, '2026/4/3', us)).toBe('2026-04-03');
  });
  it('never guesses: 03/04/2026 follows the workbook order', () => {
    expect(value(d, '03/04/2026', gb)).toBe('2026-04-03');
    expect(value(d, '03/04/2026', us)).toBe('2026-03-04');
    expect(value(d, '26/04/03', context({ dateOrder: 'YMD' }))).toBe('2026-04-03');
    expect(value(d, '13/04/2026', us)).toBe('ERR is not a real date');
  });
  it('accepts / . - and space, one-digit parts and two-digit years', () => {
    expect(value(d, '3.4.2026', de)).toBe('2026-04-03');
    expect(value(d, '3-4-2026')).toBe('2026-04-03');
    expect(value(d, '3 4 2026')).toBe('2026-04-03');
    expect(value(d, '03/04/26')).toBe('2026-04-03');
    expect(value(d, '03/04/69')).toBe('2069-04-03');
    expect(value(d, '03/04/70')).toBe('1970-04-03');
    expect(value(d, '03/04/99')).toBe('1999-04-03');
  });
  it('reads English month names', () => {
    expect(value(d, '3 Apr 2026')).toBe('2026-04-03');
    expect(value(d, 'April 3, 2026')).toBe('2026-04-03');
    expect(value(d, 'April 3, 2026', us)).toBe('2026-04-03');
    expect(value(d, '03-Apr-26')).toBe('2026-04-03');
    expect(value(d, '3-APR-2026', us)).toBe('2026-04-03');
    expect(value(d, 'Friday, 3rd April 2026')).toBe('2026-04-03');
    expect(value(d, '1 Sept 2026')).toBe('2026-09-01');
    expect(value(d, '2026 Apr 3')).toBe('2026-04-03');
  });
  it('reads dates written out in German, French, Spanish and Dutch, whatever the order', () => {
    const cases: [string, string][] = [
      ['7. April 2027', '2027-04-07'],
      ['Montag, 7. April 2027', '2027-04-07'],
      ['Mo., 7. Apr. 2027', '2027-04-07'],
      ['am 3. März 2026', '2026-03-03'],
      ['3. Mrz. 2026', '2026-03-03'],
      ['1. Dez 2026', '2026-12-01'],
      ['4 mars 2026', '2026-03-04'],
      ['1er mars 2026', '2026-03-01'],
      ['mercredi 4 mars 2026', '2026-03-04'],
      ['le 14 févr. 2026', '2026-02-14'],
      ['3 janv. 2026', '2026-01-03'],
      ['15 août 2026', '2026-08-15'],
      ['25 déc. 2026', '2026-12-25'],
      ['4 de marzo de 2026', '2026-03-04'],
      ['miércoles, 4 de marzo de 2026', '2026-03-04'],
      ['1º de enero de 2027', '2027-01-01'],
      ['7 dic 2026', '2026-12-07'],
      ['4 maart 2026', '2026-03-04'],
      ['woensdag 4 maart 2026', '2026-03-04'],
      ['12 mei 2026', '2026-05-12'],
      ['3 okt. 2026', '2026-10-03'],
      ['Mar 4, 2026', '2026-03-04'],
      ['4-Mar-26', '2026-03-04'],
      ['the 4th of March 2026', '2026-03-04'],
    ];
    for (const [t, iso] of cases) {
      expect(value(d, t), t).toBe(iso);
      expect(value(d, t, us), `${t} (MDY)`).toBe(iso);
    }
  });
  it('reads the year by its size in a written-out date, and refuses days the month does not have', () => {
    expect(value(d, '26-Mar-04', context({ dateOrder: 'YMD' }))).toBe('2026-03-04');
    expect(value(d, '4-Mar-26', context({ dateOrder: 'YMD' }))).toBe('2026-03-04');
    expect(value(d, '4 Mar 99')).toBe('1999-03-04');
    expect(value(d, '31 juin 2026')).toBe('ERR is not a real date');
    expect(value(d, '30 février 2026')).toBe('ERR is not a real date');
    for (const t of ['4 de 2026', '4 jui 2026', 'de marzo de 2026', '4 mars de', 'Montag 2027']) expect(value(d, t), t).toMatch(/^ERR is not a date/);
  });
  it('ignores a time of day after the date', () => {
    expect(value(d, '03/04/2026 00:00')).toBe('2026-04-03');
    expect(value(d, '2026-04-03T00:00:00Z')).toBe('2026-04-03');
    expect(value(d, '4/3/2026 12:00:00 AM', us)).toBe('2026-04-03');
  });
  it('refuses impossible dates', () => {
    expect(value(d, '31/02/2026')).toBe('ERR is not a real date');
    expect(value(d, '29/02/2026')).toBe('ERR is not a real date');
    expect(value(d, '29/02/2024')).toBe('2024-02-29');
    expect(value(d, '2026-13-01')).toBe('ERR is not a real date');
    expect(value(d, '00/01/2026')).toBe('ERR is not a real date');
    expect(value(d, '31 Apr 2026')).toBe('ERR is not a real date');
  });
  it('refuses what is not a date, with the expected pattern', () => {
    for (const t of ['45383', 'tomorrow', '3 Apr', '03/04', '03/04/2026/1', '3/4/226', '123/4/2026', 'Ma 3 2026', '3 Foo 2026']) {
      expect(value(d, t), t).toBe('ERR is not a date (use dd/mm/yyyy)');
    }
    expect(value(d, 'soon', us)).toBe('ERR is not a date (use mm/dd/yyyy)');
  });
});

describe('excelSerialToIsoDate', () => {
  it('1900 system, with the Lotus leap-year bug', () => {
    expect(excelSerialToIsoDate(1, false)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59, false)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60, false)).toBeNull();
    expect(excelSerialToIsoDate(61, false)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(45383, false)).toBe('2024-04-01');
    expect(excelSerialToIsoDate(46115, false)).toBe('2026-04-03');
    expect(excelSerialToIsoDate(46115.75, false)).toBe('2026-04-03');
    expect(excelSerialToIsoDate(2958465, false)).toBe('9999-12-31');
  });
  it('1904 system', () => {
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToIsoDate(1, true)).toBe('1904-01-02');
    expect(excelSerialToIsoDate(45383 - 1462, true)).toBe('2024-04-01');
  });
  it('no date for what Excel cannot hold', () => {
    expect(excelSerialToIsoDate(0, false)).toBeNull();
    expect(excelSerialToIsoDate(-1, true)).toBeNull();
    expect(excelSerialToIsoDate(2958466, false)).toBeNull();
    expect(excelSerialToIsoDate(Number.NaN, false)).toBeNull();
  });
});

describe('parseCell: select, rag, checkbox', () => {
  const s = col('select', { options: STAGES });
  it('matches a label or a value, case- and space-insensitively', () => {
    expect(value(s, 'In progress')).toBe('in-progress');
    expect(value(s, ' in  PROGRESS ')).toBe('in-progress');
    expect(value(s, 'inprogress')).toBe('in-progress');
    expect(value(s, 'in-progress')).toBe('in-progress');
    expect(value(s, 'ON HOLD')).toBe('on-hold');
  });
  it('lists up to eight choices when refusing', () => {
    expect(value(s, 'Done')).toBe('ERR must be one of: Idea, Proposed, Approved, In progress, On hold, Closed, Cancelled, Rejected, …');
    expect(value(col('select', { options: STAGES.slice(0, 3) }), 'Done')).toBe('ERR must be one of: Idea, Proposed, Approved');
  });
  it('a select without choices takes any text', () => {
    expect(value(col('select'), ' Anything ')).toBe('Anything');
  });
  it('RAG in the words clients use', () => {
    const r = col('rag');
    const cases: [string, string][] = [
      ['R', 'R'], ['red', 'R'], ['Off track', 'R'], ['off-track', 'R'],
      ['A', 'A'], ['AMBER', 'A'], ['Yellow', 'A'], ['At risk', 'A'],
      ['g', 'G'], ['Green', 'G'], ['On track', 'G'], ['on-track', 'G'],
    ];
    for (const [t, v] of cases) expect(value(r, t), t).toBe(v);
    expect(value(r, 'Blue')).toBe('ERR must be Red, Amber or Green');
  });
  it('yes/no words, symbols and localised booleans', () => {
    const c = col('checkbox');
    for (const t of ['yes', 'Y', 'TRUE', '1', 'x', 'X', '✓', 'WAHR', 'vrai']) expect(value(c, t), t).toBe(true);
    for (const t of ['no', 'N', 'false', '0', 'FALSCH', 'faux']) expect(value(c, t), t).toBe(false);
    expect(value(c, 'maybe')).toBe('ERR must be yes or no');
  });
});

describe('parseCell: references', () => {
  const prog = col('reference', { options: 'programme' });
  const proj = col('reference', { options: 'project' });
  it('matches a name or an id, case- and space-insensitively', () => {
    expect(value(prog, 'digital')).toBe('pg-1');
    expect(value(prog, 'DIGITAL  Transformation')).toBe('pg-3');
    expect(value(prog, 'pg-2')).toBe('pg-2');
    expect(value(prog, 'Finance')).toBe('ERR has no match for "Finance"');
  });
  it('finds projects by the whole label, the code or the name', () => {
    expect(value(proj, 'PRJ-001 CRM replacement')).toBe('p-1');
    expect(value(proj, 'prj-002')).toBe('p-2');
    expect(value(proj, 'crm replacement')).toBe('p-1');
    expect(value(proj, 'PRJ-003')).toBe('ERR has no match for "PRJ-003"');
  });
  it('refuses a name two records share rather than pick one', () => {
    expect(value(col('reference', { options: 'resource' }), 'sam lee')).toBe('ERR "sam lee" matches several: Sam Lee, Sam Lee');
    expect(value(col('reference', { options: 'resource' }), 'res-2')).toBe('res-2');
  });
  it('multi-valued: ; , and newlines, duplicates dropped, unknown parts named', () => {
    const objs = col('references', { options: 'objective' });
    expect(value(objs, 'Grow revenue; Cut cost')).toEqual(['ob-1', 'ob-2']);
    expect(value(objs, 'grow revenue, cut cost, Grow Revenue')).toEqual(['ob-1', 'ob-2']);
    expect(value(objs, 'Cut cost\nob-1')).toEqual(['ob-2', 'ob-1']);
    expect(value(objs, 'Research, development')).toEqual(['ob-3']);
    expect(value(objs, 'Research, development; Cut cost')).toEqual(['ob-3', 'ob-2']);
    expect(value(objs, 'Grow revenue; Win awards, Be nice')).toBe('ERR has no match for "Win awards", "Be nice"');
    expect(value(col('multiselect', { options: STAGES }), 'Idea; Closed')).toEqual(['idea', 'closed']);
    expect(value(col('multiselect'), 'urgent, board; urgent')).toEqual(['urgent', 'board']);
    const tags = col('multiselect', { options: [{ value: 'Board', label: 'Board' }], allowNew: true });
    expect(value(tags, 'urgent, board; urgent')).toEqual(['urgent', 'Board']);
    expect(value(col('multiselect', { options: [] }), 'urgent')).toBe('ERR has no match for "urgent"');
    expect(value(tags, formatCell(tags, ['urgent', 'Board', 'q3 plan'], gb, 'clipboard'))).toEqual(['urgent', 'Board', 'q3 plan']);
  });
  it('asks the context for each source once per withOptionCache', () => {
    let calls = 0;
    const ctx = withOptionCache({ ...gb, options: (s) => (calls++, SOURCES[s].slice()) });
    for (let i = 0; i < 5; i++) value(prog, 'Digital', ctx);
    expect(calls).toBe(1);
    expect(ctx.settings.locale).toBe('en-GB');
    const frozen = withOptionCache(Object.freeze({ ...gb }));
    expect(value(prog, 'Operations', frozen)).toBe('pg-2');
  });
});

describe('formatCell', () => {
  it('display: locale formats, currency, labels', () => {
    expect(formatCell(col('money'), 120_050, gb, 'display')).toBe('£1,200.50');
    expect(formatCell(col('money'), 120_050, gb, 'display')).toBe(formatMoney(120_050, 'GBP', 'en-GB'));
    expect(formatCell(col('money'), -120_050, de, 'display')).toBe(formatMoney(-120_050, 'EUR', 'de-DE'));
    expect(formatCell(col('money'), 5, context({ currency: 'XYZ' }), 'display')).toBe(formatMoney(5, 'XYZ', 'en-GB'));
    expect(formatCell(col('date'), '2026-04-03', gb, 'display')).toBe('03/04/2026');
    expect(formatCell(col('date'), '2026-04-03', us, 'display')).toBe('04/03/2026');
    expect(formatCell(col('date'), '2026-04-03', de, 'display')).toBe('03.04.2026');
    expect(formatCell(col('percent'), 45, gb, 'display')).toBe('45%');
    expect(formatCell(col('percent'), 12.5, fr, 'display')).toMatch(/^12,5\s%$/); // ICU puts a no-break space before % in French
    expect(formatCell(col('number'), 1234.5, gb, 'display')).toBe('1,234.5');
    expect(formatCell(col('integer'), 1234, de, 'display')).toBe('1.234');
    expect(formatCell(col('rag'), 'A', gb, 'display')).toBe('Amber');
    expect(formatCell(col('checkbox'), true, gb, 'display')).toBe('Yes');
    expect(formatCell(col('reference', { options: 'programme' }), 'pg-2', gb, 'display')).toBe('Operations');
    expect(formatCell(col('reference', { options: 'programme' }), 'pg-gone', gb, 'display')).toBe('pg-gone');
    expect(formatCell(col('references', { options: 'objective' }), ['ob-1', 'ob-2'], gb, 'display')).toBe('Grow revenue, Cut cost');
    expect(formatCell(col('money'), null, gb, 'display')).toBe('');
  });
  it('clipboard: what spreadsheets read back', () => {
    expect(formatCell(col('money'), 120_050, gb, 'clipboard')).toBe('1200.50');
    expect(formatCell(col('money'), -5, gb, 'clipboard')).toBe('-0.05');
    expect(formatCell(col('money'), 120_050, de, 'clipboard')).toBe('1200,50');
    expect(formatCell(col('date'), '2026-04-03', gb, 'clipboard')).toBe('03/04/2026');
    expect(formatCell(col('date'), '2026-04-03', us, 'clipboard')).toBe('04/03/2026');
    expect(formatCell(col('date'), '2026-04-03', context({ dateOrder: 'YMD' }), 'clipboard')).toBe('2026-04-03');
    expect(formatCell(col('percent'), 45, gb, 'clipboard')).toBe('45%');
    expect(formatCell(col('percent'), 12.5, de, 'clipboard')).toBe('12,5%');
    expect(formatCell(col('number'), 1e-7, gb, 'clipboard')).toBe('0.0000001');
    expect(formatCell(col('number'), 1e21, gb, 'clipboard')).toBe('1000000000000000000000');
    expect(formatCell(col('checkbox'), false, gb, 'clipboard')).toBe('FALSE');
    expect(formatCell(col('rag'), 'G', gb, 'clipboard')).toBe('Green');
    expect(formatCell(col('references', { options: 'objective' }), ['ob-1', 'ob-2'], gb, 'clipboard')).toBe('Grow revenue; Cut cost');
    expect(formatCell(col('reference', { options: 'project' }), 'p-1', gb, 'clipboard')).toBe('PRJ-001 CRM replacement');
    expect(formatCell(col('money'), 120_050, gb, 'edit')).toBe('1200.50');
  });
});

describe('display formats agree with Intl in every locale', () => {
  // The grid formats through templates taken from Intl's output (for speed); they must never differ.
  // One test per locale, each with its own seed, and one comparison per kind of value: a sample
  // of values over the whole range (signs, magnitudes, fractions, dates over 8,000 years) in
  // every locale, cheap enough to run anywhere.
  const locales = ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'es-ES', 'pl-PL', 'en-IN', 'de-CH', 'ja-JP', 'nl-NL', 'pt-BR', 'sv-SE', 'ar-EG', 'he-IL', 'fa-IR', 'hi-IN'];
  locales.forEach((locale, index) => {
    it(`money, numbers, integers and dates in ${locale}`, () => {
      const rnd = seededRandom(5 + index);
      const minor = () => Math.round((rnd() - 0.3) * 10 ** Math.floor(rnd() * 15));
      for (const currency of ['GBP', 'EUR', 'JPY', 'INR', 'CHF']) {
        const c = context({ locale, currency });
        const values = Array.from({ length: 60 }, minor);
        expect(values.map((m) => formatCell(col('money'), m, c, 'display')), `${locale} ${currency} ${values.join(' ')}`).toEqual(values.map((m) => formatMoney(m, currency, locale)));
      }
      const c = context({ locale });
      const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
      const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
      const numbers = Array.from({ length: 100 }, () => minor() / 10 ** Math.floor(rnd() * 9));
      expect(numbers.map((n) => formatCell(col('number'), n, c, 'display')), locale).toEqual(numbers.map((n) => number.format(n)));
      const integers = Array.from({ length: 100 }, minor);
      expect(integers.map((k) => formatCell(col('integer'), k, c, 'display')), locale).toEqual(integers.map((k) => integer.format(k)));
      const dates = Array.from({ length: 100 }, () => addDays('1000-01-01', Math.floor(rnd() * 3_000_000)));
      const viaIntl = (d: string) => {
        const [y, mo, day] = d.split('-').map(Number) as [number, number, number];
        const utc = new Date(0);
        utc.setUTCFullYear(y, mo - 1, day);
        return date.format(utc);
      };
      expect(dates.map((d) => formatCell(col('date'), d, c, 'display')), locale).toEqual(dates.map(viaIntl));
    });
  });
});

describe('text helpers', () => {
  it('neutraliseFormula prefixes formula starts (OWASP), nothing else', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('\rx')).toBe("'\rx");
    expect(neutraliseFormula("'quoted")).toBe("'quoted");
    expect(neutraliseFormula('CRM')).toBe('CRM');
    expect(neutraliseFormula('')).toBe('');
  });
  it('shiftDecimal and plainNumber are exact', () => {
    expect(shiftDecimal('1.2', 6)).toBe('1200000');
    expect(shiftDecimal('0.45', 2)).toBe('45');
    expect(shiftDecimal('0.0015', 6)).toBe('1500');
    expect(shiftDecimal('12', -3)).toBe('0.012');
    expect(plainNumber(-1.5e-7)).toBe('-0.00000015');
    expect(plainNumber(123.25)).toBe('123.25');
  });
});

describe('round trip: parseCell(formatCell(v, clipboard)) gives v back', () => {
  const rnd = seededRandom(7);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const words = ['CRM', 'replacement', '=SUM(A1)', "'quoted", "''=x", '-5 days', '+44 20', '@home', 'naïve café', 'Ünïcödé', '"quoted"', 'tab\tinside', 'a;b', 'x, y'];
  const generators: Record<ColumnType, (ctx: ColumnContext) => unknown> = {
    text: () => Array.from({ length: 1 + int(3) }, () => pick(words)).join(' ').trim(),
    longtext: () => Array.from({ length: 1 + int(3) }, () => pick(words)).join(pick(['\n', ' '])).trim(),
    person: () => pick(['Asha Patel', 'Sam Lee', "O'Brien", '-dash']),
    number: () => pick([0, 1, -1, 0.1, 0.3, 1234.5678, -99.125, 1e-7, 123456789.25, 1 / 3, Math.PI * 1e6, int(1e9) / 1000]),
    integer: () => int(2_000_000) - 1_000_000,
    money: () => (rnd() < 0.1 ? pick([1e15, -1e15]) : pick([0, 1, 5, 10, 99, 100, 120_050, -310, -50_000]) + (rnd() < 0.5 ? int(1e12) : 0)),
    percent: () => pick([0, 0.5, 1, 12.5, 45, 99.99, 100, int(10_000) / 100]),
    date: () => addDays('1900-03-01', int(80_000)),
    select: () => pick(STAGES).value,
    multiselect: () => [...new Set(Array.from({ length: int(4) }, () => pick(STAGES).value))],
    checkbox: () => rnd() < 0.5,
    rag: () => pick(['R', 'A', 'G', null]),
    reference: (ctx) => pick(ctx.options('project')).value,
    references: (ctx) => [...new Set(Array.from({ length: int(4) }, () => pick(ctx.options('objective')).value))],
  };
  const optionsOf: Partial<Record<ColumnType, ColumnDef['options']>> = { select: STAGES, multiselect: STAGES, reference: 'project', references: 'objective' };
  const contexts = { gb, us, de, fr, ymd: context({ dateOrder: 'YMD', locale: 'sv-SE' }) };
  for (const type of Object.keys(generators) as ColumnType[]) {
    it(type, () => {
      const c = col(type, { options: optionsOf[type] });
      for (const [name, ctx] of Object.entries(contexts)) {
        for (let i = 0; i < 300; i++) {
          const v = generators[type](ctx);
          const text = formatCell(c, v, ctx, 'clipboard');
          const back = parseCell(c, text, ctx);
          expect(back, `${name} ${JSON.stringify(v)} → ${JSON.stringify(text)}`).toEqual({ ok: true, value: v === null && type !== 'rag' ? null : v });
          // Through the copy path too: neutralised clipboard text reads back the same.
          if (typeof v === 'string' && (type === 'text' || type === 'longtext' || type === 'person')) expect(parseCell(c, neutraliseFormula(text), ctx), JSON.stringify(v)).toEqual({ ok: true, value: v });
        }
      }
    });
  }
});

describe('choicesOf', () => {
  it('offers RAG and yes/no choices, and a column’s own options otherwise', async () => {
    const { choicesOf } = await import('./convert');
    const ctx = { options: () => [{ value: 'pg-1', label: 'Digital' }] } as never;
    expect(choicesOf({ id: 'r', header: 'RAG', type: 'rag', editable: true, get: () => null }, ctx).map((o) => o.label)).toEqual(['Green', 'Amber', 'Red']);
    expect(choicesOf({ id: 'c', header: 'Done', type: 'checkbox', editable: true, get: () => null }, ctx).map((o) => o.value)).toEqual(['true', 'false']);
    expect(choicesOf({ id: 'p', header: 'Programme', type: 'reference', options: 'programme', editable: true, get: () => null }, ctx)).toEqual([{ value: 'pg-1', label: 'Digital' }]);
    expect(choicesOf({ id: 't', header: 'Name', type: 'text', editable: true, get: () => null }, ctx)).toEqual([]);
  });
});
