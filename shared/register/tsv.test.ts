// Clipboard TSV as Excel and LibreOffice write it: quoting, line endings, trailing newline, ragged rows.
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, parseTsv, toTsv } from './tsv';
import { seededRandom } from '../util/ids';

describe('parseTsv', () => {
  it('splits rows and cells', () => {
    expect(parseTsv('a\tb\r\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\rc\td')).toEqual([['a', 'b'], ['c', 'd']]);
  });
  it('drops the final empty line Excel writes, only that one', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('42\r\n')).toEqual([['42']]);
    expect(parseTsv('a\r\n\r\n')).toEqual([['a'], ['']]);
    expect(parseTsv('a\r\n\r\nb')).toEqual([['a'], [''], ['b']]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\r\n')).toEqual([['']]);
  });
  it('reads quoted cells with newlines, tabs and doubled quotes (Excel copying a wrapped cell)', () => {
    const excel = 'PRJ-001\t"Line one\nLine two"\t12\r\nPRJ-002\t"He said ""go"""\t"a\tb"\r\n';
    expect(parseTsv(excel)).toEqual([
      ['PRJ-001', 'Line one\nLine two', '12'],
      ['PRJ-002', 'He said "go"', 'a\tb'],
    ]);
    expect(parseTsv('"multi\r\nline"')).toEqual([['multi\r\nline']]);
    expect(parseTsv('""\tx')).toEqual([['', 'x']]);
    expect(parseTsv('""""')).toEqual([['"']]);
  });
  it('a quote that does not close the cell is text', () => {
    expect(parseTsv('"Big" room\tx')).toEqual([['"Big" room', 'x']]);
    expect(parseTsv('"unclosed\tx\r\ny')).toEqual([['"unclosed', 'x'], ['y', '']]);
    expect(parseTsv('5" screen\t"x"')).toEqual([['5" screen', 'x']]);
  });
  it('pads ragged rows to the widest', () => {
    expect(parseTsv('a\r\nb\tc\td\r\n\te')).toEqual([
      ['a', '', ''],
      ['b', 'c', 'd'],
      ['', 'e', ''],
    ]);
  });
  it('keeps empty cells at the ends of rows', () => {
    expect(parseTsv('\ta\t\r\n\t\t')).toEqual([['', 'a', ''], ['', '', '']]);
  });
  it('ignores a byte-order mark', () => {
    expect(parseTsv('\uFEFFa\tb')).toEqual([['a', 'b']]);
  });
});

describe('toTsv', () => {
  it('joins with tabs and CRLF, no trailing newline', () => {
    expect(toTsv([['a', 'b'], ['c', 'd']])).toBe('a\tb\r\nc\td');
    expect(toTsv([['1200.50']])).toBe('1200.50');
  });
  it('quotes cells holding a tab, newline, CR or quote', () => {
    expect(toTsv([['Line one\nLine two', 'a\tb', 'He said "go"', 'cr\rhere', 'plain']])).toBe('"Line one\nLine two"\t"a\tb"\t"He said ""go"""\t"cr\rhere"\tplain');
  });
  it('round-trips through parseTsv', () => {
    const rnd = seededRandom(3);
    const bits = ['a', 'PRJ-001', '"', '""', '\t', '\n', '\r\n', '\r', ' ', '£1,200.50', 'é', ''];
    for (let t = 0; t < 500; t++) {
      const h = 1 + Math.floor(rnd() * 4);
      const w = 1 + Math.floor(rnd() * 4);
      const rows = Array.from({ length: h }, () => Array.from({ length: w }, () => Array.from({ length: Math.floor(rnd() * 4) }, () => bits[Math.floor(rnd() * bits.length)]!).join('')));
      // One empty cell alone on the last row is the trailing newline's ambiguity: Excel has it too.
      if (w === 1 && rows[h - 1]![0] === '') rows[h - 1]![0] = 'x';
      expect(parseTsv(toTsv(rows)), JSON.stringify(rows)).toEqual(rows);
    }
  });
});

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe on = + - @ tab CR only', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', 'ok', "'x", ''].map(neutraliseFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", 'ok', "'x", '']);
  });
});
