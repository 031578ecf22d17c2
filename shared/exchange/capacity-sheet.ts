// The "Capacity" sheet of the xlsx export: the capacity view's figures, to read, filter and pivot
// in a spreadsheet. Wide, so it stays small on large workbooks: one row per person and per role,
// one column per period of the export's grid (utilisation = demand ÷ capacity, as a %), then the
// window's capacity hours, demand hours and utilisation. Read only: it is not in the export's
// snapshot, and the import skips it by name (CAPACITY_SHEET).
import { buildCapacityModel, type CapacityRow } from '../capacity';
import type { WorkbookState } from '../commands/state';
import type { IsoDate, PeriodUnit } from '../calendar';
import type { XlsxSheet, XlsxValue } from './xlsx/writer';

export const CAPACITY_SHEET = 'Capacity';

/** Utilisation as a fraction; text when there is demand but no capacity, empty when neither. */
function utilisation(capacity: number, demand: number): XlsxValue {
  if (capacity > 1e-9) return Math.round((demand / capacity) * 10_000) / 10_000;
  return demand > 1e-9 ? 'no capacity' : null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function capacitySheet(state: WorkbookState, grid: PeriodUnit, range: { from: IsoDate; to: IsoDate } | null): XlsxSheet {
  const columns: XlsxSheet['columns'] = [
    { header: 'Row', width: 8 },
    { header: 'Name', width: 28 },
    { header: 'Role', width: 20 },
    { header: 'Team', width: 16 },
  ];
  const totals: XlsxSheet['columns'] = [
    { header: 'Capacity h', width: 11, numFmt: '#,##0.0' },
    { header: 'Demand h', width: 11, numFmt: '#,##0.0' },
    { header: 'Utilisation', width: 11, numFmt: '0%' },
  ];
  const sheet: XlsxSheet = { name: CAPACITY_SHEET, columns, rows: [], freezeHeader: true, freezeColumns: 2, autoFilter: true };
  if (!range || range.from > range.to) {
    columns.push(...totals);
    return sheet;
  }
  const resources = state.all('resource');
  const roles = state.all('role');
  const model = buildCapacityModel({ settings: state.settings, resources, roles, allocations: state.all('allocation'), projects: state.all('project') }, range);
  const periods = model.periods(grid);
  for (const label of periods.label) columns.push({ header: label, width: 9, numFmt: '0%' });
  columns.push(...totals);
  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  const person = new Map(resources.map((r) => [`person:${r.id}`, r]));
  const line = (kind: string, row: CapacityRow, role: string, team: string): XlsxValue[] => {
    const out: XlsxValue[] = [kind, row.label, role, team];
    let cap = 0;
    let dem = 0;
    for (let p = 0; p < row.capacity.length; p++) {
      const c = row.capacity[p]!;
      const d = row.demand[p]!;
      cap += c;
      dem += d;
      out.push(utilisation(c, d));
    }
    out.push(round2(cap), round2(dem), utilisation(cap, dem));
    return out;
  };
  // Demand as the capacity view shows it by default: tentative included.
  const byName = (a: CapacityRow, b: CapacityRow) => a.label.localeCompare(b.label) || (a.key < b.key ? -1 : 1);
  for (const row of model.rows('person', grid, 'include').sort(byName)) {
    const r = person.get(row.key);
    sheet.rows.push(line('Person', row, r?.roleId ? (roleName.get(r.roleId) ?? '') : '', r?.team ?? ''));
  }
  for (const row of model.rows('role', grid, 'include')) sheet.rows.push(line('Role', row, '', ''));
  return sheet;
}
