import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { neutraliseFormula } from '../register/tsv';
import { neutraliseCsvText, toCsv } from './csv-write';

/** CSV text as a spreadsheet reads it: SheetJS's CSV reader, raw cell values. */
function parse(csv: string, FS = ','): unknown[][] {
  const wb = XLSX.read(csv, { type: 'string', FS });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true, defval: null, blankrows: true });
}

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends, the last line too', () => {
    expect(toCsv(['a', 'b'], [['x', 1], ['y', 2]])).toBe('a,b\r\nx,1\r\ny,2\r\n');
    expect(toCsv([], [])).toBe('');
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });

  it('quotes fields holding the delimiter, a quote, CR or LF, or white space at either end (RFC 4180)', () => {
    expect(toCsv(['h'], [['a,b'], ['say "hi"'], ['line\nbreak'], ['cr\rhere'], [' lead'], ['trail '], ['in side'], ['semi;colon'], ['tab\there']])).toBe(
      ['h', '"a,b"', '"say ""hi"""', '"line\nbreak"', '"cr\rhere"', '" lead"', '"trail "', 'in side', 'semi;colon', 'tab\there', ''].join('\r\n'),
    );
  });

  it('quotes for the delimiter in use', () => {
    expect(toCsv(['a;b', 'c,d'], [['x\ty', 1.5]], { delimiter: ';' })).toBe('"a;b";c,d\r\nx\ty;1.5\r\n');
    expect(toCsv(['a\tb', 'c,d'], [['x;y', 'z']], { delimiter: '\t' })).toBe('"a\tb"\tc,d\r\nx;y\tz\r\n');
    expect(() => toCsv(['a'], [], { delimiter: '|' as ',' })).toThrow(RangeError);
  });

  it('writes numbers as numbers (never neutralised), booleans as TRUE/FALSE, null as empty', () => {
    expect(toCsv(['n', 'b', 'z'], [[-5, true, null], [0.1, false, null], [-0, null, null], [Number.NaN, Number.POSITIVE_INFINITY, 1e21]])).toBe(
      'n,b,z\r\n-5,TRUE,\r\n0.1,FALSE,\r\n0,,\r\n,,1e+21\r\n',
    );
  });

  it('neutralises text that a spreadsheet would run as a formula, headers included', () => {
    const csv = toCsv(['=cmd|'], [['=1+1'], ['+44'], ['-5'], ['@SUM(A1)'], ['\tx'], ['\rx'], ["'already"], ['safe']]);
    expect(csv).toBe(["'=cmd|", "'=1+1", "'+44", "'-5", "'@SUM(A1)", "'\tx", `"'\rx"`, "'already", 'safe', ''].join('\r\n'));
  });

  it('is safe to call on text that is already neutralised (neutraliseCsvText twice)', () => {
    const rows = [['=1+1', 'plain', -3]].map((r) => r.map((v) => (typeof v === 'string' ? neutraliseCsvText(v) : v)));
    expect(toCsv(['a', 'b', 'c'], rows)).toBe("a,b,c\r\n'=1+1,plain,-3\r\n");
  });

  it('pads short rows to the header, keeps long ones, and keeps an empty one-field row', () => {
    expect(toCsv(['a', 'b', 'c'], [['x'], ['1', '2', '3', '4'], []])).toBe('a,b,c\r\nx,,\r\n1,2,3,4\r\n,,\r\n');
    expect(toCsv(['a'], [[null], ['x']])).toBe('a\r\n""\r\nx\r\n');
  });

  it('starts with a byte order mark when asked', () => {
    expect(toCsv(['a'], [['é']], { bom: true })).toBe('\uFEFFa\r\né\r\n');
    expect(toCsv(['a'], [['é']]).charCodeAt(0)).toBe(97);
  });

  it('reads back in a spreadsheet as written', () => {
    const rows = [
      ['a,b', 'say "hi"', 'multi\nline', ' padded ', -5, 1.25, true],
      ['Zürich – 中文 😀', '', null, '__proto__', 0, -0.5, false],
    ];
    for (const delimiter of [',', ';', '\t'] as const) {
      const back = parse(toCsv(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7'], rows, { delimiter }), delimiter);
      expect(back[0]).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7']);
      expect(back[1]).toEqual(['a,b', 'say "hi"', 'multi\nline', ' padded ', -5, 1.25, true]);
      expect(back[2]).toEqual(['Zürich – 中文 😀', null, null, '__proto__', 0, -0.5, false]);
    }
  });
});

describe('neutraliseCsvText', () => {
  it('prefixes = + - @ tab and CR with an apostrophe, nothing else', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', 'ok', "'x", "'=x", '', ' =x'].map(neutraliseCsvText)).toEqual([
      "'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", 'ok', "'x", "'=x", '', ' =x',
    ]);
  });

  it('is the clipboard rule (one rule for text leaving the app)', () => {
    for (const s of ['=A1', '-x', 'x', "'y", '@', '\t']) expect(neutraliseCsvText(s)).toBe(neutraliseFormula(s));
  });
});
