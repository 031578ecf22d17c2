// The people and roles over 100 % for the capacity view: computed in the page for ordinary
// workbooks, and in a Web Worker (renderer/workers/capacity.worker.ts) for large ones, where it
// takes seconds; null while the worker is at it.
import { useEffect, useMemo, useState } from 'react';
import type { CapacityInput, CapacityModel, Grain, Overload, TentativeMode } from '../../../shared/capacity';
import type { CapacityOverloadRequest, CapacityOverloadResponse } from '../../workers/capacity.worker';

/** Above this many allocations the list is computed off the UI thread. */
export const WORKER_ALLOCATIONS = 20_000;

export interface Overloads {
  people: Overload[];
  roles: Overload[];
}

let nextId = 1;

export function useOverloads(model: CapacityModel, input: CapacityInput, range: { from: string; to: string }, grain: Grain, mode: TentativeMode): Overloads | null {
  const large = input.allocations.length > WORKER_ALLOCATIONS;
  const inPage = useMemo(() => (large ? null : { people: model.overloads('person', grain, mode), roles: model.overloads('role', grain, mode) }), [large, model, grain, mode]);
  const [answer, setAnswer] = useState<{ input: CapacityInput; range: object; grain: Grain; mode: TentativeMode; value: Overloads } | null>(null);
  useEffect(() => {
    if (!large) return;
    const worker = new Worker(new URL('../../workers/capacity.worker.ts', import.meta.url), { type: 'module', name: 'capacity' });
    const id = nextId++;
    worker.onmessage = (e: MessageEvent<CapacityOverloadResponse>) => {
      const m = e.data;
      if (m.id !== id || !m.ok) return;
      setAnswer({ input, range, grain, mode, value: { people: m.people, roles: m.roles } });
      worker.terminate();
    };
    // Copying the workbook into the worker takes a moment: after the heat map has been painted.
    const t = setTimeout(() => worker.postMessage({ id, input, range, grain, mode } satisfies CapacityOverloadRequest), 30);
    return () => {
      clearTimeout(t);
      worker.terminate();
    };
  }, [large, input, range, grain, mode]);
  if (!large) return inPage;
  return answer && answer.input === input && answer.range === range && answer.grain === grain && answer.mode === mode ? answer.value : null;
}
