// The register's vocabulary: columns (how a field is shown, edited, parsed, grouped, summed),
// view state (columns, sort, filters, grouping, search) and display rows. Pure: the same
// definitions drive the grid, paste, fill, filters, saved views and, later, the roadmap.
import type { Settings } from '../model/schemas';
import type { IsoDate } from '../calendar';
import type { BaselineLookup } from '../baselines/baselines';

export type ColumnType =
  | 'text'
  | 'longtext'
  | 'number'
  | 'integer'
  | 'money'
  | 'percent'
  | 'date'
  | 'select'
  | 'multiselect'
  | 'checkbox'
  | 'rag'
  /** A person's name as text, with the workbook's people offered as suggestions. */
  | 'person'
  /** The id of another record (programme, role, project…), shown by its name. */
  | 'reference'
  /** Several ids of other records (objectives), shown by their names. */
  | 'references';

export interface Option {
  value: string;
  label: string;
}

/** Where reference columns get their choices from. */
export type OptionSource = 'programme' | 'objective' | 'role' | 'resource' | 'project' | 'person';

export interface ColumnContext {
  settings: Settings;
  today: IsoDate;
  /** Choices for a reference, references or person column. */
  options(source: OptionSource): Option[];
  /** Open risks of a project (computed column). */
  openRisks(projectId: string): number;
  /** How many records of `entity` point at `id` through `field` (projects of a programme, people of a role). */
  countOf(entity: string, field: string, id: string): number;
  /**
   * The baseline the slip columns measure against: the one chosen in Settings → Baselines, or
   * the records' own baseline fields. Absent: each record's own baseline fields.
   */
  baseline?: BaselineLookup;
  /** Total float of a project in days across the portfolio's dependencies (null: unscheduled or on a loop). */
  totalFloat?(projectId: string): number | null;
}

export interface ColumnDef<R = Record<string, unknown>> {
  /** Stable id: the field path for stored fields ('name', 'rag.overall', 'custom.<fieldId>'), 'calc.<name>' for computed ones. */
  id: string;
  header: string;
  type: ColumnType;
  /** The field path an edit writes; absent for computed columns. */
  field?: string;
  editable: boolean;
  /** A value is required (an empty cell is refused). */
  required?: boolean;
  /** Default width in pixels. */
  width?: number;
  pinned?: 'left';
  hiddenByDefault?: boolean;
  /** Fixed choices (select, multiselect, rag) or where to find them (reference, references, person). */
  options?: Option[] | OptionSource;
  /** The typed value: ISO date string, money in minor units, number, string, string[], boolean or null. */
  get(record: R, ctx: ColumnContext): unknown;
  /** Summed in group subtotals (money and number columns). */
  aggregate?: 'sum';
  /** Can be used to group rows. */
  groupable?: boolean;
  /** Short explanation shown as the header tooltip (formulas of computed columns). */
  description?: string;
  /** Multiselect only: values not among the options are accepted as new ones (tags). */
  allowNew?: boolean;
  /** A cell's own tooltip (the reason behind a computed figure); null for none. */
  tooltip?(record: R, ctx: ColumnContext): string | null;
  /** A short note shown after the cell's value on screen only (never copied, sorted or filtered). */
  marker?(record: R, ctx: ColumnContext): string | null;
}

export type Filter =
  | { col: string; kind: 'text'; op: 'contains' | 'equals' | 'blank' | 'notBlank'; value?: string }
  /** Inclusive bounds in the column's typed units (minor units for money, 0–100 for percent). */
  | { col: string; kind: 'number'; min?: number | null; max?: number | null }
  | { col: string; kind: 'date'; from?: IsoDate | null; to?: IsoDate | null }
  /** The row passes when its value (any of its values, for multi-valued columns) is in `values`; null stands for blank. */
  | { col: string; kind: 'set'; values: (string | null)[] };

export interface SortKey {
  col: string;
  dir: 'asc' | 'desc';
}

export interface ColumnState {
  id: string;
  width?: number;
  pinned?: 'left' | 'right' | null;
  hidden?: boolean;
}

export interface ViewState {
  /** Column order, widths, pinning and visibility; columns not listed are appended with their defaults. */
  columns: ColumnState[];
  sort: SortKey[];
  filters: Filter[];
  groupBy: string | null;
  search: string;
  showArchived: boolean;
}

export type DisplayRow<R = Record<string, unknown>> =
  | { kind: 'record'; /** Unique in the display (a record listed under several groups gets one row per group). */ rowId: string; id: string; record: R }
  | {
      kind: 'group';
      rowId: string;
      /** The group's value (null for blank). */
      key: string | null;
      label: string;
      count: number;
      /** Subtotals of the columns with aggregate 'sum', by column id. */
      totals: Record<string, number>;
      collapsed: boolean;
    };

export interface BuiltRows<R = Record<string, unknown>> {
  rows: DisplayRow<R>[];
  /** Records that pass the filters and search. */
  shown: number;
  /** Records before filtering (archived ones excluded unless shown). */
  total: number;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; reason: string };
