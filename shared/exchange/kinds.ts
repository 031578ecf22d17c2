// The kinds of record a spreadsheet sheet can hold, apart from their fields (fields.ts), so a
// caller that only names them (the `pmo` help text) does not load the register's column
// definitions and the schemas behind them.
export const IMPORT_KINDS = ['project', 'milestone', 'resource', 'allocation', 'raid', 'status'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
