// Over-allocations of a large workbook off the UI thread: the capacity view draws its heat map
// from the model it builds in the page, and asks this worker for the list of people and roles
// over 100 %: the cells only (counts and hours); the page adds each entry's projects from its own
// model when the list shows it. One request per message; the page
// drops answers to questions it no longer asks.
import { buildCapacityModel, type CapacityInput, type Grain, type OverloadCell, type TentativeMode } from '../../shared/capacity';

export interface CapacityOverloadRequest {
  id: number;
  input: CapacityInput;
  range: { from: string; to: string };
  grain: Grain;
  mode: TentativeMode;
}

export type CapacityOverloadResponse = { id: number; ok: true; people: OverloadCell[]; roles: OverloadCell[] } | { id: number; ok: false; message: string };

self.onmessage = (e: MessageEvent<CapacityOverloadRequest>) => {
  const { id, input, range, grain, mode } = e.data;
  try {
    const model = buildCapacityModel(input, range);
    const reply: CapacityOverloadResponse = { id, ok: true, people: model.overloadCells('person', grain, mode), roles: model.overloadCells('role', grain, mode) };
    self.postMessage(reply);
  } catch (err) {
    self.postMessage({ id, ok: false, message: (err as Error).message } satisfies CapacityOverloadResponse);
  }
};
