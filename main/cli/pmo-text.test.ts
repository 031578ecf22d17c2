// Text kept exactly through the command line: `pmo export` of a workbook whose free text has
// line breaks, leading and trailing spaces, a leading tab and non-Latin scripts, re-saved by
// LibreOffice and Gnumeric, and `pmo import` of it reports 0 changes and leaves the text as it
// was; `pmo export --csv-for people` writes no apostrophes and names the cells it left out.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from './pmo';
import { parseWorkbookText, serializeWorkbook } from '../../shared/file/pmowb';
import { TRICKY_TEXTS, trickyData } from '../../test/helpers/tricky-text';

const dir = mkdtempSync(join(tmpdir(), 'pmo-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date('2026-11-21T10:00:00Z') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SOFFICE = process.env['SOFFICE'] || 'soffice';
const SSCONVERT = process.env['SSCONVERT'] || 'ssconvert';
const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const programs = { libreoffice: has(SOFFICE), gnumeric: has(SSCONVERT) };
if (process.env['CI'] && !(programs.libreoffice && programs.gnumeric)) throw new Error('LibreOffice (soffice) and Gnumeric (ssconvert) are required in CI: .ci/run installs them');

function resave(program: 'libreoffice' | 'gnumeric', from: string, ext: 'xlsx' | 'ods'): string {
  const outDir = join(dir, program);
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `export.${ext}`);
  const r =
    program === 'libreoffice'
      ? spawnSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--norestore', '--convert-to', ext === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'ods:calc8', '--outdir', outDir, from], { encoding: 'utf8', timeout: 300_000 })
      : spawnSync(SSCONVERT, ['-T', ext === 'xlsx' ? 'Gnumeric_Excel:xlsx2' : 'Gnumeric_OpenCalc:odf', from, out], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${program}: ${r.stderr}`);
  return out;
}

/** Every free text of the workbook file, sorted: equal before and after means no text changed. */
function texts(path: string): string[] {
  const r = parseWorkbookText(readFileSync(path, 'utf8'), basename(path));
  if (!r.ok) throw new Error(r.reason);
  const out: string[] = [];
  const r2 = r.workbook.records;
  for (const p of r2.project) out.push(String(p.description), String(p.statusNarrative), String(p.businessUnit));
  for (const x of r2.raid) out.push(String(x.description), String(x.response));
  for (const m of r2.milestone) out.push(String(m.description));
  for (const x of r2.resource) out.push(String(x.team));
  for (const a of r2.allocation) out.push(String(a.note));
  return out;
}

describe('pmo: text kept exactly through export, re-save and import', () => {
  const pmowb = join(dir, 'tricky.pmowb');
  writeFileSync(pmowb, serializeWorkbook(trickyData(), { exportedAt: '2026-11-21T00:00:00Z', appVersion: 'test' }));
  const before = texts(pmowb);
  const xlsx = join(dir, 'export.xlsx');

  it('exports with nothing lost (no warning)', async () => {
    expect(before.filter((t) => TRICKY_TEXTS.includes(t)).length).toBeGreaterThan(30);
    expect(await run('export', pmowb, '--xlsx', xlsx)).toMatchObject({ code: 0, err: '' });
  });

  const files: [string, () => string][] = [['our own file', () => xlsx]];
  for (const program of ['libreoffice', 'gnumeric'] as const) {
    if (!programs[program]) continue;
    for (const ext of ['xlsx', 'ods'] as const) files.push([`re-saved by ${program} as .${ext}`, () => resave(program, xlsx, ext)]);
  }
  for (const [what, file] of files) {
    it(`${what}: pmo import reports 0 changes and the text stays as it was`, async () => {
      const r = await run('import', file(), '--into', pmowb);
      expect(r.err).toBe('');
      expect(r.out).toContain('0 changes');
      expect(r.code).toBe(0);
      expect(texts(pmowb)).toEqual(before);
    }, 300_000);
  }
});

describe('pmo export --csv-for', () => {
  it('people: no apostrophes, no record ids, formula-like cells named on stderr; reimport: the default', async () => {
    const data = trickyData();
    data.records.project[0]!.description = '=HYPERLINK("http://example.com")';
    const pmowb = join(dir, 'csv.pmowb');
    writeFileSync(pmowb, serializeWorkbook(data, { exportedAt: '2026-11-21T00:00:00Z', appVersion: 'test' }));
    const people = await run('export', pmowb, '--csv', join(dir, 'people'), '--csv-for', 'people');
    expect(people.code).toBe(0);
    expect(people.err).toMatch(/^warning: Projects\.csv: \d+ cells were left empty because a spreadsheet would run them as formulas .*line 2 Description "=HYPERLINK/m);
    const text = readFileSync(join(dir, 'people', 'Projects.csv'), 'utf8');
    expect(text).not.toContain('Record id');
    expect(text).not.toContain('HYPERLINK');
    expect(text).not.toMatch(/(^|,)'[=+\-@]/m);
    await run('export', pmowb, '--csv', join(dir, 'reimport'));
    expect(readFileSync(join(dir, 'reimport', 'Projects.csv'), 'utf8')).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    expect((await run('export', pmowb, '--csv', dir, '--csv-for', 'robots')).code).toBe(2);
  });
});
