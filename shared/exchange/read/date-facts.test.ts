// What a workbook says about its date order: the order of its date cells' formats and, for
// OpenDocument, its stated language. Checked on format codes, and on real files LibreOffice and
// Gnumeric write (month-first and day-first), through to an import of text dates that read both ways.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateFormatOrder, DateFormatTally, odsDateOrderHint, odsLocale } from './date-facts';
import { readSpreadsheet } from './read';
import { convertAll, versions } from '../../../test/corpus/programs';
import { WorkbookState } from '../../commands/state';
import { planNewWorkbook } from '../../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../../test/helpers/tiny-workbook';
import { planImport } from '../import';
import type { SourceWorkbook } from '../source';

describe('dateFormatOrder', () => {
  it('finds day, month and year in format codes, minutes and weekday names aside', () => {
    const cases: [string, ReturnType<typeof dateFormatOrder>][] = [
      ['mm/dd/yy', 'MDY'],
      ['m/d/yyyy', 'MDY'],
      ['m/d/yyyy h:mm', 'MDY'],
      ['mmmm d, yyyy', 'MDY'],
      ['dddd, mmmm d, yyyy', 'MDY'],
      ['dd/mm/yyyy', 'DMY'],
      ['dd.mm.yyyy hh:mm:ss', 'DMY'],
      ['d-mmm-yy', 'DMY'],
      ['dd mmm', 'DMY'],
      ['yyyy-mm-dd', 'YMD'],
      ['yyyy/m/d h:mm', 'YMD'],
      ['mmm yyyy', null],
      ['hh:mm:ss', null],
      ['[h]:mm', null],
      ['yyyy', null],
    ];
    for (const [code, order] of cases) expect(dateFormatOrder(code), code).toBe(order);
  });
});

describe('DateFormatTally', () => {
  const strip = (z: string) => z.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  it('gives the order nine date cells in ten show', () => {
    const t = new DateFormatTally(true);
    for (let i = 0; i < 9; i++) t.add('mm/dd/yyyy', strip);
    t.add('dd/mm/yyyy', strip);
    expect(t.hint()).toBe('MDY');
    t.add('dd/mm/yyyy', strip);
    expect(t.hint()).toBeUndefined();
  });
  it('takes Excel’s built-in short date (m/d/yy, shown in each reader’s locale) as no evidence, in xlsx only', () => {
    const xlsx = new DateFormatTally(true);
    xlsx.add('m/d/yy', strip);
    expect(xlsx.hint()).toBeUndefined();
    const ods = new DateFormatTally(false);
    ods.add('m/d/yy', strip);
    expect(ods.hint()).toBe('MDY');
  });
  it('says YMD only when every counted date cell is year first (our own exports)', () => {
    const t = new DateFormatTally(true);
    t.add('yyyy-mm-dd', strip);
    expect(t.hint()).toBe('YMD');
    t.add('[$-809]dd/mm/yyyy', strip);
    expect(t.hint()).toBe('DMY');
  });
});

describe('odsLocale', () => {
  it('reads the default cell style’s language and country, else the first stated', () => {
    expect(odsLocale(['<style:default-style style:family="table-cell"><style:text-properties fo:font-size="10pt" fo:language="en" fo:country="US"/></style:default-style>'])).toBe('en-US');
    expect(odsLocale(['<office:styles/>', '<style:style><style:text-properties fo:language="de" fo:country="DE"/></style:style>'])).toBe('de-DE');
    expect(odsLocale(['<style:text-properties fo:language="fr"/>'])).toBe('fr');
    expect(odsLocale(['<style:text-properties fo:language="zxx" fo:country="none"/>', '<office:styles/>'])).toBeUndefined();
  });
});

describe('odsDateOrderHint', () => {
  const mdy = '<number:date-style style:name="N1"><number:month/><number:text>/</number:text><number:day/><number:text>/</number:text><number:year/></number:date-style>';
  const dmy = '<number:date-style style:name="N2"><number:day/><number:text>.</number:text><number:month/><number:text>.</number:text><number:year/></number:date-style>';
  const styles = `${mdy}${dmy}<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/><style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>`;
  const dateCell = (style?: string) => `<table:table-cell${style ? ` table:style-name="${style}"` : ''} office:value-type="date" office:date-value="2026-02-21">`;
  it('follows each date cell’s style to its date style', () => {
    expect(odsDateOrderHint(`${dateCell('ce1')}${dateCell('ce1')}`, [styles])).toBe('MDY');
    expect(odsDateOrderHint(`${dateCell('ce2')}`, [styles])).toBe('DMY');
    expect(odsDateOrderHint(`${dateCell('ce1')}${dateCell('ce2')}`, [styles])).toBeUndefined();
  });
  it('gives a date cell without a style its columns’ default style, when they agree', () => {
    expect(odsDateOrderHint(`<table:table-column table:default-cell-style-name="ce2"/>${dateCell()}`, [styles])).toBe('DMY');
    expect(odsDateOrderHint(`<table:table-column table:default-cell-style-name="ce1"/><table:table-column table:default-cell-style-name="ce2"/>${dateCell()}`, [styles])).toBeUndefined();
  });
  it('says nothing without date cells', () => {
    expect(odsDateOrderHint('<table:table-cell office:value-type="float" office:value="3">', [styles])).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Real files

const inCi = !!process.env['CI'];

function requirePrograms(skip: (note?: string) => void): void {
  const missing = (['libreoffice', 'gnumeric'] as const).filter((p) => !versions[p]);
  if (!missing.length) return;
  const what = missing.map((p) => (p === 'libreoffice' ? 'LibreOffice (soffice)' : 'Gnumeric (ssconvert)')).join(' and ');
  if (inCi) throw new Error(`${what} not installed; .ci/run installs them.`);
  const note = `${what} not installed: real-file date order test skipped (in CI it fails instead).`;
  console.warn(note);
  skip(note);
}

/** A flat ODS with date cells in the given order's format, its language, and text dates that read both ways. */
function fods(order: 'MDY' | 'DMY', language: string, country: string): string {
  const parts = order === 'MDY' ? ['month', 'day', 'year'] : ['day', 'month', 'year'];
  const style = parts.map((p) => `<number:${p} number:style="long"/>`).join('<number:text>/</number:text>');
  const cell = (iso: string) => {
    const [y, m, d] = iso.split('-');
    return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${iso}"><text:p>${order === 'MDY' ? `${m}/${d}/${y}` : `${d}/${m}/${y}`}</text:p></table:table-cell>`;
  };
  const text = (s: string) => `<table:table-cell office:value-type="string"><text:p>${s}</text:p></table:table-cell>`;
  const rows = [
    ['PRJ-1', 'Alpha', '2026-02-21', '03/04/2026'],
    ['PRJ-2', 'Beta', '2026-11-30', '10/09/2026'],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles><style:default-style style:family="table-cell"><style:text-properties fo:language="${language}" fo:country="${country}"/></style:default-style></office:styles>
<office:automatic-styles><number:date-style style:name="N1">${style}</number:date-style><style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Projects">
<table:table-row>${['Code', 'Name', 'Start', 'Finish'].map(text).join('')}</table:table-row>
${rows.map((r) => `<table:table-row>${text(r[0]!)}${text(r[1]!)}${cell(r[2]!)}${text(r[3]!)}</table:table-row>`).join('\n')}
</table:table></office:spreadsheet></office:body></office:document>`;
}

function read(path: string): SourceWorkbook {
  const r = readSpreadsheet(new Uint8Array(readFileSync(path)), path.split('/').pop()!);
  if (!r.ok) throw new Error(`${path}: ${r.reason}`);
  return r.workbook;
}

/** The Finish column's text dates as the import reads them, with a workbook set to the other order. */
function finishes(source: SourceWorkbook, setting: 'DMY' | 'MDY'): { finish: unknown[]; basis: unknown } {
  const clock = testClock();
  const wb = tinyWorkbook();
  const p = planNewWorkbook({ ...wb, settings: { ...wb.settings, dateOrder: setting } }, { ...clock, origin: 'create', label: 'New' });
  const state = new WorkbookState(p.workbook, p.rows);
  const s = source.sheets[0]!;
  const plan = planImport(state, source, [{ sheet: s.name, kind: 'project', headerRow: 0, firstDataRow: 1, lastDataRow: s.rows.length - 1, columns: ['code', 'name', 'start', 'finish'].map((field, column) => ({ column, field })) }], { today: '2026-05-01', newId: clock.newId });
  const finish = plan.ops.filter((o) => o.op === 'create' && o.entity === 'project').map((o) => (o as { record: Record<string, unknown> }).record['finish']);
  return { finish, basis: plan.report.readings.find((x) => x.column === 'D')?.basis };
}

describe('date order of files LibreOffice and Gnumeric write', () => {
  it('month-first and day-first date cells give the hint (and ODS its language), and the import reads text dates by it', { timeout: 300_000 }, ({ skip }) => {
    requirePrograms(skip);
    const made = convertAll([
      { name: 'dates-mdy', fods: fods('MDY', 'en', 'US'), formats: ['xlsx', 'xls', 'ods', 'fods'] },
      { name: 'dates-dmy', fods: fods('DMY', 'en', 'GB'), formats: ['xlsx', 'xls', 'ods', 'fods'] },
    ]);
    const seen: string[] = [];
    for (const [name, files] of made) {
      const order = name === 'dates-mdy' ? 'MDY' : 'DMY';
      expect(files.length, `${name}: files made`).toBeGreaterThanOrEqual(7);
      for (const f of files) {
        const source = read(f.path);
        const what = `${f.program} ${f.format} (${name})`;
        expect(source.sheets[0]!.rows[1]![2], what).toEqual({ d: '2026-02-21' });
        expect(source.dateOrderHint, what).toBe(order);
        if (f.program === 'libreoffice' && (f.format === 'ods' || f.format === 'fods')) expect(source.locale, what).toBe(order === 'MDY' ? 'en-US' : 'en-GB');
        // 03/04/2026 and 10/09/2026 read both ways; the file's formats decide, not the workbook setting.
        const r = finishes(source, order === 'MDY' ? 'DMY' : 'MDY');
        expect(r, what).toEqual({ finish: order === 'MDY' ? ['2026-03-04', '2026-10-09'] : ['2026-04-03', '2026-09-10'], basis: 'file-formats' });
        seen.push(what);
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(14);
  });

  it('a CSV of month-first dates that Gnumeric and LibreOffice save as xlsx and ods says month first', { timeout: 300_000 }, ({ skip }) => {
    requirePrograms(skip);
    const dir = mkdtempSync(join(tmpdir(), 'pmo-date-csv-'));
    try {
      const csvPath = join(dir, 'us.csv');
      writeFileSync(csvPath, 'Code,Name,Start\nPRJ-1,Alpha,02/21/2026\nPRJ-2,Beta,12/31/2026\n');
      const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
      const files: string[] = [];
      for (const ext of ['xlsx', 'ods']) {
        const target = join(dir, `gnumeric.${ext}`);
        const g = spawnSync(process.env['SSCONVERT'] || 'ssconvert', [csvPath, target], { encoding: 'utf8', env, timeout: 120_000 });
        expect(g.status, g.stderr).toBe(0);
        files.push(target);
      }
      const profile = `file://${join(dir, 'lo-profile')}`;
      // 1033: the CSV's dates are read as en-US writes them.
      const lo = spawnSync(process.env['SOFFICE'] || 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--infilter=CSV:44,34,76,1,,1033', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo'), csvPath], { encoding: 'utf8', env, timeout: 120_000 });
      expect(lo.status, lo.stderr).toBe(0);
      files.push(join(dir, 'lo', 'us.xlsx'));
      for (const f of files) {
        const source = read(f);
        expect(source.sheets[0]!.rows[1]![2], f).toEqual({ d: '2026-02-21' });
        expect(source.dateOrderHint, f).toBe('MDY');
      }
      // The CSV itself states nothing: no hint, no language.
      const csv = read(csvPath);
      expect([csv.dateOrderHint, csv.locale]).toEqual([undefined, undefined]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
