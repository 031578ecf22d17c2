// The people and roles over 100 % for the capacity view: computed in the page for ordinary
// workbooks, and in a Web Worker (renderer/workers/capacity.worker.ts) for large ones, where it
// takes a while; null while the worker is at it. Entries' projects are worked out when read.
import { useEffect, useMemo, useState } from 'react';
import { withOverloadProjects, type CapacityInput, type CapacityModel, type Grain, type Overload, type TentativeMode } from '../../../shared/capacity';
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
      // Same input and range, so the page's model has the same rows: it adds projects when read.
      setAnswer({ input, range, grain, mode, value: { people: withOverloadProjects(model, m.people, grain, mode), roles: withOverloadProjects(model, m.roles, grain, mode) } });
      worker.terminate();
    };
    // Copying the workbook into the worker takes a moment: after the heat map has been painted.
    const t = setTimeout(() => worker.postMessage({ id, input, range, grain, mode } satisfies CapacityOverloadRequest), 30);
    return () => {
      clearTimeout(t);
      worker.terminate();
    };
  }, [large, model, input, range, grain, mode]);
  if (!large) return inPage;
  return answer && answer.input === input && answer.range === range && answer.grain === grain && answer.mode === mode ? answer.value : null;
}
