// A client's flat ODS (.fods) in the browser: its RAG column carried only by fill colours, its
// money in £k said only by the title row. The wizard reads both, the Check step says so, and the
// register shows the RAG and the budget in pounds.
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { ExchangePage } from './pages/exchange-page';

const FILLS: [string, string][] = [
  ['#ff0000', 'R'],
  ['#ffc000', 'A'],
  ['#00b050', 'G'],
];

function clientFods(): Buffer {
  const cell = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
  const num = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  const rows = [`<table:table-row>${cell('Portfolio review — all figures £k')}</table:table-row>`, `<table:table-row>${['Code', 'Name', 'RAG', 'Budget', 'Forecast'].map(cell).join('')}</table:table-row>`];
  for (let i = 0; i < 6; i++) rows.push(`<table:table-row>${cell(`CX-${i + 1}`)}${cell(`Client scheme ${i + 1}`)}<table:table-cell table:style-name="f${i % 3}"/>${num(62.5 + i)}${num(70 + i)}</table:table-row>`);
  const styles = FILLS.map(([hex], i) => `<style:style style:name="f${i}" style:family="table-cell"><style:table-cell-properties fo:background-color="${hex}"/></style:style>`).join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ' +
    `office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:automatic-styles>${styles}</office:automatic-styles>` +
    `<office:body><office:spreadsheet><table:table table:name="Portfolio">${rows.join('')}</table:table></office:spreadsheet></office:body></office:document>`;
  return Buffer.from(xml, 'utf8');
}

test('a .fods with a colour-only RAG column and £k in its title imports both', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  const reg = new RegisterPage(page);
  await app.goto();
  await page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill('Client');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading('Client')).toBeVisible();

  await ex.importFile({ name: 'client.fods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet-flat-xml', buffer: clientFods() });
  await ex.expectStep('Sheets');
  await ex.button('Next: columns').click();
  await ex.expectStep('Columns');
  await expect(page.getByRole('combobox', { name: 'Scale of column D (Budget)' })).toHaveValue('1000');
  await expect(ex.wizard).toContainText('×1,000 from the title “Portfolio review — all figures £k”');
  await page.screenshot({ path: test.info().outputPath('columns-context.png'), fullPage: false });
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await expect(ex.count('new')).toHaveText('6');
  await expect(ex.wizard).toContainText('RAG read from the cell colour (6 rows: 2 red, 2 amber, 2 green)');
  await page.screenshot({ path: test.info().outputPath('check-context.png'), fullPage: false });
  await ex.button('Import 6 rows').click();
  await ex.expectStep('Done');
  await ex.button('Close').click();

  await reg.open('Projects');
  await reg.revealColumn('rag.overall');
  for (let i = 0; i < 6; i++) {
    const id = await reg.rowId(`CX-${i + 1}`);
    await expect(reg.cell(id, 'rag.overall')).toHaveClass(new RegExp(`cell-rag-${FILLS[i % 3]![1]}`));
  }
  const first = await reg.rowId('CX-1');
  await reg.revealColumn('budget');
  await expect(reg.cell(first, 'budget')).toContainText('62,500');
});
