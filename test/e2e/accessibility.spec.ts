// Accessibility: an axe-core scan (WCAG 2.0/2.1 A and AA, and best practice) of every area and
// dialog, with the sample portfolio open, must report no serious or critical finding. Axe sees
// only the state on screen, so each step opens what it scans (a menu, a dialog, a hover card, a
// wizard step), and `hovered` forces :hover on every control and scans colour contrast again: a
// hover style that hides a label (the What-if button's did) is found too. The app has one theme
// (light); there is no other theme to scan.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CapacityPage } from './pages/capacity-page';
import { ExchangePage, XLSX_MIME } from './pages/exchange-page';
import { RegisterPage } from './pages/register-page';
import { RoadmapPage } from './pages/roadmap-page';
import { editExport, messyWorkbook } from '../helpers/messy-workbook';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Where a step's scan looks: the whole page, or only what the step opened (a dialog, a popover, a menu). */
const OPENED = { dialog: 'dialog[open]', popover: '.popover', menu: '[role="menu"]' } as const;
type Within = keyof typeof OPENED;

/**
 * Findings of one test, each once, as a readable line: rule, impact, element, summary, and the
 * steps it was seen in (the page behind a dialog is scanned again with it, so a finding repeats).
 */
class Scanner {
  private readonly seen = new Map<string, { line: string; steps: string[] }>();
  readonly steps: string[] = [];
  constructor(readonly page: Page) {}

  /** Scans the page (or what the step opened) as it is now. */
  async scan(step: string, within?: Within | `[${string}]`, rules?: string[]) {
    this.steps.push(step);
    let builder = rules ? new AxeBuilder({ page: this.page }).withRules(rules) : new AxeBuilder({ page: this.page }).withTags(TAGS);
    if (within) builder = builder.include(within in OPENED ? OPENED[within as Within] : within);
    const t0 = Date.now();
    const results = await builder.analyze();
    if (process.env['A11Y_TIMING']) console.log(`${step}: ${Date.now() - t0} ms`);
    for (const v of results.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      for (const node of v.nodes) {
        const key = `${v.id} ${node.target.join(' ')}`;
        const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '').trim();
        const entry = this.seen.get(key) ?? { line: `${v.id} (${v.impact}) ${node.target.join(' ')} — ${v.help}: ${summary}`, steps: [] };
        entry.steps.push(step);
        this.seen.set(key, entry);
      }
    }
  }

  /**
   * Forces :hover on every control and scans their colour contrast: a hover style must keep the
   * label legible. Only the hovered controls are scanned (the rest was scanned just before).
   */
  async hovered(step: string, within?: Within) {
    const selector = `${within ? OPENED[within] : 'body'} :is(button, a[href], [role="menuitem"], [role="tab"], summary, label)`;
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    // The page may still re-render between the query and the forcing (the Overview settles after
    // its first paint): a node gone by then is asked for again, with the document queried afresh.
    let nodeIds: number[] = [];
    const force = (forcedPseudoClasses: string[]) =>
      Promise.all(nodeIds.map((nodeId) => cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses })));
    for (let attempt = 1; ; attempt++) {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      ({ nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector }));
      try {
        await force(['hover']);
        break;
      } catch (e) {
        if (attempt >= 5 || !/Could not find node/.test(String(e))) throw e;
        await this.page.waitForTimeout(200);
      }
    }
    try {
      await this.page.locator(selector).evaluateAll((els) => els.forEach((el) => el.setAttribute('data-a11y-hovered', '')));
      await this.scan(`${step}, hovered`, '[data-a11y-hovered]', ['color-contrast']);
    } finally {
      await this.page.locator('[data-a11y-hovered]').evaluateAll((els) => els.forEach((el) => el.removeAttribute('data-a11y-hovered')));
      await force([]).catch(() => undefined); // a node removed since is no longer hovered anyway
      await cdp.detach();
    }
  }

  /** Both: as it is, and with every control hovered. */
  async both(step: string, within?: Within) {
    await this.scan(step, within);
    await this.hovered(step, within);
  }

  expectClean() {
    const lines = [...this.seen.values()].map((e) => `${e.line}\n    seen in: ${e.steps.join('; ')}`);
    expect(lines, `serious or critical axe findings (steps scanned: ${this.steps.join('; ')}):\n${lines.join('\n')}\n`).toEqual([]);
  }
}

// A scan of a full view takes seconds (colour contrast is worked out for every text node) and the
// tests go through many states: three times the usual budget, as Playwright's test.slow() gives.
test.beforeEach(() => test.slow());

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function closeDialog(dialog: Locator) {
  await dialog.page().keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

test.describe('without a workbook', () => {
  test('welcome and the workbook chooser', async ({ page }) => {
    const app = new AppPage(page);
    const axe = new Scanner(page);
    await app.goto();
    await expect(page.getByRole('button', { name: /Open the sample portfolio/ })).toBeVisible();
    await axe.both('Welcome');
    await app.openWorkbookMenu();
    await axe.both('Welcome, workbook menu', 'menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Start an empty workbook/ }).click();
    await axe.both('New workbook dialog', 'dialog');
    axe.expectClean();
  });
});

test.describe('with the sample portfolio', () => {
  test.use({ start: 'demo' });

  test('overview, workbook menu and its dialogs, import/export menu and export dialogs', async ({ page }) => {
    const app = new AppPage(page);
    const ex = new ExchangePage(page);
    const axe = new Scanner(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.both('Overview');
    // A notice (Ctrl+S says changes save themselves).
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.locator('.notice')).toBeVisible();
    await axe.both('Overview with a notice');

    await app.openWorkbookMenu();
    await axe.both('Workbook menu', 'menu');
    await page.keyboard.press('Escape');
    for (const [item, name] of [
      ['New workbook…', 'New workbook'],
      ['Rename…', 'Rename workbook'],
    ] as const) {
      await app.menuAction(item);
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      await axe.both(`${name} dialog`, 'dialog');
      await closeDialog(dialog);
    }
    await app.menuAction('Delete…');
    const del = page.getByRole('alertdialog', { name: 'Delete workbook?' });
    await axe.both('Delete workbook dialog', 'dialog');
    await closeDialog(del);
    await page.getByRole('button', { name: 'About', exact: true }).click();
    const about = page.getByRole('dialog', { name: 'About PMO Workbench' });
    await axe.both('About dialog', 'dialog');
    await closeDialog(about);

    await ex.menuButton.click();
    await axe.both('Import / Export menu', 'menu');
    await page.keyboard.press('Escape');
    await ex.menuAction(/^Export to Excel/);
    const xlsx = page.getByRole('dialog', { name: 'Export to Excel (.xlsx)' });
    await axe.both('Export to Excel dialog', 'dialog');
    await closeDialog(xlsx);
    await ex.menuAction(/^Export CSV/);
    const csv = page.getByRole('dialog', { name: 'Export CSV' });
    await axe.both('Export CSV dialog', 'dialog');
    await closeDialog(csv);
    axe.expectClean();
  });

  for (const area of ['Programmes', 'Objectives', 'People', 'Roles', 'Milestones'] as const) {
    test(`${area} register`, async ({ page }) => {
      const reg = new RegisterPage(page);
      const axe = new Scanner(page);
      await reg.open(area);
      await axe.both(area);
      axe.expectClean();
    });
  }

  test('projects register: columns, saved views, filters, custom fields', async ({ page }) => {
    const reg = new RegisterPage(page);
    const axe = new Scanner(page);
    await reg.open('Projects');
    await axe.both('Projects');

    await page.getByRole('button', { name: 'Columns' }).click();
    await axe.both('Columns menu', 'popover');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^View: / }).click();
    await axe.both('Saved views menu', 'popover');
    await page.getByRole('button', { name: 'Save as new view…' }).click();
    const saveView = page.getByRole('dialog', { name: 'Save view as' });
    await axe.both('Save view dialog', 'dialog');
    await closeDialog(saveView);

    await reg.grid.locator('.ag-header-cell[col-id="stage"] .header-filter').click();
    await expect(page.getByRole('dialog', { name: /^Filter Stage/ })).toBeVisible();
    await axe.both('Filter popover (set of values)', 'popover');
    await page.keyboard.press('Escape');
    await reg.grid.locator('.ag-header-cell[col-id="name"] .header-filter').click();
    await expect(page.getByRole('dialog', { name: /^Filter Name/ })).toBeVisible();
    await axe.both('Filter popover (text)', 'popover');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Custom fields…' }).click();
    const custom = page.getByRole('dialog', { name: 'Custom fields' });
    await axe.both('Custom fields dialog', 'dialog');
    await closeDialog(custom);
    axe.expectClean();
  });

  test('projects register: a refused edit, selected rows, set-field dialog', async ({ page }) => {
    const reg = new RegisterPage(page);
    const axe = new Scanner(page);
    await reg.open('Projects');
    // A refused edit: its reason beside the cell and in the list of refused cells.
    await reg.editCell(await reg.rowId('PRJ-003'), 'percentComplete', '140');
    await expect(page.getByTestId('cell-callout')).toBeVisible();
    await axe.both('Projects, a refused edit');
    await page.keyboard.press('Escape');
    // Two rows selected: the bulk bar and the set-field dialog.
    await reg.grid.locator('.ag-row[row-index="0"] input[type="checkbox"]').first().check();
    await reg.grid.locator('.ag-row[row-index="1"] input[type="checkbox"]').first().check();
    const bulk = page.getByRole('region', { name: 'Selected rows' });
    await expect(bulk).toBeVisible();
    await axe.both('Projects, two rows selected');
    await bulk.getByRole('button', { name: 'Set field…' }).click();
    const setField = page.getByRole('dialog', { name: /^Set a field on 2/ });
    await axe.both('Set-field dialog', 'dialog');
    await closeDialog(setField);
    axe.expectClean();
  });

  test('project and person details', async ({ page }) => {
    const reg = new RegisterPage(page);
    const axe = new Scanner(page);
    await reg.open('Projects');

    await page.getByRole('button', { name: 'Open details of PRJ-002' }).click();
    await expect(page.getByRole('complementary', { name: /PRJ-002/ })).toBeVisible();
    await axe.both('Project details');

    await reg.open('People');
    await page.getByRole('button', { name: /^Open details of / }).first().click();
    await expect(page.getByRole('complementary', { name: /^Person / })).toBeVisible();
    await axe.both('Person details');
    axe.expectClean();
  });

  test('roadmap: timeline, side panel, hover card, popovers, milestones only', async ({ page }) => {
    const rm = new RoadmapPage(page);
    const axe = new Scanner(page);
    await rm.open();
    await axe.both('Roadmap');
    if (!(await rm.panel.isVisible())) await page.getByRole('button', { name: /broken dependencies$/ }).click();
    await expect(rm.panel).toBeVisible();
    await axe.scan('Roadmap side panel');

    const [first] = await rm.visibleProjects();
    const r = await rm.reveal(first!);
    await page.mouse.move(r.x + Math.min(20, r.width / 2), r.y + r.height / 2);
    await expect(page.getByRole('tooltip')).toBeVisible();
    await axe.scan('Roadmap hover card');
    await page.mouse.move(5, 5);

    await page.getByRole('button', { name: 'Display…' }).click();
    await axe.both('Roadmap display popover', 'popover');
    await page.keyboard.press('Escape');
    await rm.button('Export…').click();
    await expect(page.getByRole('dialog', { name: 'Export image' })).toBeVisible();
    await axe.both('Roadmap export popover', 'popover');
    await page.keyboard.press('Escape');

    await page.getByRole('group', { name: 'Roadmap mode' }).getByRole('button', { name: 'Milestones only' }).click();
    await axe.both('Roadmap, milestones only');
    axe.expectClean();
  });

  test('capacity: heat map, overloads, drill-down, demand panel, what-if and its dialogs', async ({ page }) => {
    const cap = new CapacityPage(page);
    const axe = new Scanner(page);
    await cap.open();
    await axe.both('Capacity');

    const first = (await cap.overloadEntries()).find((e) => e.kind === 'person')!;
    await cap.overloads.getByRole('button', { name: first.name, exact: true }).click();
    await expect(cap.drilldown).toBeVisible();
    await axe.both('Capacity drill-down');

    await page.getByRole('button', { name: 'Edit demand', exact: true }).click();
    await expect(page.getByTestId('demand-panel')).toBeVisible();
    await axe.both('Demand panel');
    await page.getByRole('button', { name: 'Edit demand', exact: true }).click();

    const bar = page.getByRole('region', { name: 'What-if scenario' });
    await bar.getByRole('button', { name: 'What-if', exact: true }).click();
    await axe.both('What-if on');
    const adds = bar.getByRole('group', { name: 'Add change' }).getByRole('button');
    for (let i = 0; i < (await adds.count()); i++) {
      const label = (await adds.nth(i).textContent())!.trim();
      await adds.nth(i).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await axe.both(`What-if: ${label} dialog`, 'dialog');
      await closeDialog(dialog);
    }
    axe.expectClean();
  });

  test('settings and baselines with their dialogs', async ({ page }) => {
    const axe = new Scanner(page);
    await nav(page, 'Settings');
    await axe.both('Settings');
    await page.getByRole('button', { name: /from (the )?current dates/ }).click();
    const rebase = page.getByRole('alertdialog').or(page.getByRole('dialog'));
    await expect(rebase).toBeVisible();
    await axe.both('Set baseline fields dialog', 'dialog');
    await closeDialog(rebase);
    await page.getByRole('button', { name: 'Save baseline…' }).click();
    const save = page.getByRole('dialog', { name: 'Save baseline' });
    await axe.both('Save baseline dialog', 'dialog');
    await closeDialog(save);
    axe.expectClean();
  });

  test('import wizard steps and the merge review', async ({ page }) => {
    const ex = new ExchangePage(page);
    const axe = new Scanner(page);
    const file = messyWorkbook();
    await ex.importFile({ name: file.fileName, mimeType: XLSX_MIME, buffer: Buffer.from(file.bytes) });
    await ex.expectStep('Sheets');
    await axe.both('Import: sheets', 'dialog');
    await ex.button('Next: columns').click();
    await ex.expectStep('Columns');
    await axe.both('Import: columns', 'dialog');
    await ex.button(/^Next: check/).click();
    await ex.expectStep('Check');
    await axe.both('Import: check', 'dialog');
    await ex.button('Cancel').click();
    await expect(ex.wizard).toHaveCount(0);

    // The merge review with a change from the file and a conflict (the same cell changed here too).
    const reg = new RegisterPage(page);
    const { bytes } = await ex.exportXlsx('Weekly');
    await expect(page.locator('.busy-overlay')).toHaveCount(0);
    await reg.open('Projects');
    await reg.editCell(await reg.rowId('PRJ-002'), 'name', 'Customer portal, renamed here');
    const edited = editExport(new Uint8Array(bytes), [
      { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-002', header: 'Name', value: 'Customer portal, renamed in Excel' },
      { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-003', header: 'Name', value: 'Mobile app, renamed in Excel' },
    ]);
    await ex.importFile({ name: 'Returned.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(edited.bytes) });
    await expect(ex.mergeCount('conflicts')).toHaveText('1');
    await axe.both('Merge review', 'dialog');
    axe.expectClean();
  });
});
