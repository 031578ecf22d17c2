// The ColumnContext (lists, people, date order) for the open workbook, shared by the register,
// roadmap, capacity and exchange views; recomputed only when the data changes.
import { useMemo } from 'react';
import { useApp } from '../../state/use-app';
import type { ColumnContext } from '../../../shared/register/types';
import { buildColumnContext } from '../../../shared/register/column-context';
import { localToday } from '../../../shared/calendar';

export { buildColumnContext };

/** The context for the open workbook, rebuilt when its data changes. */
export function useColumnContext(): ColumnContext | null {
  const { current, dataVersion } = useApp();
  const today = localToday(new Date());
  // dataVersion marks every committed change of the (mutable) workbook state.
  return useMemo(() => (current ? buildColumnContext(current, today) : null), [current, dataVersion, today]); // eslint-disable-line react-hooks/exhaustive-deps
}
