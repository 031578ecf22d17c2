// Value mapping in the import wizard: a German client sheet whose headers and values are not
// ours ("Projektname", "Phase" holding "In Flight", "Genehmigt" and "Stalled", "Ampel" holding
// "grün", "Y" and "Purple"). The Columns step maps the headers, lists the values it did not find
// exactly, unknown ones first, and the choices made there are what the register shows.
import { expect, test } from './fixtures';
import * as XLSX from '@e965/xlsx';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { ExchangePage, XLSX_MIME } from './pages/exchange-page';

function germanWorkbook(): Buffer {
  const rows = [
    ['Projektnummer', 'Projektname', 'Phase', 'Ampel', 'Priorität', 'Beginn', 'Ende'],
    ['DE-1', 'Lagerverwaltung', 'In Flight', 'grün', 'Hoch', '2026-02-01', '2026-09-30'],
    ['DE-2', 'Kundenportal', 'Genehmigt', 'Y', 'Niedrig', '2026-03-01', '2026-12-31'],
    ['DE-3', 'Zeiterfassung', 'Stalled', 'Purple', 'Mittel', '2026-04-01', '2027-01-31'],
    ['DE-4', 'Intranet', 'In Flight', 'rot', 'Hoch', '2026-05-01', '2026-11-30'],
    ['DE-5', 'Archiv', 'Abgeschlossen', 'G', 'Mittel', '2025-01-01', '2025-12-31'],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Projekte');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
}

test('values the file writes its own way are listed with what they become, and the choices are imported', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  const reg = new RegisterPage(page);
  await app.goto();
  await page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill('Kunde');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading('Kunde')).toBeVisible();

  await ex.importFile({ name: 'projekte.xlsx', mimeType: XLSX_MIME, buffer: germanWorkbook() });
  await ex.expectStep('Sheets');
  await ex.button('Next: columns').click();
  await ex.expectStep('Columns');
  const cols = ex.sheetColumns('Projekte');
  // German headers find their fields.
  for (const [letter, header, field] of [['A', 'Projektnummer', 'Code'], ['B', 'Projektname', 'Name'], ['C', 'Phase', 'Stage'], ['D', 'Ampel', 'RAG'], ['E', 'Priorität', 'Priority'], ['F', 'Beginn', 'Start'], ['G', 'Ende', 'Finish']]) {
    const select = cols.getByRole('combobox', { name: `Field for column ${letter} (${header})` });
    await expect(select.locator('option:checked')).toHaveText(field!);
  }

  // The stage values: "Stalled" is not recognised (first), the synonyms are read as ours.
  const stage = cols.getByRole('group', { name: 'Values of column C (Phase)' });
  await expect(stage).toContainText('1 value not recognised');
  const stalled = stage.getByRole('combobox', { name: 'Value “Stalled” of column C (Phase)' });
  await expect(stalled.locator('option:checked')).toHaveText('— not recognised —');
  await expect(stage.getByRole('combobox', { name: 'Value “In Flight” of column C (Phase)' }).locator('option:checked')).toHaveText('In progress');
  await expect(stage.getByRole('combobox', { name: 'Value “Genehmigt” of column C (Phase)' }).locator('option:checked')).toHaveText('Approved');
  await expect(stage.getByRole('combobox', { name: 'Value “Abgeschlossen” of column C (Phase)' }).locator('option:checked')).toHaveText('Closed');
  const ragValues = cols.getByRole('group', { name: 'Values of column D (Ampel)' });
  await expect(ragValues.getByRole('combobox', { name: 'Value “grün” of column D (Ampel)' }).locator('option:checked')).toHaveText('Green');
  await expect(ragValues.getByRole('combobox', { name: 'Value “Y” of column D (Ampel)' }).locator('option:checked')).toHaveText('Amber');
  // "G" is ours exactly: listed only under "Show all".
  await expect(ragValues.getByRole('combobox', { name: 'Value “G” of column D (Ampel)' })).toHaveCount(0);
  await ragValues.getByRole('button', { name: 'Show all 5 values' }).click();
  await expect(ragValues.getByRole('combobox', { name: 'Value “G” of column D (Ampel)' }).locator('option:checked')).toHaveText('Green');

  await page.screenshot({ path: test.info().outputPath('columns-values-suggested.png') });

  // Choices: Stalled is on hold, In Flight is approved here, Purple leaves the RAG empty.
  await stalled.selectOption({ label: 'On hold' });
  await expect(stalled.locator('option:checked')).toHaveText('On hold');
  await expect(stage).not.toContainText('value not recognised');
  await stage.getByRole('combobox', { name: 'Value “In Flight” of column C (Phase)' }).selectOption({ label: 'Approved' });
  await ragValues.getByRole('combobox', { name: 'Value “Purple” of column D (Ampel)' }).selectOption({ label: 'leave empty' });
  await stalled.focus();
  await page.screenshot({ path: test.info().outputPath('columns-value-mapping.png'), fullPage: false });

  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await expect(ex.count('new')).toHaveText('5');
  await expect(ex.count('cellsNotRead')).toHaveText('0');
  await ex.button('Import 5 rows').click();
  await ex.expectStep('Done');
  await ex.button('Close').click();

  await reg.open('Projects');
  await expect(reg.count).toContainText('5');
  const id = async (code: string) => reg.rowId(code);
  const [de1, de2, de3, de4] = [await id('DE-1'), await id('DE-2'), await id('DE-3'), await id('DE-4')];
  await expect(reg.cell(de1, 'stage')).toHaveText('Approved');
  await expect(reg.cell(de3, 'stage')).toHaveText('On hold');
  await reg.revealColumn('rag.overall');
  await expect(reg.cell(de1, 'rag.overall')).toHaveClass(/cell-rag-G/);
  await expect(reg.cell(de2, 'rag.overall')).toHaveClass(/cell-rag-A/);
  await expect(reg.cell(de4, 'rag.overall')).toHaveClass(/cell-rag-R/);
  await expect(reg.cell(de3, 'rag.overall')).not.toHaveClass(/cell-rag-/);
});
