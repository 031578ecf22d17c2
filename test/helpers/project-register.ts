// The tiny workbook opened as the project register, for tests of what a register plans: its
// state, a command clock, the real project columns by id, display rows and a column context.
import { planNewWorkbook } from '../../shared/commands/new-workbook';
import { WorkbookState } from '../../shared/commands/state';
import { buildColumnContext } from '../../shared/register/column-context';
import { columnsFor } from '../../shared/register/columns';
import type { ColumnDef, DisplayRow } from '../../shared/register/types';
import { testClock, tinyWorkbook } from './tiny-workbook';

export type Rec = Record<string, unknown> & { id: string };

export function projectRegister() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  const state = new WorkbookState(p.workbook, p.rows);
  const all = columnsFor('project', state.settings) as unknown as ColumnDef<Rec>[];
  /** Columns by id, in the order given; throws on an unknown id so a renamed column fails loudly. */
  const pick = (...ids: string[]) =>
    ids.map((id) => {
      const c = all.find((x) => x.id === id);
      if (!c) throw new Error(`no project column ${id}`);
      return c;
    });
  const record = (id: string): DisplayRow<Rec> => ({ kind: 'record', rowId: id, id, record: state.get('project', id) as Rec });
  const get = (id: string) => state.get('project', id) as Rec | undefined;
  return { clock, state, pick, record, get, ctx: buildColumnContext(state, '2026-04-03') };
}
