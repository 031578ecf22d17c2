// Fill colours of empty cells, as the reader hands them on (SourceSheet.fills), from files that
// LibreOffice and Gnumeric wrote, and a RAG column carried only by colour imported from each.
// Tests that need LibreOffice (soffice) or Gnumeric (ssconvert) follow xlsx/interop.test.ts:
// skipped with a note where the program is missing, failing in CI (.ci/run installs both).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readSpreadsheet } from './read';
import { applyOdsFills, odsCellStyleFills } from './ods-fills';
import type { SourceSheet, SourceWorkbook } from '../source';
import { WorkbookState } from '../../commands/state';
import { planNewWorkbook } from '../../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../../test/helpers/tiny-workbook';
import { analyseWorkbook } from '../analyse';
import { planImport } from '../import';

const SOFFICE = process.env['SOFFICE'] || 'soffice';
const SSCONVERT = process.env['SSCONVERT'] || 'ssconvert';
const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const hasSoffice = has(SOFFICE);
const hasSsconvert = has(SSCONVERT);
const inCi = !!process.env['CI'];

function requireProgram(ok: boolean, what: string, pkg: string, skip: (note?: string) => void): void {
  if (ok) return;
  if (inCi) throw new Error(`${what} is not installed; .ci/run installs it (apt-get install ${pkg}).`);
  const note = `${what} is not installed: test skipped. Install ${pkg} to run it (in CI it fails instead).`;
  console.warn(note);
  skip(note);
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

/** The colours people use for RAG, and what each means. */
const PALETTE: [string, 'R' | 'A' | 'G'][] = [
  ['#FF0000', 'R'],
  ['#FFC000', 'A'],
  ['#00B050', 'G'],
  ['#C00000', 'R'],
  ['#FFFF00', 'A'],
  ['#92D050', 'G'],
  ['#FFC7CE', 'R'],
  ['#FFEB9C', 'A'],
  ['#C6EFCE', 'G'],
];

/**
 * A client's status sheet as flat ODS: a title row, the header, then per project its code, name,
 * an empty RAG cell coloured from the palette (every 10th one left white, every 7th written as
 * text "Green" on a red fill: the text wins), and a budget.
 */
function clientFods(rows: number): { fods: string; expected: Map<string, 'R' | 'A' | 'G' | null> } {
  const styles = PALETTE.map(([hex], i) => `<style:style style:name="f${i}" style:family="table-cell"><style:table-cell-properties fo:background-color="${hex.toLowerCase()}"/></style:style>`);
  styles.push('<style:style style:name="white" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffffff"/></style:style>');
  const cell = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
  const body: string[] = [];
  body.push(`<table:table-row>${cell('Portfolio status, March 2026')}</table:table-row>`);
  body.push(`<table:table-row>${['Code', 'Name', 'RAG', 'Budget'].map(cell).join('')}</table:table-row>`);
  const expected = new Map<string, 'R' | 'A' | 'G' | null>();
  for (let i = 0; i < rows; i++) {
    const code = `ST-${String(i + 1).padStart(3, '0')}`; // codes the test workbook does not hold
    let rag: string;
    if (i % 10 === 9) {
      rag = '<table:table-cell table:style-name="white"/>';
      expected.set(code, null);
    } else if (i % 7 === 6) {
      rag = `<table:table-cell table:style-name="f0" office:value-type="string"><text:p>Green</text:p></table:table-cell>`;
      expected.set(code, 'G');
    } else {
      const k = i % PALETTE.length;
      rag = `<table:table-cell table:style-name="f${k}"/>`;
      expected.set(code, PALETTE[k]![1]);
    }
    body.push(`<table:table-row>${cell(code)}${cell(`Project ${i + 1}`)}${rag}<table:table-cell office:value-type="float" office:value="${1000 + i}"><text:p>${1000 + i}</text:p></table:table-cell></table:table-row>`);
  }
  const fods =
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` +
    `<office:automatic-styles>${styles.join('')}</office:automatic-styles><office:body><office:spreadsheet>` +
    `<table:table table:name="Portfolio">${body.join('\n')}</table:table></office:spreadsheet></office:body></office:document>`;
  return { fods, expected };
}

function setup() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

/** Imports the workbook's first sheet as the wizard proposes it; the RAG per project code and the warnings. */
function importRag(wb: SourceWorkbook): { rag: Map<string, unknown>; warnings: string[] } {
  const { state, clock } = setup();
  const proposals = analyseWorkbook(wb, state.settings, []);
  const p = proposals.find((x) => x.sheet === 'Portfolio')!;
  expect(p.kind).toBe('project');
  const ragColumn = p.suggestions.find((s) => s.field === 'rag.overall');
  expect(ragColumn, 'the RAG column is suggested as the overall RAG').toBeDefined();
  const plan = planImport(state, wb, [p.mapping], { today: '2026-03-01', newId: clock.newId });
  const rag = new Map<string, unknown>();
  for (const op of plan.ops) {
    if (op.op !== 'create' || op.entity !== 'project') continue;
    const r = op.record as { code?: string; rag?: { overall?: unknown } };
    rag.set(String(r.code), r.rag?.overall ?? null);
  }
  return { rag, warnings: plan.report.issues.filter((i) => i.severity === 'warning').map((i) => i.message) };
}

function expectRag(wb: SourceWorkbook, expected: Map<string, 'R' | 'A' | 'G' | null>, label: string) {
  const { rag, warnings } = importRag(wb);
  expect(rag.size, `${label}: every project imported`).toBe(expected.size);
  for (const [code, want] of expected) expect(rag.get(code) ?? null, `${label}: ${code}`).toBe(want);
  const fromColour = [...expected.entries()].filter(([, v], i) => v !== null && i % 7 !== 6).length;
  const note = warnings.find((w) => w.startsWith('RAG read from the cell colour'));
  expect(note, `${label}: the report says the RAG came from colours`).toBeDefined();
  expect(note).toContain(`(${fromColour} rows:`);
}

describe('ODS fills (ods-fills.ts)', () => {
  it('resolves parent styles, column and row defaults, and "transparent"', () => {
    const styles = `<office:styles><style:style style:name="Bad" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffcccc"/></style:style>
      <style:style style:name="Plain" style:family="table-cell"><style:table-cell-properties fo:background-color="transparent"/></style:style></office:styles>`;
    const content = `<office:document-content ${NS}><office:automatic-styles>
      <style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Bad"><style:paragraph-properties/></style:style>
      <style:style style:name="ce2" style:family="table-cell"><style:table-cell-properties fo:background-color="#00b050"/></style:style>
      <style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Plain"/>
      <style:style style:name="co1" style:family="table-column"/>
      </office:automatic-styles><office:body><office:spreadsheet><table:table table:name="S">
      <table:table-column table:default-cell-style-name="Default"/><table:table-column table:default-cell-style-name="ce2" table:number-columns-repeated="2"/>
      <table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:style-name="ce1"/><table:table-cell table:style-name="ce3"/></table:table-row>
      <table:table-row><table:table-cell office:value-type="string"><text:p>b</text:p></table:table-cell></table:table-row>
      <table:table-row table:default-cell-style-name="ce1"><table:table-cell office:value-type="string"><text:p>c</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>has text</text:p></table:table-cell></table:table-row>
      </table:table></office:spreadsheet></office:body></office:document-content>`;
    expect([...odsCellStyleFills([styles, content])].sort()).toEqual([['Bad', 'FFCCCC'], ['ce1', 'FFCCCC'], ['ce2', '00B050']]);
    const sheet: SourceSheet = { name: 'S', rows: [['a'], ['b'], ['c', 'has text']], width: 3, merges: [], hidden: false };
    applyOdsFills([sheet], content, [styles, content], 1000);
    // Row 1: B from its own style's parent, C transparent. Row 2: B and C from the column default.
    // Row 3: the row's default, C only (B has text).
    expect(sheet.fills).toEqual({ '0,1': 'FFCCCC', '1,1': '00B050', '1,2': '00B050', '2,2': 'FFCCCC' });
  });

  it('walks rows and cells repeated a million times only inside the used range, and stops at the limit', () => {
    const content = `<office:document-content ${NS}><office:automatic-styles><style:style style:name="r" style:family="table-cell"><style:table-cell-properties fo:background-color="#ff0000"/></style:style></office:automatic-styles>
      <office:body><office:spreadsheet><table:table table:name="S">
      <table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:style-name="r" table:number-columns-repeated="16383"/></table:table-row>
      <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:style-name="r" table:number-columns-repeated="16384"/></table:table-row>
      </table:table></office:spreadsheet></office:body></office:document-content>`;
    const rows = Array.from({ length: 50 }, (_, i) => [`row ${i}`, null, null, 'end']);
    const sheet: SourceSheet = { name: 'S', rows, width: 4, merges: [], hidden: false };
    const t0 = performance.now();
    const r = applyOdsFills([sheet], content, [content], 1_000_000);
    const ms = performance.now() - t0;
    // Every empty cell (B, C) of the 50 used rows; none of the million rows and columns beyond.
    expect(r).toEqual({ kept: 50 * 2, capped: false });
    expect(Object.keys(sheet.fills!)).toHaveLength(50 * 2);
    expect(sheet.fills!['49,2']).toBe('FF0000');
    expect(ms).toBeLessThan(2000); // generous: the walk is per used row, not per repeated row
    const small: SourceSheet = { name: 'S', rows: rows.map((x) => [...x]), width: 4, merges: [], hidden: false };
    expect(applyOdsFills([small], content, [content], 10)).toEqual({ kept: 10, capped: true });
  });
});

describe('readSpreadsheet: fills', () => {
  it('reads fills from a flat ODS, only for empty cells, and the import turns them into RAGs', () => {
    const { fods, expected } = clientFods(30);
    const r = readSpreadsheet(strToU8(fods), 'status.fods');
    if (!r.ok) throw new Error(r.reason);
    expect(r.workbook.format).toBe('fods');
    const s = r.workbook.sheets[0]!;
    // Row 2 (0-based) is ST-001, coloured #FF0000; the white ones are not kept.
    expect(s.fills?.['2,2']).toBe('FF0000');
    expect(s.fills?.['11,2']).toBeUndefined(); // ST-010: white
    expect(s.fills?.['8,2']).toBeUndefined(); // ST-007: text "Green" on red
    expectRag(r.workbook, expected, 'flat ODS');
  });

  it('reads Excel theme colours with a tint (SheetJS resolves them against the theme)', { timeout: 120_000 }, (ctx) => {
    requireProgram(hasSoffice, 'LibreOffice (soffice)', 'libreoffice-calc', ctx.skip);
    const dir = mkdtempSync(join(tmpdir(), 'pmo-fills-'));
    try {
      const { fods } = clientFods(3);
      writeFileSync(join(dir, 'status.fods'), fods);
      convertWithLibreOffice(dir, 'status.fods', 'xlsx');
      const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'status.xlsx'))));
      // Excel's way: fills as theme colours with a tint, against the Office theme (LibreOffice
      // writes plain RGB and no theme, so both are put in as Excel writes them).
      files['xl/theme/theme1.xml'] = strToU8(OFFICE_THEME);
      const types = new TextDecoder().decode(files['[Content_Types].xml']!);
      files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>'));
      const rels = new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']!);
      files['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>'));
      // ST-001's red becomes accent 2 (C0504D, red) lightened 40 %, ST-002's orange accent 6
      // (F79646, orange) darkened 25 %, ST-003's green accent 3 (9BBB59) as it is.
      const themed: Record<string, string> = { FFFF0000: '<fgColor theme="5" tint="0.3999755851924192"/>', FFFFC000: '<fgColor theme="9" tint="-0.249977111117893"/>', FF00B050: '<fgColor theme="6"/>' };
      let swapped = 0;
      const styles = new TextDecoder().decode(files['xl/styles.xml']!).replace(/<fgColor rgb="([0-9A-F]{8})"\/>/gi, (all, rgb: string) => {
        const t = themed[rgb.toUpperCase()];
        if (t) swapped++;
        return t ?? all;
      });
      expect(swapped, 'the three RAG fills were made theme colours').toBe(3);
      files['xl/styles.xml'] = strToU8(styles);
      const r = readSpreadsheet(zipSync(files), 'themed.xlsx');
      if (!r.ok) throw new Error(r.reason);
      const fills = r.workbook.sheets[0]!.fills!;
      expect(fills['2,2'], 'accent 2 lightened 40 %').toBe('D99694');
      const { rag } = importRag(r.workbook);
      expect([rag.get('ST-001'), rag.get('ST-002'), rag.get('ST-003')]).toEqual(['R', 'A', 'G']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The Office 2007–2010 theme's colours, as Excel writes theme1.xml (the rest of the theme left out). */
const OFFICE_THEME =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>' +
  '<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
  '<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1>' +
  '<a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4>' +
  '<a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink>' +
  '<a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>' +
  '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>' +
  '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>' +
  '</a:themeElements></a:theme>';

function convertWithLibreOffice(dir: string, file: string, to: string): void {
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, join(dir, file)], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`soffice exited ${r.status}: ${r.stderr}`);
}

function convertWithGnumeric(from: string, to: string, exporter: string): void {
  const r = spawnSync(SSCONVERT, ['-T', exporter, from, to], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`ssconvert exited ${r.status}: ${r.stderr}`);
}

describe('fills from files LibreOffice and Gnumeric wrote', () => {
  it('xlsx, xls, ods and fods by LibreOffice; xlsx, xls and ods by Gnumeric: every colour-only RAG imported', { timeout: 240_000 }, (ctx) => {
    requireProgram(hasSoffice, 'LibreOffice (soffice)', 'libreoffice-calc', ctx.skip);
    requireProgram(hasSsconvert, 'Gnumeric (ssconvert)', 'gnumeric', ctx.skip);
    const dir = mkdtempSync(join(tmpdir(), 'pmo-fills-'));
    try {
      const { fods, expected } = clientFods(40);
      writeFileSync(join(dir, 'client.fods'), fods);
      const made: string[] = [];
      for (const to of ['xlsx', 'xls', 'ods']) {
        convertWithLibreOffice(dir, 'client.fods', to);
        made.push(`client.${to}`);
      }
      // LibreOffice's own flat ODS (its styles and column defaults, not ours).
      writeFileSync(join(dir, 'lo.xlsx'), readFileSync(join(dir, 'client.xlsx')));
      convertWithLibreOffice(dir, 'lo.xlsx', 'fods');
      made.push('lo.fods');
      const gnumeric: [string, string][] = [
        ['gnumeric.xlsx', 'Gnumeric_Excel:xlsx2'],
        ['gnumeric.xls', 'Gnumeric_Excel:excel_biff8'],
        ['gnumeric.ods', 'Gnumeric_OpenCalc:odf'],
      ];
      for (const [name, exporter] of gnumeric) {
        convertWithGnumeric(join(dir, 'client.xlsx'), join(dir, name), exporter);
        made.push(name);
      }
      for (const name of made) {
        const r = readSpreadsheet(new Uint8Array(readFileSync(join(dir, name))), name);
        if (!r.ok) throw new Error(`${name}: ${r.reason}`);
        expectRag(r.workbook, expected, name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
