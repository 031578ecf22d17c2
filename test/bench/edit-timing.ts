// Timing one register edit in the real app: from the Enter (or any key) that commits it to the
// save state reading "All changes saved". Shared by the register and read-model benchmarks.
import type { Page } from '@playwright/test';

/** Arms a promise that resolves when the save state goes "Saving…" then "All changes saved"; the clock starts at the next keydown. */
export async function armSaved(page: Page, onKeydown?: string) {
  await page.evaluate((reset) => {
    const w = window as unknown as { __t0: number; __saved: Promise<number>; __pmoRenders?: { commits: number; renders: number; byName: Record<string, number> } };
    const state = document.querySelector('[data-testid="save-state"]')!;
    w.__saved = new Promise((resolve) => {
      const seen = { saving: false };
      const obs = new MutationObserver(() => {
        if (state.textContent === 'Saving…') seen.saving = true;
        if (seen.saving && state.textContent === 'All changes saved') {
          obs.disconnect();
          resolve(performance.now() - w.__t0);
        }
      });
      obs.observe(state, { childList: true, characterData: true, subtree: true });
    });
    document.addEventListener(
      'keydown',
      () => {
        w.__t0 = performance.now();
        if (reset && w.__pmoRenders) w.__pmoRenders = { commits: 0, renders: 0, byName: {} };
      },
      { once: true, capture: true },
    );
  }, onKeydown === 'reset');
}

/** Types `text` into a register cell and presses Enter; resolves with the ms from Enter to "All changes saved". */
export async function editCell(page: Page, row: number, col: string, text: string, reset = false): Promise<number> {
  const cell = page.locator(`.data-grid .ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);
  await cell.click();
  await page.keyboard.press('F2');
  await page.locator('.cell-input').fill(text);
  await armSaved(page, reset ? 'reset' : undefined);
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { __saved: Promise<number> }).__saved);
}
