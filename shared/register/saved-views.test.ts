import { describe, expect, it } from 'vitest';
import { applyPlan, planChange } from '../commands/plan';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import type { SavedView } from '../model/schemas';
import { defaultViewState, withFilter } from './view-state';
import { deleteViewCommand, isViewModified, saveViewAsCommand, saveViewCommand, savedViewsOf, setDefaultViewCommand, type ViewCommand } from './saved-views';

function fresh() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  const state = new WorkbookState(p.workbook, p.rows);
  /** Runs a command through the command path, as the store does, and returns the created id. */
  const run = (c: ViewCommand) => {
    const r = planChange(state, c.ops, { ...clock, origin: c.origin, label: c.label });
    expect(r.rejected).toEqual([]);
    applyPlan(state, r.plan!);
    expect(r.plan!.entries.every((e) => e.origin === c.origin)).toBe(true);
    return r.plan!.created.get(0);
  };
  const views = (register: SavedView['register'] = 'project') => savedViewsOf(state.all('view'), register);
  return { state, run, views };
}

const base = defaultViewState([{ id: 'code' }, { id: 'name' }] as never);
const filtered = withFilter(base, 'name', { col: 'name', kind: 'text', op: 'contains', value: 'crm' });

describe('saved views', () => {
  it('saves the first view of a register as its default, later ones not, and lists them by name', () => {
    const { run, views } = fresh();
    run(saveViewAsCommand('project', 'Zeta', base, views()));
    run(saveViewAsCommand('project', 'Alpha', filtered, views()));
    run(saveViewAsCommand('milestone', 'Due soon', base, views('milestone')));
    expect(views().map((v) => [v.name, v.isDefault])).toEqual([
      ['Alpha', false],
      ['Zeta', true],
    ]);
    expect(views('milestone').map((v) => [v.name, v.isDefault])).toEqual([['Due soon', true]]);
    expect(saveViewAsCommand('project', 'Alpha', filtered, views()).label).toBe('Save view Alpha');
  });

  it('tells a working view changed since it was saved, and saves it into the view', () => {
    const { run, views } = fresh();
    run(saveViewAsCommand('project', 'Mine', base, []));
    const mine = views()[0]!;
    expect(isViewModified(mine, base)).toBe(false);
    expect(isViewModified(mine, filtered)).toBe(true);
    expect(isViewModified(null, filtered)).toBe(false);
    expect(isViewModified(mine, null)).toBe(false);
    run(saveViewCommand(mine, filtered));
    expect(isViewModified(views()[0]!, filtered)).toBe(false);
    expect(views()[0]!.state.filters).toEqual(filtered.filters);
  });

  it("makes one view the default and the register's others not, then deletes one", () => {
    const { run, views } = fresh();
    run(saveViewAsCommand('project', 'One', base, views()));
    run(saveViewAsCommand('project', 'Two', filtered, views()));
    const two = views().find((v) => v.name === 'Two')!;
    const cmd = setDefaultViewCommand(views(), two);
    expect(cmd.label).toBe('Make Two the default view');
    run(cmd);
    expect(views().map((v) => [v.name, v.isDefault])).toEqual([
      ['One', false],
      ['Two', true],
    ]);
    run(deleteViewCommand(two));
    expect(views().map((v) => v.name)).toEqual(['One']);
  });
});
