import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { exactOdsParagraphs } from './ods-text';
import { readSpreadsheet } from './read';

/** A one-sheet .ods whose first column holds these cells (their <text:p> markup as given). */
function ods(cells: readonly string[]): Uint8Array {
  const rows = cells.map((c) => `<table:table-row><table:table-cell office:value-type="string" calcext:value-type="string">${c}</table:table-cell></table:table-row>`).join('');
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">' +
    `<office:body><office:spreadsheet><table:table table:name="S">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`;
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>';
  const styles = '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"><office:styles/></office:document-styles>';
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(content), 'styles.xml': strToU8(styles), 'META-INF/manifest.xml': strToU8(manifest) });
}

function texts(cells: readonly string[]): unknown[] {
  const r = readSpreadsheet(ods(cells), 'cells.ods');
  if (!r.ok) throw new Error(r.reason);
  return r.workbook.sheets[0]!.rows.map((row) => row[0] ?? null);
}

describe('ODS cell text read exactly', () => {
  it('reads the forms LibreOffice writes: a paragraph per line, literal single spaces at the ends, <text:s/>, <text:tab/>', () => {
    expect(
      texts([
        '<text:p> both </text:p><text:p> sides </text:p>',
        '<text:p/><text:p/><text:p>starts</text:p>',
        '<text:p>a</text:p><text:p/><text:p>b</text:p>',
        '<text:p>ends</text:p><text:p/>',
        '<text:p><text:s text:c="2"/>lead</text:p>',
        '<text:p>trail <text:s/></text:p>',
        '<text:p><text:tab/>leadtab</text:p>',
        '<text:p>中文 <text:span text:style-name="T1">测试</text:span> 😀</text:p>',
      ]),
    ).toEqual([' both \n sides ', '\n\nstarts', 'a\n\nb', 'ends\n', '  lead', 'trail  ', '\tleadtab', '中文 测试 😀']);
  });

  it('reads the forms Gnumeric writes: one paragraph with <text:line-break/>', () => {
    expect(texts(['<text:p><text:s/>both <text:line-break/><text:s/>sides </text:p>', '<text:p><text:line-break/><text:line-break/>starts</text:p>', '<text:p>ends<text:line-break/></text:p>'])).toEqual([
      ' both \n sides ',
      '\n\nstarts',
      'ends\n',
    ]);
  });

  it('collapses literal white space as ODF says (pretty-printed XML), keeping one space', () => {
    expect(texts(['<text:p>\n    indented\n    text\n  </text:p>', '<text:p>a \t\n b</text:p>'])).toEqual([' indented text ', 'a b']);
  });

  it('leaves content it reads correctly untouched, and an empty cell empty', () => {
    const xml = '<table:table-cell><text:p>a<text:s/>b</text:p><text:p>c</text:p></table:table-cell>';
    expect(exactOdsParagraphs(xml)).toBe(xml);
    expect(texts(['<text:p/>', '<text:p>x</text:p>'])).toEqual([null, 'x']);
  });
});
