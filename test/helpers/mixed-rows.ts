// Rows of every kind of value the xlsx writer takes (text, dates, money-like numbers, booleans,
// RAG words, percentages, blanks) and columns with formats to match: the writer's unit test
// and `npm run bench` write them.
import type { XlsxValue } from '../../shared/exchange/xlsx/writer';

export function mixedRows(n: number, width: number): XlsxValue[][] {
  const rows: XlsxValue[][] = [];
  for (let r = 0; r < n; r++) {
    const row: XlsxValue[] = [];
    for (let c = 0; c < width; c++) {
      switch (c % 7) {
        case 0: row.push(`P-${r}`); break;
        case 1: row.push(`Project name ${r % 500} with some words`); break;
        case 2: row.push({ date: `20${10 + (r % 20)}-0${1 + (r % 9)}-1${r % 10}` }); break;
        case 3: row.push(r * 1.25 - 1000); break;
        case 4: row.push(r % 3 === 0); break;
        case 5: row.push(['Red', 'Amber', 'Green'][r % 3]!); break;
        default: row.push(r % 11 === 0 ? null : (r % 100) / 100);
      }
    }
    rows.push(row);
  }
  return rows;
}

export function mixedColumns(width: number) {
  return Array.from({ length: width }, (_, c) => ({
    header: `Column ${c}`,
    width: 12,
    numFmt: c % 7 === 3 ? '#,##0.00' : c % 7 === 6 ? '0%' : undefined,
    rag: c % 7 === 5,
    wrap: c % 7 === 1,
  }));
}
