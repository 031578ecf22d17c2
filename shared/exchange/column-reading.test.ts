// Decisions about whole columns: the order of text dates (column, sheet choice, file, workbook
// setting) and whether a percent column holds fractions.
import { describe, expect, it } from 'vitest';
import { dateColumnEvidence, dateTextReading, decideDateOrder, decidePercentColumn, type DateColumnEvidence } from './column-reading';
import { defaultSettings } from '../model/workbook';
import type { ColumnContext } from '../register/types';
import type { SourceCell, SourceSheet } from './source';
import { parseDateText } from '../register/convert';

const sheet = (column: SourceCell[]): SourceSheet => ({ name: 'S', rows: column.map((c) => [c]), width: 1, merges: [], hidden: false });
const all = (n: number) => Array.from({ length: n }, (_, i) => i);
const evidence = (...texts: string[]) => dateColumnEvidence(sheet(texts), 0, all(texts.length));
const ctx: ColumnContext = { settings: defaultSettings('T', {}), today: '2026-04-03', options: () => [], openRisks: () => 0, countOf: () => 0 };
const none = { dateOrderHint: undefined, locale: undefined };

describe('dateTextReading', () => {
  it('says which way a date can be read, with the one date parser', () => {
    expect(dateTextReading('25/03/2026')).toEqual({ kind: 'DMY' });
    expect(dateTextReading('02/21/2026')).toEqual({ kind: 'MDY' });
    expect(dateTextReading('02/21/2026 14:30')).toEqual({ kind: 'MDY' });
    expect(dateTextReading('2/21/26')).toEqual({ kind: 'MDY' });
    expect(dateTextReading('13.04.2026')).toEqual({ kind: 'DMY' });
    expect(dateTextReading('03/04/2026')).toEqual({ kind: 'both', dmy: '2026-04-03', mdy: '2026-03-04' });
  });
  it('finds nothing in dates that read one way only whatever the order, or in what is no date', () => {
    for (const t of ['2026-03-04', '05/05/2026', '4 Mar 2026', 'March 4, 2026', '46322', 'soon', '', '2026-W05', '31/31/2026']) expect(dateTextReading(t), t).toBeNull();
  });
  it('agrees with the date parser read both ways on every numeric date (its quick path)', () => {
    const both = (t: string) => {
      const d = parseDateText(t, 'DMY');
      const m = parseDateText(t, 'MDY');
      if (d.ok && m.ok) return d.value === m.value ? null : { kind: 'both', dmy: d.value, mdy: m.value };
      return d.ok ? { kind: 'DMY' } : m.ok ? { kind: 'MDY' } : null;
    };
    for (const sep of ['/', '.', '-'])
      for (let a = 0; a <= 32; a++)
        for (const b of [0, 1, 2, 9, 12, 13, 29, 31])
          for (const y of ['2024', '2026', '26', '99']) {
            const t = `${String(a).padStart(a % 2 ? 1 : 2, '0')}${sep}${b}${sep}${y}`;
            expect(dateTextReading(t), t).toEqual(both(t));
          }
  });
  it('reads the date in a period cell after its words', () => {
    expect(dateTextReading('Week of 1/5/2026', true)).toEqual({ kind: 'both', dmy: '2026-05-01', mdy: '2026-01-05' });
    expect(dateTextReading('w/c 13/01/2026', true)).toEqual({ kind: 'DMY' });
  });
});

describe('decideDateOrder', () => {
  const base = { others: [], source: none, setting: 'DMY' as const };
  it('takes the order the column’s own dates allow, whatever the sheet choice or the file say', () => {
    const d = decideDateOrder(evidence('03/04/2026', '02/21/2026'), { ...base, choice: 'DMY', source: { dateOrderHint: 'DMY', locale: 'en-GB' } });
    expect(d).toEqual({ order: 'MDY', basis: 'column', message: "month/day/year from this column's dates (02/21/2026 can only be month first)" });
    expect(decideDateOrder(evidence('25/12/2026', '01/02/2026'), { ...base, setting: 'MDY' })).toMatchObject({ order: 'DMY', basis: 'column' });
  });
  it('takes the order most of a mixed column needs and says how many dates cannot be read so', () => {
    const d = decideDateOrder(evidence('25/12/2026', '26/12/2026', '02/21/2026'), base);
    expect(d.order).toBe('DMY');
    expect(d.message).toBe("day/month/year from this column's dates (25/12/2026 can only be day first; 1 of its dates can only be month first and are not read)");
  });
  it('then the order chosen for the sheet', () => {
    expect(decideDateOrder(evidence('03/04/2026'), { ...base, choice: 'MDY', source: { dateOrderHint: 'DMY' } })).toMatchObject({ order: 'MDY', basis: 'choice' });
  });
  it('then the file: other date columns that agree, the date cells’ formats, the stated language', () => {
    const own = evidence('03/04/2026');
    const mdyColumn = { order: 'MDY' as const, where: 'column D “Finish”', example: '02/21/2026' };
    expect(decideDateOrder(own, { ...base, others: [mdyColumn] })).toEqual({
      order: 'MDY',
      basis: 'file-columns',
      message: "month/day/year from the file's other dates (column D “Finish”: 02/21/2026 can only be month first)",
    });
    // Columns that disagree decide nothing; the formats then do.
    const both = [mdyColumn, { order: 'DMY' as const, where: 'column E', example: '25/12/2026' }];
    expect(decideDateOrder(own, { ...base, others: both, source: { dateOrderHint: 'MDY' } })).toEqual({ order: 'MDY', basis: 'file-formats', message: "month/day/year from the file's date formats (its date cells show month/day/year)" });
    expect(decideDateOrder(own, { ...base, source: { dateOrderHint: 'YMD', locale: 'en-US' } })).toEqual({ order: 'MDY', basis: 'file-locale', message: "month/day/year from the file's language (en-US)" });
    expect(decideDateOrder(own, { ...base, setting: 'MDY', source: { locale: 'de-DE' } })).toMatchObject({ order: 'DMY', basis: 'file-locale' });
  });
  it('last the workbook setting; a year-first setting reads such dates day first', () => {
    expect(decideDateOrder(evidence('03/04/2026'), { ...base, setting: 'MDY' })).toEqual({ order: 'MDY', basis: 'setting', message: 'month/day/year from the workbook setting' });
    expect(decideDateOrder(evidence('03/04/2026'), { ...base, setting: 'YMD', source: { locale: 'ja-JP' } })).toMatchObject({ order: 'DMY', basis: 'setting' });
    expect(decideDateOrder({ dmy: 0, mdy: 0, ambiguous: [] } as DateColumnEvidence, base)).toMatchObject({ basis: 'setting' });
  });
  it('lists each date that reads both ways with its row', () => {
    const e = dateColumnEvidence(sheet(['Start', '03/04/2026', null, '2026-05-01', '10/09/2026']), 0, [1, 2, 3, 4]);
    expect(e.ambiguous).toEqual([
      { row: 1, text: '03/04/2026', dmy: '2026-04-03', mdy: '2026-03-04' },
      { row: 4, text: '10/09/2026', dmy: '2026-09-10', mdy: '2026-10-09' },
    ]);
  });
});

describe('decidePercentColumn', () => {
  const decide = (...cells: SourceCell[]) => decidePercentColumn(sheet(cells), 0, all(cells.length), ctx);
  it('reads a column of numbers between 0 and 1 as fractions, 1 included (Gnumeric’s 100 %)', () => {
    const d = decide(1, 0.45, 0, '0.3', null);
    expect(d?.scale).toBe('fraction');
    expect(d?.message).toBe('Numbers read as fractions, 1 as 100 % and 0.45 as 45 %: every number in it is between 0 and 1');
    expect(decide(1, 1, 0)?.scale).toBe('fraction');
    expect(decide({ n: 0.5, pct: true }, 1)?.message).toMatch(/its other cells are percentages$/);
  });
  it('reads numbers as percentages when any is above 1, and says so when some are below 1', () => {
    expect(decide(45, 100, 0)).toEqual({ scale: 'percent' });
    expect(decide('45', 0.5)).toEqual({ scale: 'percent', message: 'Numbers read as percentages, 45 as 45 % and 0.5 as 0.5 %, as some are above 1' });
  });
  it('decides nothing for columns without plain numbers, or only zeros', () => {
    expect(decide('45%', { n: 0.5, pct: true }, null)).toBeNull();
    expect(decide('n/a', null)).toBeNull();
    expect(decide(0, '0')).toEqual({ scale: 'percent' });
  });
});
