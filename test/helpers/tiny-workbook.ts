// A small hand-made workbook for unit tests: two programmes, three projects, a milestone,
// a dependency, a person and an allocation, with ids that read well in assertions.
import { ENTITY_SCHEMAS, type EntityName } from '../../shared/model/schemas';
import { defaultSettings, emptyRecords, type WorkbookData } from '../../shared/model/workbook';
import { createIdGenerator, seededRandom } from '../../shared/util/ids';

export function tinyWorkbook(id = 'wb-1'): WorkbookData {
  const records = emptyRecords();
  const add = (e: EntityName, r: Record<string, unknown>) => (records[e] as unknown[]).push(ENTITY_SCHEMAS[e].parse(r));
  add('programme', { id: 'pg-1', name: 'Digital' });
  add('programme', { id: 'pg-2', name: 'Operations' });
  add('objective', { id: 'ob-1', name: 'Grow revenue' });
  add('project', { id: 'p-1', code: 'PRJ-001', name: 'CRM replacement', programmeId: 'pg-1', objectiveIds: ['ob-1'], start: '2026-01-05', finish: '2026-06-30', budget: 12_000_050, stage: 'in-progress' });
  add('project', { id: 'p-2', code: 'PRJ-002', name: 'Data platform', programmeId: 'pg-1', start: '2026-03-01', finish: '2026-12-31', budget: 50_000_000 });
  add('project', { id: 'p-3', code: 'PRJ-003', name: 'Warehouse move', programmeId: 'pg-2' });
  add('milestone', { id: 'm-1', projectId: 'p-1', name: 'Go-live', baselineDate: '2026-06-01', forecastDate: '2026-06-15' });
  add('dependency', { id: 'd-1', predecessorKind: 'project', predecessorId: 'p-1', successorKind: 'project', successorId: 'p-2' });
  add('role', { id: 'r-1', name: 'Business analyst' });
  add('resource', { id: 'res-1', name: 'Asha Patel', roleId: 'r-1' });
  add('allocation', { id: 'a-1', projectId: 'p-1', resourceId: 'res-1', start: '2026-01-05', end: '2026-03-31', amount: 20 });
  return { id, settings: defaultSettings('Tiny portfolio'), records };
}

/** A deterministic clock for the command path. */
export function testClock(start = Date.UTC(2026, 10, 21, 9, 0, 0)) {
  let t = start;
  const rnd = seededRandom(42);
  return {
    newId: createIdGenerator({ now: () => t, random: rnd }),
    now: () => new Date(t).toISOString(),
    tick(ms = 1000) {
      t += ms;
    },
  };
}
