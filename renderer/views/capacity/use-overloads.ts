// The people and roles over 100 % for the capacity view: computed in the page for ordinary
// workbooks, and in a Web Worker (renderer/workers/capacity.worker.ts) for large ones, where it
// takes a while; null while the worker is at it. Entries' projects are worked out when read.
// The worker lives as long as the view and keeps its own model: after an edit it is sent the
// changes the page's model was updated with (./model-cache), not the whole workbook again.
import { useEffect, useMemo, useRef, useState } from 'react';
import { withOverloadProjects, type CapacityInput, type CapacityModel, type Grain, type Overload, type TentativeMode } from '../../../shared/capacity';
import type { CapacityOverloadRequest, CapacityOverloadResponse } from '../../workers/capacity.worker';
import { changesBetween } from './model-cache';

/** Above this many allocations the list is computed off the UI thread. */
export const WORKER_ALLOCATIONS = 20_000;

export interface Overloads {
  people: Overload[];
  roles: Overload[];
}

let nextId = 1;

/** The view's worker and what its model holds (the input and range it was last sent, in order). */
interface Session {
  worker: Worker;
  loaded: { input: CapacityInput; range: object } | null;
}

export function useOverloads(model: CapacityModel, input: CapacityInput, range: { from: string; to: string }, grain: Grain, mode: TentativeMode): Overloads | null {
  const large = input.allocations.length > WORKER_ALLOCATIONS;
  const inPage = useMemo(() => (large ? null : { people: model.overloads('person', grain, mode), roles: model.overloads('role', grain, mode) }), [large, model, grain, mode]);
  const [answer, setAnswer] = useState<{ input: CapacityInput; range: object; grain: Grain; mode: TentativeMode; value: Overloads } | null>(null);
  const session = useRef<Session | null>(null);
  useEffect(
    () => () => {
      session.current?.worker.terminate();
      session.current = null;
    },
    [],
  );
  useEffect(() => {
    if (!large) return;
    const id = nextId++;
    // After the heat map has been painted: starting the worker, and the first copy of the workbook, take a moment.
    const t = setTimeout(() => {
      let s = session.current;
      if (!s) {
        s = session.current = { worker: new Worker(new URL('../../workers/capacity.worker.ts', import.meta.url), { type: 'module', name: 'capacity' }), loaded: null };
      }
      const at = s;
      at.worker.onmessage = (e: MessageEvent<CapacityOverloadResponse>) => {
        const m = e.data;
        if (!m.ok) {
          at.loaded = null; // the worker dropped its model
          return;
        }
        if (m.id !== id) return;
        // Same data and range, so the page's model has the same rows: it adds projects when read.
        setAnswer({ input, range, grain, mode, value: { people: withOverloadProjects(model, m.people, grain, mode), roles: withOverloadProjects(model, m.roles, grain, mode) } });
      };
      const changes = at.loaded && at.loaded.range === range ? (at.loaded.input === input ? [] : changesBetween(at.loaded.input, input)) : null;
      const request: CapacityOverloadRequest = changes ? { id, type: 'update', changes, grain, mode } : { id, type: 'load', input, range, grain, mode };
      at.worker.postMessage(request);
      at.loaded = { input, range };
    }, 30);
    return () => clearTimeout(t);
  }, [large, model, input, range, grain, mode]);
  if (!large) return inPage;
  return answer && answer.input === input && answer.range === range && answer.grain === grain && answer.mode === mode ? answer.value : null;
}
