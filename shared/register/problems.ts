// What the register says about refused changes: the record a refusal is about, the reason shown
// beside a field, and the one-line announcements after an edit, paste, fill or clear.
import type { Problem } from '../model/invariants';
import { plural } from '../util/plural';

/** A refusal as listed to the user: which record, which column, what was typed, and why. */
export interface RefusalLine {
  where: string;
  header: string;
  text: string;
  reason: string;
}

/** How a record is named in a list of refusals: its code, else its name or title, else its id. */
export function recordName(r: Readonly<Record<string, unknown>> & { id: string }): string {
  return String(r['code'] || r['name'] || r['title'] || r.id);
}

/** The short reason for display beside a cell ("must be at most 168"), else the whole message. */
export function problemReason(p: Problem): string {
  return p.reason ?? p.message;
}

/**
 * The first problem as a sentence about one field ("Finish 01/01/2020 is before its start
 * 01/02/2026"): the field's label and the reason, else the message without the record's name,
 * with stored dates written as the user types them.
 */
export function describeProblem(problems: readonly Problem[], labelFor: (field: string) => string, formatDate?: (iso: string) => string): string | null {
  const p = problems[0];
  if (!p) return null;
  if (p.reason) return `${p.field ? labelFor(p.field) : 'This value'} ${p.reason}`;
  let m = p.message.replace(/^(?:Project|Milestone|Dependency) [^:]{0,300}: /, '');
  if (formatDate) m = m.replace(/\b\d{4}-\d{2}-\d{2}\b/g, formatDate);
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/**
 * The heading over a list of refused cells: "1 cell refused: Finish is not a real date" for one
 * (what and why, with nothing else to read), "3 cells refused" for more, "" for none.
 */
export function refusalSummary(list: readonly RefusalLine[]): string {
  if (!list.length) return '';
  const one = list[0]!;
  return list.length === 1 ? `1 cell refused: ${one.header ? `${one.header} ` : ''}${one.reason}` : `${plural(list.length, 'cell')} refused`;
}

/** For screen readers after a refusal: the one cell and why, or how many were not saved. */
export function refusalAnnouncement(title: string, list: readonly RefusalLine[]): string {
  if (!list.length) return '';
  return `${title}: ${list.length === 1 ? `${list[0]!.header} ${list[0]!.reason}` : `${list.length} cells were not saved`}`;
}

/** After a paste, fill or clear: what was saved, what was refused, and that it can be undone. */
export function planOutcome(label: string, applied: number, refused: number): string {
  return `${label}: ${applied ? `${plural(applied, 'change')} saved` : 'nothing saved'}${refused ? `, ${plural(refused, 'cell')} refused` : ''}. Ctrl+Z undoes it.`;
}
