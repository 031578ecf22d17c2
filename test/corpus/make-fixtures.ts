// Writes the end-to-end test's client workbook: the corpus case clientPortfolio() saved by
// LibreOffice as xlsx into test/fixtures/clients/. Run after changing the case:
//   npx tsx test/corpus/make-fixtures.ts
// (the file is committed, so the end-to-end test needs no LibreOffice and runs on a bare clone).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFods } from './fods';
import { convertAll, versions } from './programs';
import { clientPortfolio } from './cases';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'clients');
mkdirSync(out, { recursive: true });
const c = clientPortfolio();
const made = convertAll([{ name: c.name, fods: writeFods(c.sheets, c.language ? { language: c.language } : {}), formats: ['xlsx'] }]);
const lo = made.get(c.name)!.find((f) => f.program === 'libreoffice' && f.format === 'xlsx')!;
copyFileSync(lo.path, join(out, `${c.name}.xlsx`));
console.log(`Wrote ${join(out, `${c.name}.xlsx`)} (${versions.libreoffice})`);
