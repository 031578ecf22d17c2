import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../commands/types';
import { actionWord, clip, createdText, historyFieldLabel, historyRows, plainValue, relativeTime } from './history';

let seq = 0;
function entry(partial: Partial<JournalEntry>): JournalEntry {
  seq++;
  return {
    id: `01J${String(seq).padStart(10, '0')}`,
    wb: 'wb',
    tx: `tx${seq}`,
    entity: 'project',
    recordId: 'p1',
    op: 'update',
    field: 'name',
    before: 'Old',
    after: 'New',
    prev: null,
    time: '2026-03-01T10:00:00.000Z',
    origin: 'edit',
    ...partial,
  };
}

const columns = [
  { field: 'name', header: 'Name' },
  { field: 'rag.overall', header: 'RAG' },
  { field: 'forecastCost', header: 'Forecast (EAC)' },
  { field: 'custom.f1', header: 'Partner' },
  { header: 'Slip (days)' },
];

describe('actionWord', () => {
  it('names every origin as the user knows it', () => {
    expect(actionWord({ op: 'update', origin: 'edit' })).toBe('Edit');
    expect(actionWord({ op: 'update', origin: 'paste' })).toBe('Paste');
    expect(actionWord({ op: 'update', origin: 'fill' })).toBe('Fill down');
    expect(actionWord({ op: 'update', origin: 'bulk' })).toBe('Bulk edit');
    expect(actionWord({ op: 'update', origin: 'import' })).toBe('Import');
    expect(actionWord({ op: 'update', origin: 'merge' })).toBe('Merge');
    expect(actionWord({ op: 'update', origin: 'undo' })).toBe('Undo');
    expect(actionWord({ op: 'update', origin: 'redo' })).toBe('Redo');
  });
  it('calls a creation "Created" whatever made it, and an undone delete "Restored"', () => {
    expect(actionWord({ op: 'create', origin: 'import' })).toBe('Created');
    expect(actionWord({ op: 'create', origin: 'demo' })).toBe('Created');
    expect(actionWord({ op: 'create', origin: 'undo' })).toBe('Restored');
    expect(actionWord({ op: 'delete', origin: 'edit' })).toBe('Deleted');
  });
  it('names a field cleared by deleting another record after the delete', () => {
    expect(actionWord({ op: 'update', origin: 'delete' })).toBe('Delete');
  });
});

describe('createdText', () => {
  it('says how the record came to exist', () => {
    expect(createdText('import')).toBe('Created (by import)');
    expect(createdText('demo')).toBe('Created (in the sample portfolio)');
    expect(createdText('paste')).toBe('Created (by paste)');
    expect(createdText('open')).toBe('Created (from a workbook file)');
    expect(createdText('create')).toBe('Created');
    expect(createdText('edit')).toBe('Created');
  });
});

describe('historyFieldLabel', () => {
  it('uses the column header when a column edits the field', () => {
    expect(historyFieldLabel('forecastCost', columns)).toBe('Forecast (EAC)');
    expect(historyFieldLabel('rag.overall', columns)).toBe('RAG');
    expect(historyFieldLabel('custom.f1', columns)).toBe('Partner');
  });
  it('falls back to the field label, and says when a custom field or criterion is gone', () => {
    expect(historyFieldLabel('benefits', columns)).toBe('Benefits');
    expect(historyFieldLabel('actualStart', [])).toBe('Actual start');
    expect(historyFieldLabel('rag.cost', [])).toBe('RAG cost');
    expect(historyFieldLabel('custom.gone', columns)).toBe('Custom field (removed)');
    expect(historyFieldLabel('scores.gone', columns)).toBe('Score (removed criterion)');
    // A computed column (no field) never matches.
    expect(historyFieldLabel('Slip (days)', columns)).toBe('Slip (days)');
  });
  it('does not find prototype names', () => {
    expect(historyFieldLabel('constructor', [])).toBe('Constructor');
  });
});

describe('plainValue', () => {
  it('shows blanks, lists, booleans and small objects readably', () => {
    expect(plainValue(null)).toBe('—');
    expect(plainValue(undefined)).toBe('—');
    expect(plainValue('')).toBe('—');
    expect(plainValue([])).toBe('—');
    expect(plainValue(['a', 'b'])).toBe('a, b');
    expect(plainValue(true)).toBe('Yes');
    expect(plainValue(false)).toBe('No');
    expect(plainValue(0)).toBe('0');
    expect(plainValue({ year: 2026, amount: null })).toBe('Year: 2026');
    expect(plainValue({})).toBe('—');
  });
});

describe('historyRows', () => {
  const label = (f: string) => historyFieldLabel(f, columns);

  it('puts the newest change first and formats values with the given formatter', () => {
    const a = entry({ field: 'name', before: 'A', after: 'B', time: '2026-03-01T10:00:00.000Z' });
    const b = entry({ field: 'forecastCost', before: 100, after: 250, origin: 'paste', time: '2026-03-02T10:00:00.000Z' });
    const rows = historyRows([b, a], { label, format: (f, v) => (f === 'forecastCost' ? `£${Number(v) / 100}` : String(v)) });
    expect(rows.map((r) => r.action)).toEqual(['Paste', 'Edit']);
    expect(rows[0]!.changes[0]).toMatchObject({ label: 'Forecast (EAC)', before: '£1', after: '£2.5' });
    expect(rows[1]!.changes[0]).toMatchObject({ label: 'Name', before: 'A', after: 'B' });
  });

  it('groups the entries of one transaction into one row, in the order they were made', () => {
    const tx = 'txPaste';
    const e1 = entry({ tx, field: 'name', origin: 'paste' });
    const e2 = entry({ tx, field: 'rag.overall', before: 'G', after: 'R', origin: 'paste' });
    const other = entry({ field: 'name', origin: 'undo' });
    const rows = historyRows([other, e2, e1], { label });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.action).toBe('Undo');
    expect(rows[1]!.key).toBe(tx);
    expect(rows[1]!.changes.map((c) => c.label)).toEqual(['Name', 'RAG']);
  });

  it('describes a creation by its origin, without before and after', () => {
    const created = entry({ op: 'create', field: '*', before: undefined, after: { id: 'p1', name: 'X' }, origin: 'import' });
    const rows = historyRows([created], { label });
    expect(rows[0]).toMatchObject({ action: 'Created', origin: 'import' });
    expect(rows[0]!.changes[0]).toMatchObject({ op: 'create', summary: 'Created (by import)', before: '', after: '' });
  });

  it('uses plain values when no formatter is given', () => {
    const e = entry({ field: 'tags', before: [], after: ['core', 'cloud'] });
    expect(historyRows([e], { label })[0]!.changes[0]).toMatchObject({ label: 'Tags', before: '—', after: 'core, cloud' });
  });

  it('returns nothing for no entries', () => {
    expect(historyRows([], { label })).toEqual([]);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-03-10T12:00:00.000Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  it('says how long ago, in words people use', () => {
    expect(relativeTime(ago(5_000), now)).toBe('just now');
    expect(relativeTime(ago(2 * 60_000), now)).toBe('2 min ago');
    expect(relativeTime(ago(50_000), now)).toBe('1 min ago');
    expect(relativeTime(ago(3 * 3600_000), now)).toBe('3 h ago');
    expect(relativeTime(ago(26 * 3600_000), now)).toBe('yesterday');
    expect(relativeTime(ago(4 * 86400_000), now)).toBe('4 days ago');
    expect(relativeTime(ago(65 * 86400_000), now)).toBe('2 months ago');
    expect(relativeTime(ago(800 * 86400_000), now)).toBe('2 years ago');
  });
  it('treats a time in the future (another clock) as just now, and bad input as blank', () => {
    expect(relativeTime(new Date(now + 60_000).toISOString(), now)).toBe('just now');
    expect(relativeTime('not a time', now)).toBe('');
  });
});

describe('clip', () => {
  it('flattens whitespace and cuts long text with an ellipsis', () => {
    expect(clip('a\n\nb  c')).toBe('a b c');
    const long = 'x'.repeat(200);
    expect(clip(long, 10)).toBe('xxxxxxxxx…');
    expect(clip(long, 10)).toHaveLength(10);
  });
});
