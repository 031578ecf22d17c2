// Models derived from the open workbook (the portfolio summary, the register's rows, the schedule
// network, the roadmap layout…), each kept against the version of what it reads
// (WorkbookState.versionOf): coming back to a view, or a commit that touched something else,
// reuses it; a commit that touched what it reads makes the next reader compute it again.
import type { Reads, WorkbookState } from '../../shared/commands/state';

/** A derived value per workbook state, recomputed when the version of `reads` or an argument changes. */
export class Derived<A extends readonly unknown[], T> {
  private readonly entries = new WeakMap<WorkbookState, { version: number; args: A; value: T }>();
  /** How many times the value was computed (for tests and benchmarks). */
  computed = 0;

  constructor(
    readonly reads: Reads,
    private readonly compute: (state: WorkbookState, ...args: A) => T,
  ) {}

  /** `version` is state.versionOf(this.reads), as useVersion(this.reads) gives it to a view. */
  get(state: WorkbookState, version: number, ...args: A): T {
    const hit = this.entries.get(state);
    if (hit && hit.version === version && hit.args.length === args.length && hit.args.every((a, i) => Object.is(a, args[i]))) return hit.value;
    this.computed++;
    const value = this.compute(state, ...args);
    this.entries.set(state, { version, args, value });
    return value;
  }

  /** For code outside React: the value at the state's current version. */
  now(state: WorkbookState, ...args: A): T {
    return this.get(state, state.versionOf(this.reads), ...args);
  }
}
