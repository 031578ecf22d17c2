// The capacity model of the open workbook, kept while its data is unchanged: going back to the
// Capacity area, or turning what-if on (which compares with the plan), reuses the model instead of
// building it again (a few hundred ms on 200,000 allocations). Keyed weakly on the workbook state
// and the input, so a closed or changed workbook's models are let go. Models here are read only:
// nothing in the view calls update() on them.
import { buildCapacityModel, type CapacityInput, type CapacityModel } from '../../../shared/capacity';
import type { Allocation, Project, Resource, Role } from '../../../shared/model/schemas';
import type { WorkbookState } from '../../../shared/commands/state';

const inputs = new WeakMap<WorkbookState, { version: number; input: CapacityInput }>();
const models = new WeakMap<CapacityInput, { from: string; to: string; model: CapacityModel }>();

/** The plan's capacity input: the same object for the same workbook state and data version. */
export function planInput(current: WorkbookState, version: number): CapacityInput {
  const hit = inputs.get(current);
  if (hit && hit.version === version) return hit.input;
  const input: CapacityInput = {
    settings: current.settings,
    resources: current.all('resource') as Resource[],
    roles: current.all('role') as Role[],
    allocations: current.all('allocation') as Allocation[],
    projects: current.all('project') as Project[],
  };
  inputs.set(current, { version, input });
  return input;
}

/** The model and how long building it took (0 when it was reused; for the test hook and benchmarks). */
export function timedBuild(input: CapacityInput, range: { from: string; to: string }): { model: CapacityModel; ms: number } {
  const hit = models.get(input);
  if (hit && hit.from === range.from && hit.to === range.to) return { model: hit.model, ms: 0 };
  const t0 = performance.now();
  const model = buildCapacityModel(input, range);
  models.set(input, { from: range.from, to: range.to, model });
  return { model, ms: performance.now() - t0 };
}
