// What the detail panel says when the command path refuses a change: the first problem, named by
// the field's header ("Finish 01/01/2020 is before its start 01/02/2026"), shown under the field.
import type { CommitResult } from '../../../db/repository';
import type { ColumnContext } from '../../../../shared/register/types';
import { formatCell } from '../../../../shared/register/convert';
import { describeProblem } from '../../../../shared/register/problems';
import type { Col } from './editors';

const DATE_COLUMN: Col = { id: 'date', header: 'Date', type: 'date', editable: false, get: () => null };

export function refusal(result: CommitResult | undefined, labelFor: (field: string) => string, ctx?: ColumnContext): string | null {
  // The store has already shown why a write failed (disk full, workbook deleted…).
  if (!result) return 'Not saved: see the message at the bottom of the window.';
  // Messages name dates as stored (2026-02-01); say them as the user types them.
  return describeProblem(result.rejected.flatMap((r) => r.problems), labelFor, ctx ? (iso) => formatCell(DATE_COLUMN, iso, ctx, 'display') : undefined);
}
