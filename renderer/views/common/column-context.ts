// The ColumnContext (lists, people, date order) for the open workbook, shared by the register,
// roadmap, capacity and exchange views; recomputed only when the data changes.
import { useMemo } from 'react';
import { useVersion, useWorkbook } from '../../state/use-app';
import { Derived } from '../../state/derived';
import { ENTITY_NAMES } from '../../../shared/model/schemas';
import type { Reads } from '../../../shared/commands/state';
import type { ColumnContext } from '../../../shared/register/types';
import { buildColumnContext } from '../../../shared/register/column-context';
import { localToday } from '../../../shared/calendar';

export { buildColumnContext };

// Option lists, counts and floats may name any kind of record, so the context reads them all.
const READS: Reads = [...ENTITY_NAMES, 'settings'];
/** One context per workbook version, shared by the views that show columns at the same time. */
const contexts = new Derived(READS, (state, today: string) => buildColumnContext(state, today));

/** The context for the open workbook, rebuilt when its data changes. */
export function useColumnContext(): ColumnContext | null {
  const current = useWorkbook();
  const version = useVersion(READS);
  const today = localToday(new Date());
  return useMemo(() => (current ? contexts.get(current, version, today) : null), [current, version, today]);
}
