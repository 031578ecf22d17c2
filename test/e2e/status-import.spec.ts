// A client's monthly status log beside its project list: the status sheet is recognised as
// status reports, "Also set each project's RAG…" fills the projects from their newest month, and
// the project's details list its reports, newest first.
import { expect, test } from './fixtures';
import * as XLSX from '@e965/xlsx';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { ExchangePage, XLSX_MIME } from './pages/exchange-page';

const MONTHS = ['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026'];
const RAG = ['Green', 'Amber', 'Red'];

function clientWorkbook(): Buffer {
  const wb = XLSX.utils.book_new();
  const projects = [['Project code', 'Project name', 'Start', 'Finish'], ...[1, 2, 3].map((i) => [`CL-${i}`, `Client project ${i}`, '2026-01-05', '2026-12-18'])];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(projects), 'Projects');
  // Newest month first, as logs often are; project 2 goes red in April.
  const log: string[][] = [['Project', 'Month', 'RAG', 'Cost', 'Commentary']];
  for (let m = MONTHS.length - 1; m >= 0; m--) for (const i of [1, 2, 3]) log.push([`CL-${i}`, MONTHS[m]!, i === 2 && m === 3 ? 'Red' : RAG[(i + m) % 2]!, RAG[m % 3]!, `CL-${i} in ${MONTHS[m]}: ${i === 2 && m === 3 ? 'supplier late' : 'on plan'}`]);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(log), 'Monthly status');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
}

test('a monthly status log imports as status reports and sets each project from its newest month', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  const reg = new RegisterPage(page);
  await app.goto();
  await page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill('Client');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading('Client')).toBeVisible();

  await ex.importFile({ name: 'client-status.xlsx', mimeType: XLSX_MIME, buffer: clientWorkbook() });
  await ex.expectStep('Sheets');
  const holds = page.getByRole('combobox', { name: 'What sheet Monthly status holds' });
  await expect(holds.locator('option:checked')).toHaveText(/Status reports/);
  await expect(page.getByRole('listitem', { name: 'Sheet Monthly status' })).toContainText('12 rows for 3 projects');
  const latest = page.getByRole('checkbox', { name: /Also set each project’s RAG and status narrative from its newest report/ });
  await latest.check();
  await expect(latest).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('sheets-status.png'), fullPage: false });

  await ex.button('Next: columns').click();
  await ex.expectStep('Columns');
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await expect(ex.count('new')).toHaveText('15');
  const section = page.getByRole('region', { name: 'Projects’ status from their newest report' });
  await expect(section).toContainText('3 of 3 projects change');
  await expect(section).toContainText('CL-2 Client project 2 from its 2026-04 report');
  await expect(section).toContainText('RAG: (blank) → Red');
  await expect(section).toContainText('Status narrative: (blank) → CL-2 in Apr 2026: supplier late');
  await page.screenshot({ path: test.info().outputPath('check-status.png'), fullPage: false });
  await ex.button('Import 15 rows').click();
  await ex.expectStep('Done');
  await ex.button('Close').click();

  await reg.open('Projects');
  const cl2 = await reg.rowId('CL-2');
  await reg.revealColumn('rag.overall');
  await expect(reg.cell(cl2, 'rag.overall')).toHaveClass(/cell-rag-R/);
  await page.getByRole('button', { name: 'Open details of CL-2' }).click();
  const panel = page.getByRole('complementary', { name: 'Project CL-2' });
  await panel.getByRole('button', { name: /Reports 4/ }).click();
  const table = panel.getByRole('table', { name: 'Status reports, newest first' });
  await expect(table.getByRole('rowheader')).toHaveText(['Apr 2026', 'Mar 2026', 'Feb 2026', 'Jan 2026']);
  await expect(table.getByRole('row').nth(1)).toContainText('supplier late');
  await expect(table.getByRole('row').nth(1).getByRole('img', { name: 'Overall: Red' })).toBeVisible();
  await expect(table.getByRole('row').nth(1).getByRole('img', { name: 'Cost: Green' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('detail-status-reports.png'), fullPage: false });
});
