// The programs that write the corpus's files: LibreOffice Calc (soffice, headless) opens each
// case's .fods and saves it as xlsx, xls, ods, fods and CSV; Gnumeric (ssconvert) opens
// LibreOffice's xlsx and saves it as xlsx, xls, ods and CSV. Conversions run once per content
// (a cache under the system temp folder keyed by a hash of the .fods and the program versions),
// in one soffice run per format, with a private LibreOffice profile so parallel runs never share
// a lock.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Program = 'libreoffice' | 'gnumeric';
export type CorpusFormat = 'xlsx' | 'xls' | 'ods' | 'fods' | 'csv';

const SOFFICE = process.env['SOFFICE'] || 'soffice';
const SSCONVERT = process.env['SSCONVERT'] || 'ssconvert';

function version(cmd: string): string | null {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 ? (r.stdout || r.stderr).trim().split('\n')[0]! : null;
}

export const versions: Record<Program, string | null> = { libreoffice: version(SOFFICE), gnumeric: version(SSCONVERT) };

/** LibreOffice's export filters: CSV as UTF-8 with comma and double quote, formatted as shown. */
const LO_FILTER: Record<CorpusFormat, string> = {
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  xls: 'xls:MS Excel 97',
  ods: 'ods:calc8',
  fods: 'fods:OpenDocument Spreadsheet Flat XML',
  // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = first line; the 9th token (true) writes cells as shown.
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
};

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 600_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

export interface Converted {
  program: Program;
  format: CorpusFormat;
  path: string;
}

/**
 * Converts every `<name>.fods` given into each format with each program; returns the files per
 * case name. `formats` per case limits what is made (a multi-sheet case has no CSV).
 */
export function convertAll(cases: readonly { name: string; fods: string; formats: readonly CorpusFormat[] }[]): Map<string, Converted[]> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(versions));
  for (const c of cases) hash.update(`${c.name}\0${c.fods}\0${c.formats.join(',')}\0`);
  const dir = join(tmpdir(), 'pmo-corpus', hash.digest('hex').slice(0, 16));
  const done = join(dir, 'done');
  const src = join(dir, 'src');
  const lo = join(dir, 'libreoffice');
  const gn = join(dir, 'gnumeric');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    for (const d of [src, lo, gn]) mkdirSync(d, { recursive: true });
    for (const c of cases) writeFileSync(join(src, `${c.name}.fods`), c.fods);
    const profile = pathToFileURL(join(dir, 'lo-profile')).href;
    const formats: CorpusFormat[] = ['xlsx', 'xls', 'ods', 'fods', 'csv'];
    for (const f of formats) {
      const names = cases.filter((c) => c.formats.includes(f) || (f === 'xlsx' && c.formats.length > 0)).map((c) => join(src, `${c.name}.fods`));
      if (!names.length) continue;
      const out = join(lo, f);
      mkdirSync(out, { recursive: true });
      run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', LO_FILTER[f], '--outdir', out, ...names]);
    }
    for (const c of cases) {
      const from = join(lo, 'xlsx', `${c.name}.xlsx`);
      for (const f of c.formats) {
        if (f === 'fods') continue; // Gnumeric does not write flat ODS
        const out = join(gn, f);
        mkdirSync(out, { recursive: true });
        const target = join(out, `${c.name}.${f}`);
        const exporter = f === 'xls' ? ['-T', 'Gnumeric_Excel:excel_biff8'] : f === 'ods' ? ['-T', 'Gnumeric_OpenCalc:odf'] : f === 'csv' ? ['-T', 'Gnumeric_stf:stf_csv'] : ['-T', 'Gnumeric_Excel:xlsx2'];
        run(SSCONVERT, [...exporter, from, `${target}.tmp`]);
        renameSync(`${target}.tmp`, target);
      }
    }
    writeFileSync(done, new Date().toISOString());
  }
  const out = new Map<string, Converted[]>();
  for (const c of cases) {
    const list: Converted[] = [];
    for (const f of c.formats) {
      const l = join(lo, f, `${c.name}.${f}`);
      if (existsSync(l)) list.push({ program: 'libreoffice', format: f, path: l });
      const g = join(gn, f, `${c.name}.${f}`);
      if (existsSync(g)) list.push({ program: 'gnumeric', format: f, path: g });
    }
    out.set(c.name, list);
  }
  return out;
}

/** Files a case should have had but did not get (a program refused), for the test's message. */
export function missingOf(cases: readonly { name: string; formats: readonly CorpusFormat[] }[], made: Map<string, Converted[]>): string[] {
  const miss: string[] = [];
  for (const c of cases) {
    const got = made.get(c.name) ?? [];
    for (const f of c.formats) {
      if (!got.some((x) => x.program === 'libreoffice' && x.format === f)) miss.push(`${c.name}.${f} by LibreOffice`);
      if (f !== 'fods' && !got.some((x) => x.program === 'gnumeric' && x.format === f)) miss.push(`${c.name}.${f} by Gnumeric`);
    }
  }
  return miss;
}

export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}
