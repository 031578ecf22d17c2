// A consultant's first hour with a client's workbook (issue 12): a file saved by LibreOffice with
// stages in the client's own words (two nobody's vocabulary knows), a RAG column carried only by
// fill colours and a monthly % FTE grid whose header starts with a real date cell. From an empty
// workbook it imports whole in at most 12 interactions after the file is chosen, and the
// register, the roadmap and the heat map show what the file says. The file and its expected
// records come from the corpus case clientPortfolio() (test/corpus/cases.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { RoadmapPage } from './pages/roadmap-page';
import { CapacityPage } from './pages/capacity-page';
import { ExchangePage, XLSX_MIME } from './pages/exchange-page';
import { CLIENT_STAGE_CHOICES, clientPortfolio } from '../corpus/cases';

const FILE = fileURLToPath(new URL('../fixtures/clients/client-portfolio.xlsx', import.meta.url));
const STAGE_LABELS: Record<string, string> = { approved: 'Approved', 'in-progress': 'In progress', closed: 'Closed' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Monday to Friday between two ISO dates, inclusive (the new workbook has no holidays). */
function weekdays(from: string, to: string): number {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) n++;
  return n;
}

test('a client workbook: stage words mapped, RAG from fill colour, a monthly % FTE grid; whole in at most 12 interactions', async ({ page }) => {
  test.slow(); // an import, then three views checked value by value
  const c = clientPortfolio();
  const projects = c.expected.project!;
  const allocations = c.expected.allocation!;
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  await app.goto();
  await page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill('Client assessment');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading('Client assessment')).toBeVisible();

  await ex.importFile({ name: 'client-portfolio.xlsx', mimeType: XLSX_MIME, buffer: readFileSync(FILE) });
  // Every click or choice from here to the closed wizard is one interaction.
  let interactions = 0;
  const act = async (what: () => Promise<unknown>) => {
    interactions++;
    await what();
  };

  // Sheets: both found and what they hold, with nothing to change.
  await ex.expectStep('Sheets');
  await expect(ex.wizard.getByRole('checkbox', { name: 'Import sheet Portfolio' })).toBeChecked();
  await expect(ex.wizard.getByRole('checkbox', { name: 'Import sheet Resourcing' })).toBeChecked();
  await expect(ex.wizard.getByRole('combobox', { name: 'What sheet Portfolio holds' })).toHaveValue('project');
  await expect(ex.wizard.getByRole('combobox', { name: 'What sheet Resourcing holds' })).toHaveValue('allocation');
  await act(() => ex.button('Next: columns').click());

  // Columns: the grid found from its mixed header, in % of an FTE; the stage words the
  // vocabulary knows are suggested, the two it does not are listed first for the user to map.
  await ex.expectStep('Columns');
  const periods = ex.wizard.getByLabel('Period columns of Resourcing');
  await expect(periods).toContainText('Monthly grid: 6 month columns');
  await expect(ex.wizard.getByRole('combobox', { name: 'What the grid cells of Resourcing hold' })).toHaveValue('fte-percent');
  const portfolio = ex.sheetColumns('Portfolio');
  await expect(portfolio.getByRole('combobox', { name: /^Field for column C / })).toHaveValue('stage');
  await expect(portfolio.getByRole('combobox', { name: /^Field for column D / })).toHaveValue('rag.overall');
  await expect(portfolio.getByRole('combobox', { name: /^Scale of column G / })).toHaveValue('1000');
  await expect(portfolio.getByRole('combobox', { name: 'Value “In Flight” of column C (Stage)' })).toHaveValue('in-progress');
  for (const [word, stage] of Object.entries(CLIENT_STAGE_CHOICES)) {
    const choice = portfolio.getByRole('combobox', { name: `Value “${word}” of column C (Stage)` });
    await act(() => choice.selectOption(stage));
    await expect(choice).toHaveValue(stage);
  }
  await page.screenshot({ path: test.info().outputPath('client-columns.png') });
  await act(() => ex.button('Next: check').click());

  // Check: every row imports, no cell left unread, the colours read as RAG.
  await ex.expectStep('Check');
  await expect(ex.count('new')).toHaveText(String(projects.length + 6));
  await expect(ex.count('notImported')).toHaveText('0');
  await expect(ex.count('cellsNotRead')).toHaveText('0');
  await expect(ex.wizard).toContainText(`RAG read from the cell colour (${projects.length} rows`);
  await page.screenshot({ path: test.info().outputPath('client-check.png') });
  await act(() => ex.button(/^Import \d+ rows$/).click());
  await ex.expectStep('Done');
  await act(() => ex.button('Close').click());
  await expect(ex.wizard).toHaveCount(0);
  expect(interactions).toBeLessThanOrEqual(12);

  // The register: each project's stage, RAG and budget (£k read ×1000).
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  for (const p of projects) {
    const id = await reg.rowId(p.code);
    await expect(reg.cell(id, 'stage')).toHaveText(STAGE_LABELS[String(p['stage'])]!);
  }
  await reg.revealColumn('rag.overall');
  for (const p of projects) await expect(reg.cell(await reg.rowId(p.code), 'rag.overall')).toHaveClass(new RegExp(`cell-rag-${String(p['rag.overall'])}`));
  await reg.revealColumn('budget');
  for (const p of projects) await expect(reg.cell(await reg.rowId(p.code), 'budget')).toContainText((Number(p['budget']) / 100).toLocaleString('en-GB'));

  // The roadmap: every project scheduled.
  const roadmap = new RoadmapPage(page);
  await roadmap.open();
  expect(await roadmap.counts()).toMatchObject({ projects: projects.length, unscheduled: 0 });

  // The heat map by month: each person's demand is their % of an FTE of the month's hours.
  const cap = new CapacityPage(page);
  await cap.open();
  await cap.rowsBy('People');
  await cap.periods('Months');
  await expect.poll(() => page.evaluate(() => window.__pmoCapacity!.periods().some((p) => p.label === 'Jan'))).toBe(true);
  const heat = await page.evaluate(() => ({ keys: window.__pmoCapacity!.rows(), names: window.__pmoCapacity!.rowLabels(), periods: window.__pmoCapacity!.periods() }));
  let checked = 0;
  for (const a of allocations) {
    const row = heat.names.indexOf(a.person);
    const month = heat.periods.findIndex((p) => p.label === MONTHS[Number(a.start.slice(5, 7)) - 1] && p.sublabel.includes(a.start.slice(0, 4)));
    expect(row, `${a.person} in the heat map`).toBeGreaterThanOrEqual(0);
    expect(month, `${a.start} in the heat map`).toBeGreaterThanOrEqual(0);
    const cell = await page.evaluate(([k, i]) => window.__pmoCapacity!.cell(k, i), [heat.keys[row]!, month] as const);
    expect(cell!.demand, `${a.person} in ${a.start.slice(0, 7)}`).toBeCloseTo((a.hoursPerWeek * weekdays(a.start, a.end)) / 5, 6);
    checked++;
  }
  expect(checked).toBe(allocations.length);
});
