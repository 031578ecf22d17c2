// The label of a referenced record (a project's "PRJ-004 Name", a person's name) through the
// context's indexed option lists: a map lookup, not a scan, so exports of 10k projects and 50k
// allocations stay linear.
import { optionLabel } from '../register/convert';
import type { ColumnContext, OptionSource } from '../register/types';

export function labelOf(ctx: ColumnContext, source: OptionSource, id: unknown): string {
  if (typeof id !== 'string' || !id) return '';
  const label = optionLabel(ctx.options(source), id);
  return label === id ? '' : label;
}
