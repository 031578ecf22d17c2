import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { buildColumnContext } from './column-context';
import { columnsFor } from './columns';

describe('the Total float column', () => {
  it('shows each project’s float across the dependencies, hand-checked', () => {
    const p = planNewWorkbook(tinyWorkbook(), { ...testClock(), origin: 'create', label: 'New' });
    const state = new WorkbookState(p.workbook, p.rows);
    const ctx = buildColumnContext(state, '2026-05-01');
    const col = columnsFor('project', state.settings).find((c) => c.id === 'calc.float')!;
    expect(col.hiddenByDefault).toBe(true);
    // p-1 (5 Jan – 30 Jun 2026, 177 days) finish-to-start p-2 (1 Mar – 31 Dec 2026): p-2 ends the
    // portfolio, so its float is 0; p-1 must finish by 28 Feb for p-2 to start on 1 Mar, so its
    // latest start is 28 Feb − 176 days = 5 Sep 2025: float = 5 Sep 2025 − 5 Jan 2026 = −122 days.
    expect(col.get(state.get('project', 'p-2') as never, ctx)).toBe(0);
    expect(col.get(state.get('project', 'p-1') as never, ctx)).toBe(-122);
    expect(col.get(state.get('project', 'p-3') as never, ctx)).toBeNull(); // no dates
  });
});
