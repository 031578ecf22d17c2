// The client-workbook corpus (issue 12): every case saved by LibreOffice and Gnumeric in each
// format it lists, imported into an empty workbook, and scored. Required: every row of data
// imported or listed with its reason, every expected value right, none guessed. The score table
// (per file: rows accounted, records found, fields right) is printed for the issue notes.
import { describe, expect, it } from 'vitest';
import { writeFods } from './fods';
import { convertAll, missingOf, versions, type Converted } from './programs';
import { corpusCases } from './cases';
import { scoreFile, type FileScore } from './score';

const inCi = !!process.env['CI'];
const cases = corpusCases();
const have = versions.libreoffice !== null && versions.gnumeric !== null;
const why = `${versions.libreoffice ? '' : 'LibreOffice (soffice) '}${versions.gnumeric ? '' : 'Gnumeric (ssconvert) '}missing`;

describe.skipIf(!have && !inCi)('client-workbook corpus', () => {
  let made: Map<string, Converted[]> = new Map();
  const scores: FileScore[] = [];

  it('the programs write every file', { timeout: 900_000 }, () => {
    if (!have) throw new Error(`${why}; .ci/run installs gnumeric and libreoffice-calc-nogui`);
    made = convertAll(cases.map((c) => ({ name: c.name, fods: writeFods(c.sheets, c.language ? { language: c.language } : {}), formats: c.formats })));
    expect(missingOf(cases, made)).toEqual([]);
  });

  for (const c of cases) {
    // Each case imports up to nine files end to end (a few seconds on a loaded machine): a budget, not an assertion of time.
    it(`${c.name}: ${c.about}`, { timeout: 120_000 }, () => {
      const files = made.get(c.name) ?? [];
      expect(files.length, 'files made for the case').toBeGreaterThan(0);
      const problems: string[] = [];
      for (const f of files) {
        let s: FileScore;
        try {
          s = scoreFile(f.path, c.expected, c);
        } catch (e) {
          problems.push(`${f.program} ${f.format}: ${(e as Error).message}`);
          continue;
        }
        s.file = `${f.program}/${s.file}`;
        scores.push(s);
        const skip = new Set(c.notIn?.[f.format] ?? []);
        for (const p of s.problems) if (![...skip].some((field) => p.includes(` ${field}:`))) problems.push(`${f.program} ${f.format}: ${p}`);
        if (s.accounted !== s.dataRows) problems.push(`${f.program} ${f.format}: ${s.dataRows - s.accounted} rows of data neither imported nor listed`);
      }
      expect(problems.slice(0, 40), `${problems.length} problems`).toEqual([]);
    });
  }

  it('prints the score table', () => {
    const lines = scores.map((s) => {
      const right = s.fields.reduce((n, f) => n + f.right + f.listed, 0);
      const all = s.fields.reduce((n, f) => n + f.right + f.listed + f.wrong + f.lost, 0);
      const wrong = s.fields.reduce((n, f) => n + f.wrong, 0);
      return `${s.file.padEnd(40)} rows ${s.accounted}/${s.dataRows}  records ${s.records.found}/${s.records.expected}  fields ${right}/${all}  wrong ${wrong}`;
    });
    console.log(`Corpus (${versions.libreoffice}; ${versions.gnumeric}):\n${lines.join('\n')}`);
    expect(scores.length).toBeGreaterThan(0);
  });
});
