// Every person and role over 100 % in any period of the heat map: one entry per person or role,
// with the periods it is over, by how much (hours and %), and the projects that cause it.
// Clicking an entry (or one of its periods) shows that cell on the heat map.
import { useMemo, useState } from 'react';
import type { Overload, Periods } from '../../../shared/capacity';
import type { ProjectRef } from './DrillDown';
import { periodDates, type CapacityFigure } from './labels';
import { pctText } from './draw';
import { plural } from '../../format';

/** Entries shown at a time (a large portfolio can have thousands). */
const PAGE = 100;

export type OverloadSort = 'over' | 'percent' | 'name' | 'date';
const SORTS: Record<OverloadSort, string> = { over: 'Hours over', percent: 'Peak %', name: 'Name', date: 'Date' };

export interface OverloadGroup {
  key: string;
  label: string;
  kind: 'person' | 'role' | 'team';
  periods: Overload[];
  overHours: number;
  peak: Overload;
  first: number;
  /** By project over the group's periods, most hours first (worked out when first read). */
  readonly projects: { projectId: string; hours: number }[];
}

export function groupOverloads(list: readonly Overload[]): OverloadGroup[] {
  const map = new Map<string, OverloadGroup>();
  for (const o of list) {
    let g = map.get(o.key);
    if (!g) {
      g = lazyGroup(o);
      map.set(o.key, g);
    }
    g.periods.push(o);
    g.overHours += o.over;
    if (o.utilisation > g.peak.utilisation) g.peak = o;
    if (o.period < g.first) g.first = o.period;
  }
  for (const g of map.values()) g.periods.sort((a, b) => a.period - b.period);
  return [...map.values()];
}

/** A group whose projects are added up when first read: only the entries on screen need them. */
function lazyGroup(o: Overload): OverloadGroup {
  let projects: OverloadGroup['projects'] | null = null;
  const g: OverloadGroup = {
    key: o.key,
    label: o.label,
    kind: o.kind,
    periods: [],
    overHours: 0,
    peak: o,
    first: o.period,
    get projects() {
      if (!projects) {
        const hrs = new Map<string, number>();
        for (const x of g.periods) for (const p of x.projects) hrs.set(p.projectId, (hrs.get(p.projectId) ?? 0) + p.hours);
        projects = [...hrs].map(([projectId, h]) => ({ projectId, hours: h })).sort((a, b) => b.hours - a.hours);
      }
      return projects;
    },
  };
  return g;
}

export function OverloadList(props: {
  /** null while the list is being computed (large workbooks, in a worker). */
  people: readonly Overload[] | null;
  roles: readonly Overload[] | null;
  periods: Periods;
  unit: string;
  projects: ReadonlyMap<string, ProjectRef>;
  selected: { key: string; period: number } | null;
  onReveal: (o: Overload) => void;
  /** Capacity figures in the workbook's unit; a group's totals are over all its periods. */
  figure: CapacityFigure;
}) {
  const fig = props.figure;
  const [sort, setSort] = useState<OverloadSort>('over');
  const [show, setShow] = useState<'all' | 'person' | 'role'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const groups = useMemo(() => {
    const list = groupOverloads([...(show !== 'role' ? (props.people ?? []) : []), ...(show !== 'person' ? (props.roles ?? []) : [])]);
    const cmp: Record<OverloadSort, (a: OverloadGroup, b: OverloadGroup) => number> = {
      over: (a, b) => b.overHours - a.overHours,
      percent: (a, b) => b.peak.utilisation - a.peak.utilisation,
      name: (a, b) => a.label.localeCompare(b.label),
      date: (a, b) => a.first - b.first,
    };
    return list.sort((a, b) => cmp[sort](a, b) || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  }, [props.people, props.roles, sort, show]);
  const computing = props.people === null || props.roles === null;
  const peopleCount = new Set((props.people ?? []).map((o) => o.key)).size;
  const roleCount = new Set((props.roles ?? []).map((o) => o.key)).size;
  const code = (id: string) => props.projects.get(id)?.code ?? '?';

  return (
    <aside className="cap-panel" aria-label="Over-allocation">
      <div className="cap-panel-head">
        <h2>
          Over-allocated
          <span className="muted cap-sub" data-testid="overload-summary">
            {computing ? 'Finding over-allocations…' : peopleCount === 0 && roleCount === 0 ? `Nobody over 100 % in these ${props.unit}` : `${plural(peopleCount, 'person', 'people')}, ${plural(roleCount, 'role')} over 100 %`}
          </span>
        </h2>
      </div>
      <div className="cap-list-tools">
        <select aria-label="Show" value={show} onChange={(e) => setShow(e.target.value as typeof show)}>
          <option value="all">People and roles</option>
          <option value="person">People</option>
          <option value="role">Roles</option>
        </select>
        <label className="inline">
          Sort by
          <select aria-label="Sort over-allocations by" value={sort} onChange={(e) => setSort(e.target.value as OverloadSort)}>
            {(Object.keys(SORTS) as OverloadSort[]).map((s) => (
              <option key={s} value={s}>
                {SORTS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {computing ? (
        <p className="muted small" aria-busy="true">
          Working through every person and role…
        </p>
      ) : groups.length === 0 ? (
        <p className="muted small">Everyone is at or under capacity in every period.</p>
      ) : (
        <ul className="cap-overloads" aria-label="Over-allocated people and roles">
          {groups.slice(0, limit).map((g) => {
            const isOpen = open === g.key;
            const active = props.selected?.key === g.key;
            const first = g.periods[0]!;
            const last = g.periods[g.periods.length - 1]!;
            const spans = g.periods.map((o) => o.period);
            return (
              <li key={g.key} className={active ? 'active' : undefined} data-key={g.key} data-kind={g.kind} data-testid="overload">
                <div className="cap-ol-row">
                  <button type="button" className="link cap-ol-name" onClick={() => props.onReveal(g.peak)} title="Show the worst period on the heat map">
                    {g.label}
                  </button>
                  <span className="cap-kind">{g.kind === 'person' ? 'Person' : 'Role'}</span>
                  <span className="cap-ol-peak bad-text">{pctText(g.peak.capacity, g.peak.demand)}</span>
                </div>
                <div className="cap-ol-facts small">
                  {fig(g.overHours, spans)} over in {plural(g.periods.length, periodUnit(props.periods))} · {first.periodLabel}
                  {g.periods.length > 1 ? ` – ${last.periodLabel}` : ''}
                </div>
                <div className="cap-ol-projects small muted" title="Projects booking this person or role in those periods">
                  {g.projects.slice(0, 6).map((p) => `${code(p.projectId)} (${fig(p.hours, spans)})`).join(', ')}
                  {g.projects.length > 6 ? `, +${g.projects.length - 6} more` : ''}
                </div>
                <button type="button" className="ghost small cap-ol-toggle" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : g.key)}>
                  {isOpen ? 'Hide periods' : `Show ${plural(g.periods.length, 'period')}`}
                </button>
                {isOpen && (
                  <ul className="cap-ol-periods">
                    {g.periods.map((o) => (
                      <li key={o.period} className={active && props.selected?.period === o.period ? 'active' : undefined}>
                        <button type="button" className="link" onClick={() => props.onReveal(o)} title={periodDates(props.periods, o.period)}>
                          {o.periodLabel}
                        </button>
                        <span>
                          {fig(o.demand, o.period)} / {fig(o.capacity, o.period)}
                        </span>
                        <span className="bad-text">{pctText(o.capacity, o.demand)}</span>
                        <span className="muted">+{fig(o.over, o.period)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
          {groups.length > limit && (
            <li className="cap-more">
              <button type="button" className="ghost small" onClick={() => setLimit(limit + PAGE)}>
                Show {Math.min(PAGE, groups.length - limit)} more of {groups.length - limit}
              </button>
            </li>
          )}
        </ul>
      )}
    </aside>
  );
}

function periodUnit(p: Periods): string {
  return p.grain;
}
