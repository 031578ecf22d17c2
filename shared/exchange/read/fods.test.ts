// Flat ODS (.fods, one XML file, as LibreOffice writes it): read like an .ods, with the same
// guards, and hostile XML (entity expansion, external entities, repeated-cell bombs) refused
// before SheetJS parses anything.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { readSpreadsheet } from './read';
import type { ReadResult, SourceWorkbook } from '../source';

vi.mock('@e965/xlsx', async (importOriginal) => {
  const real = await importOriginal<typeof XLSX>();
  return { ...real, read: vi.fn(real.read) };
});
const sheetJsRead = vi.mocked(XLSX.read);
beforeEach(() => {
  sheetJsRead.mockClear();
});

function opened(r: ReadResult): SourceWorkbook {
  if (!r.ok) throw new Error(`expected the file to open, got: ${r.reason}`);
  return r.workbook;
}

function refused(r: ReadResult): string {
  if (r.ok) throw new Error('expected a refusal, but the file opened');
  return r.reason;
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"';

function fods(tables: string, opts: { prolog?: string; mimetype?: string; styles?: string } = {}): string {
  const mime = opts.mimetype ?? 'application/vnd.oasis.opendocument.spreadsheet';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n${opts.prolog ?? ''}<office:document ${NS} office:version="1.2" office:mimetype="${mime}">` +
    `${opts.styles ?? ''}<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document>`
  );
}

const s = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
const n = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;

describe('readSpreadsheet: .fods', () => {
  it('reads sheets, text, numbers and dates', () => {
    const xml = fods(
      `<table:table table:name="Projects">${row(s('Code'), s('Name'), s('Budget'), s('Start'))}` +
        row(s('PRJ-001'), s('Café &amp; co — 東京'), n(1250.5), '<table:table-cell office:value-type="date" office:date-value="2026-03-04"><text:p>04/03/2026</text:p></table:table-cell>') +
        `</table:table><table:table table:name="Risks">${row(s('Title'))}${row(s('Supplier late'))}</table:table>`,
    );
    const wb = opened(readSpreadsheet(strToU8(xml), 'portfolio.fods'));
    expect(wb.format).toBe('fods');
    expect(wb.sheets.map((x) => x.name)).toEqual(['Projects', 'Risks']);
    expect(wb.sheets[0]!.rows[1]).toEqual(['PRJ-001', 'Café & co — 東京', 1250.5, { d: '2026-03-04' }]);
    expect(wb.sheets[1]!.rows).toEqual([['Title'], ['Supplier late']]);
  });

  it('reads a .fods with a byte order mark, whatever its name', () => {
    const xml = fods(`<table:table table:name="S">${row(s('Name'))}${row(s('Alpha'))}</table:table>`);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(xml)]);
    expect(opened(readSpreadsheet(bytes, 'export.xml')).sheets[0]!.rows).toEqual([['Name'], ['Alpha']]);
  });

  it('refuses a billion-laughs .fods (entities defined in a DOCTYPE) before parsing, with a clear message', () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = fods(`<table:table table:name="S">${row(s('Name'))}${row(s('&lol9;'))}</table:table>`, { prolog: `<!DOCTYPE office:document [\n${entities.join('\n')}\n]>\n` });
    const reason = refused(readSpreadsheet(strToU8(xml), 'laughs.fods'));
    expect(reason).toMatch(/^"laughs\.fods" was refused: its XML declares a document type \(entity definitions or references to other files/);
    expect(sheetJsRead).not.toHaveBeenCalled();
  });

  it('refuses an external entity (XXE) .fods', () => {
    const xml = fods(`<table:table table:name="S">${row(s('&xxe;'))}</table:table>`, { prolog: '<!DOCTYPE office:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' });
    expect(refused(readSpreadsheet(strToU8(xml), 'xxe.fods'))).toContain('declares a document type');
    expect(sheetJsRead).not.toHaveBeenCalled();
  });

  it('refuses a DOCTYPE hidden after the root element, and in an .ods content.xml', () => {
    const late = fods(`<table:table table:name="S">${row(s('a'))}</table:table>`).replace('<office:body>', '<!DOCTYPE x [<!ENTITY a "b">]><office:body>');
    expect(refused(readSpreadsheet(strToU8(late), 'late.fods'))).toContain('declares a document type');
    const content = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa">]><office:document-content ${NS}><office:body><office:spreadsheet><table:table table:name="S">${row(s('&a;'))}</table:table></office:spreadsheet></office:body></office:document-content>`;
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(content) });
    expect(refused(readSpreadsheet(ods, 'entities.ods'))).toMatch(/^"entities\.ods" was refused: its XML declares a document type/);
    expect(sheetJsRead).not.toHaveBeenCalled();
  });

  it('refuses a .fods whose one cell is repeated over a whole sheet, before SheetJS expands it', () => {
    const xml = fods(`<table:table table:name="S"><table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row></table:table>`);
    expect(xml.length).toBeLessThan(2000);
    const reason = refused(readSpreadsheet(strToU8(xml), 'repeat.fods'));
    expect(reason).toMatch(/^"repeat\.fods" was refused: its repeated rows and cells would expand to more than 20,000,000 cells/);
    expect(sheetJsRead).not.toHaveBeenCalled();
  });

  it('keeps the file size and cell limits', () => {
    const xml = fods(`<table:table table:name="S">${Array.from({ length: 30 }, (_, i) => row(s(`r${i}`), n(i))).join('')}</table:table>`);
    expect(refused(readSpreadsheet(strToU8(xml), 'big.fods', { limits: { maxFileBytes: 1000 } }))).toMatch(/^"big\.fods" was refused: it is .* \(limit /);
    expect(refused(readSpreadsheet(strToU8(xml), 'cells.fods', { limits: { maxCells: 50 } }))).toMatch(/^"cells\.fods" was refused: it holds more than 50 cells/);
  });

  it('refuses flat OpenDocument text and presentations, and other XML, by what they are', () => {
    const odt = fods('', { mimetype: 'application/vnd.oasis.opendocument.text' }).replace('<office:spreadsheet></office:spreadsheet>', '<office:text><text:p>Minutes</text:p></office:text>');
    expect(refused(readSpreadsheet(strToU8(odt), 'minutes.fods'))).toBe('"minutes.fods" is not a spreadsheet that can be imported: it is a flat OpenDocument text document, not a spreadsheet.');
    const odp = fods('', { mimetype: 'application/vnd.oasis.opendocument.presentation' });
    expect(refused(readSpreadsheet(strToU8(odp), 'deck.fodp'))).toContain('flat OpenDocument presentation');
    expect(refused(readSpreadsheet(strToU8('<?xml version="1.0"?><rss><channel/></rss>'), 'feed.xml'))).toContain('it is an XML or web page file');
    expect(refused(readSpreadsheet(strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), 'x.xml'))).toContain('declares a document type');
  });

  it('refuses a damaged .fods with a message that names LibreOffice', () => {
    const xml = fods(`<table:table table:name="S">${row(s('a'))}`).slice(0, -40);
    // A cut-off file: what could be read is no sheet, and the message says so.
    expect(refused(readSpreadsheet(strToU8(xml), 'cut.fods'))).toBe('"cut.fods" holds no sheets.');
  });
});

const SOFFICE = process.env['SOFFICE'] || 'soffice';
const hasSoffice = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;

describe('.fods written by LibreOffice', () => {
  it('reads what LibreOffice saved as flat ODS the same as its .ods', { timeout: 120_000 }, (ctx) => {
    if (!hasSoffice) {
      if (process.env['CI']) throw new Error('LibreOffice (soffice) is not installed; .ci/run installs it.');
      console.warn('LibreOffice (soffice) is not installed: test skipped (in CI it fails instead).');
      ctx.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'pmo-fods-'));
    try {
      const xml = fods(
        `<table:table table:name="Portfolio">${row(s('Code'), s('Name'), s('Budget'))}` +
          Array.from({ length: 20 }, (_, i) => row(s(`PRJ-${i}`), `<table:table-cell office:value-type="string"><text:p>Line one</text:p><text:p>second</text:p></table:table-cell>`, n(1000 + i))).join('') +
          '</table:table>',
      );
      writeFileSync(join(dir, 'src.fods'), xml);
      const profile = pathToFileURL(join(dir, 'profile')).href;
      for (const to of ['ods', 'xlsx']) {
        const r = spawnSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, join(dir, 'src.fods')], { encoding: 'utf8', timeout: 120_000 });
        expect(r.status, r.stderr).toBe(0);
      }
      // LibreOffice's own flat ODS, from its xlsx.
      writeFileSync(join(dir, 'again.xlsx'), readFileSync(join(dir, 'src.xlsx')));
      const r = spawnSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'fods', '--outdir', dir, join(dir, 'again.xlsx')], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const flat = opened(readSpreadsheet(new Uint8Array(readFileSync(join(dir, 'again.fods'))), 'again.fods'));
      const zipped = opened(readSpreadsheet(new Uint8Array(readFileSync(join(dir, 'src.ods'))), 'src.ods'));
      expect(flat.format).toBe('fods');
      expect(flat.sheets[0]!.rows).toEqual(zipped.sheets[0]!.rows);
      expect(flat.sheets[0]!.rows[1]).toEqual(['PRJ-0', 'Line one\nsecond', 1000]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
