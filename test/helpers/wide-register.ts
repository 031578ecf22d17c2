// A register of 10,000 records × 40 columns of every column type, made from a seed: the unit test
// of the pipeline checks what it builds at this size, `npm run bench` times it.
import type { ColumnContext, ColumnDef, ColumnType, Option, ViewState } from '../../shared/register/types';
import { defaultSettings } from '../../shared/model/workbook';
import { seededRandom } from '../../shared/util/ids';
import { addDays } from '../../shared/calendar';

export type WideRecord = Record<string, unknown> & { id: string };

export interface WideRegister {
  records: WideRecord[];
  columns: ColumnDef<WideRecord>[];
  ctx: ColumnContext;
  /** Three filters, a two-key sort and a grouping, over the columns above. */
  view: ViewState;
}

const STAGES: Option[] = [
  { value: 'idea', label: 'Idea' },
  { value: 'approved', label: 'Approved' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'closed', label: 'Closed' },
];
const TYPES: ColumnType[] = ['text', 'money', 'date', 'select', 'reference', 'references', 'percent', 'rag', 'number', 'checkbox'];

export function wideRegister(count = 10_000, seed = 11): WideRegister {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const programmes = Array.from({ length: 40 }, (_, k) => ({ value: `pg-${k}`, label: `Programme ${k}` }));
  const objectives = Array.from({ length: 12 }, (_, k) => ({ value: `ob-${k}`, label: `Objective ${k}` }));
  const ctx: ColumnContext = {
    settings: defaultSettings('Test'),
    today: '2026-04-03',
    options: (s) => (s === 'programme' ? programmes : s === 'objective' ? objectives : []),
    openRisks: () => 0,
    countOf: () => 0,
  };
  const columns: ColumnDef<WideRecord>[] = Array.from({ length: 40 }, (_, k) => {
    const type = TYPES[k % TYPES.length]!;
    const options = type === 'select' ? STAGES : type === 'reference' ? 'programme' : type === 'references' ? 'objective' : undefined;
    const key = `f${k}`;
    return { id: key, header: `Field ${k}`, type, field: key, editable: true, options, groupable: true, aggregate: type === 'money' || type === 'number' ? 'sum' : undefined, get: (r) => r[key] };
  });
  const value = (type: ColumnType): unknown => {
    if (rnd() < 0.1) return type === 'references' ? [] : null;
    switch (type) {
      case 'text': return `Item ${int(100_000)} ${['alpha', 'beta', 'gamma'][int(3)]}`;
      case 'money': return int(1e9);
      case 'date': return addDays('2024-01-01', int(1500));
      case 'select': return STAGES[int(STAGES.length)]!.value;
      case 'reference': return `pg-${int(40)}`;
      case 'references': return [`ob-${int(12)}`, `ob-${int(12)}`];
      case 'percent': return int(101);
      case 'rag': return ['R', 'A', 'G'][int(3)];
      case 'number': return int(1e6) / 100;
      default: return rnd() < 0.5;
    }
  };
  const records = Array.from({ length: count }, (_, i) => {
    const r: WideRecord = { id: `r-${i}`, code: `PRJ-${i}`, name: `Project ${i}` };
    columns.forEach((c) => (r[c.id] = value(c.type)));
    return r;
  });
  const view: ViewState = {
    columns: [],
    search: '',
    showArchived: false,
    filters: [{ col: 'f1', kind: 'number', min: 1_000_000 }, { col: 'f7', kind: 'set', values: ['A', 'G', null] }, { col: 'f2', kind: 'date', from: '2024-06-01' }],
    sort: [{ col: 'f0', dir: 'asc' }, { col: 'f11', dir: 'desc' }],
    groupBy: 'f4',
  };
  return { records, columns, ctx, view };
}
