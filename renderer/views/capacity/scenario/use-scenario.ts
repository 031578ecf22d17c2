// The what-if state of the capacity view: whether what-if is on, and the draft scenario (a name
// and a list of changes). Held by the view that hosts the ScenarioBar; the heat map reads
// `input` (the plan with the changes) and `compare` (better / worse marks) from it. See the
// header of shared/scenario/scenario.ts for how the heat map uses them.
import { useCallback, useMemo, useState } from 'react';
import { applyScenario, compareModels, type ComparableModel, type Scenario, type ScenarioInput, type Verdict } from '../../../../shared/scenario/scenario';

export const NEW_SCENARIO_NAME = 'What-if';

export interface ScenarioHandle {
  /** What-if is on: the heat map shows the scenario's numbers. */
  active: boolean;
  setActive: (on: boolean) => void;
  /** The draft: a saved scenario's id when loaded from one (saving again replaces it), else ''. */
  scenario: Scenario;
  setScenario: (s: Scenario) => void;
  /** Clears the draft's changes and turns what-if off. */
  discard: () => void;
  /** The plan with the scenario's changes when what-if is on; the base itself otherwise. Stable while the draft is unchanged. */
  input: <T extends ScenarioInput>(base: T) => T;
  /** Better / worse / same per row key and period of `what` against `base` (same range). */
  compare: <K extends string, G extends string, T extends string>(base: ComparableModel<K, G, T>, what: ComparableModel<K, G, T>, kind: K, grain: G, tentative: T) => Map<string, Verdict[]>;
}

export const emptyScenario = (): Scenario => ({ id: '', name: NEW_SCENARIO_NAME, changes: [] });

export function useScenario(): ScenarioHandle {
  const [active, setActive] = useState(false);
  const [scenario, setScenario] = useState<Scenario>(emptyScenario);
  const discard = useCallback(() => {
    setScenario(emptyScenario());
    setActive(false);
  }, []);
  const input = useCallback(<T extends ScenarioInput>(base: T): T => (active ? applyScenario(base, scenario) : base), [active, scenario]);
  return useMemo(() => ({ active, setActive, scenario, setScenario, discard, input, compare: compareModels }), [active, scenario, discard, input]);
}
