// A workbook: one portfolio, the unit a user opens, saves as a file and sends to others.
import { ENTITY_NAMES, settings, type EntityName, type EntityOf, type Settings } from './schemas';

export type WorkbookRecords = { [E in EntityName]: EntityOf<E>[] };

export interface WorkbookData {
  /** Stable id of the workbook (kept through save and open). */
  id: string;
  settings: Settings;
  records: WorkbookRecords;
}

export function emptyRecords(): WorkbookRecords {
  return Object.fromEntries(ENTITY_NAMES.map((e) => [e, []])) as unknown as WorkbookRecords;
}

export function defaultSettings(name: string, overrides: Partial<Settings> = {}): Settings {
  return settings.parse({ name, ...overrides });
}

/** Number of records of every kind, for summaries and progress bars. */
export function countRecords(records: WorkbookRecords): number {
  let n = 0;
  for (const e of ENTITY_NAMES) n += records[e].length;
  return n;
}
