// Over-allocations of a large workbook off the UI thread: the capacity view draws its heat map
// from the model it builds in the page, and asks this worker for the list of people and roles
// over 100 %: the cells only (counts and hours); the page adds each entry's projects from its own
// model when the list shows it. The worker keeps its model between requests: the page sends the
// workbook once ('load'), then only the changes of each edit ('update', applied with
// CapacityModel.update() as the page does), because copying 200,000 allocations into the worker
// took ~0.6 s of the UI thread after every edit. One request per message, answered in order; the
// page drops answers to questions it no longer asks.
import { buildCapacityModel, type CapacityChange, type CapacityInput, type CapacityModel, type Grain, type OverloadCell, type TentativeMode } from '../../shared/capacity';

export type CapacityOverloadRequest =
  | { id: number; type: 'load'; input: CapacityInput; range: { from: string; to: string }; grain: Grain; mode: TentativeMode }
  | { id: number; type: 'update'; changes: CapacityChange[]; grain: Grain; mode: TentativeMode };

export type CapacityOverloadResponse = { id: number; ok: true; people: OverloadCell[]; roles: OverloadCell[] } | { id: number; ok: false; message: string };

let model: CapacityModel | null = null;

self.onmessage = (e: MessageEvent<CapacityOverloadRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'load') model = buildCapacityModel(m.input, m.range);
    else {
      if (!model) throw new Error('No workbook loaded in the capacity worker');
      for (const change of m.changes) model.update(change);
    }
    const reply: CapacityOverloadResponse = { id: m.id, ok: true, people: model.overloadCells('person', m.grain, m.mode), roles: model.overloadCells('role', m.grain, m.mode) };
    self.postMessage(reply);
  } catch (err) {
    // The page loads the workbook again with its next request.
    model = null;
    self.postMessage({ id: m.id, ok: false, message: (err as Error).message } satisfies CapacityOverloadResponse);
  }
};
