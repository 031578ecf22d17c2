// Beside the chart: what cannot be drawn (projects and milestones without dates), broken
// dependencies, dependency loops, the critical path when it is shown, and in the milestone view
// what is due in the next 90 days with the overdue ones first.
import type { RoadmapLayout } from '../../../shared/roadmap/layout';
import type { Settings } from '../../../shared/model/schemas';
import type { ScheduleResult } from '../../../shared/schedule';
import { isoOf } from '../../../shared/calendar';
import { date as formatDate } from '../../format';
import { describeCheck, endName, type Lookup, type Violations } from './schedule';

const MAX = 60;

export interface DueItem {
  milestoneId: string;
  projectId: string;
  code: string;
  name: string;
  day: number;
  overdue: boolean;
}

export function dueMilestones(layout: RoadmapLayout, today: number, horizon = 90): DueItem[] {
  const out: DueItem[] = [];
  const seen = new Set<string>();
  for (const r of layout.rows) {
    if (r.kind !== 'project') continue;
    for (const m of r.milestones) {
      if (m.done || m.forecastDay === null || seen.has(m.id)) continue;
      if (m.forecastDay > today + horizon) continue;
      if (!m.overdue && m.forecastDay < today) continue;
      seen.add(m.id);
      out.push({ milestoneId: m.id, projectId: r.project.id, code: r.project.code, name: m.name, day: m.forecastDay, overdue: m.overdue });
    }
  }
  return out.sort((a, b) => a.day - b.day || a.code.localeCompare(b.code));
}

export function SidePanel(props: {
  layout: RoadmapLayout;
  settings: Settings;
  today: number;
  mode: 'timeline' | 'milestones';
  violations: Violations;
  loops: string[][];
  schedule: ScheduleResult | null;
  criticalOn: boolean;
  names: Lookup;
  onOpen: (projectId: string) => void;
  onReveal: (projectId: string, day?: number) => void;
  onClose: () => void;
}) {
  const { layout, settings, today, violations, loops, schedule, names } = props;
  const d = (day: number) => formatDate(isoOf(day), settings);
  const due = props.mode === 'milestones' ? dueMilestones(layout, today) : [];
  const overdue = due.filter((x) => x.overdue);
  const upcoming = due.filter((x) => !x.overdue);
  const critical = schedule && props.criticalOn ? [...schedule.nodes.values()].filter((n) => n.critical).sort((a, b) => a.es.localeCompare(b.es) || a.id.localeCompare(b.id)) : [];
  const nodeName = (key: string) => {
    const [kind, id] = key.split(':') as ['project' | 'milestone', string];
    return endName(names, kind, id);
  };

  return (
    <aside className="rm-panel" aria-label="Roadmap details">
      <div className="rm-panel-head">
        <h2>Details</h2>
        <button type="button" className="icon" aria-label="Hide the side panel" title="Hide the side panel" onClick={props.onClose}>
          ×
        </button>
      </div>

      {props.mode === 'milestones' && (
        <section aria-labelledby="rm-due">
          <h3 id="rm-due">
            Due in the next 90 days <span className="badge">{upcoming.length}</span>
          </h3>
          {overdue.length > 0 && (
            <>
              <h4 className="bad">
                Overdue <span className="badge bad-badge">{overdue.length}</span>
              </h4>
              <ul className="rm-list" aria-label="Overdue milestones">
                {overdue.slice(0, MAX).map((m) => (
                  <li key={m.milestoneId} className="overdue">
                    <button type="button" className="link" onClick={() => props.onReveal(m.projectId, m.day)}>
                      <span className="rm-date">{d(m.day)}</span> {m.name} <span className="muted">{m.code}</span>
                    </button>
                    <span className="bad small">{today - m.day} days late</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {upcoming.length === 0 ? (
            <p className="muted small">Nothing due in the next 90 days.</p>
          ) : (
            <ul className="rm-list" aria-label="Milestones due in the next 90 days">
              {upcoming.slice(0, MAX).map((m) => (
                <li key={m.milestoneId}>
                  <button type="button" className="link" onClick={() => props.onReveal(m.projectId, m.day)}>
                    <span className="rm-date">{d(m.day)}</span> {m.name} <span className="muted">{m.code}</span>
                  </button>
                </li>
              ))}
              {upcoming.length > MAX && <li className="muted">…and {upcoming.length - MAX} more</li>}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="rm-broken">
        <h3 id="rm-broken">
          Broken dependencies <span className={`badge${violations.list.length ? ' bad-badge' : ''}`} data-testid="violations-count">{violations.list.length}</span>
        </h3>
        {violations.list.length === 0 ? (
          <p className="muted small">Every dependency with dates on both ends is kept.</p>
        ) : (
          <ul className="rm-list" aria-label="Broken dependencies">
            {violations.list.slice(0, MAX).map((c) => {
              const pid = c.successor.kind === 'project' ? c.successor.id : names.milestone.get(c.successor.id)?.projectId;
              return (
                <li key={c.dependencyId}>
                  <button type="button" className="link" onClick={() => pid && props.onReveal(pid)}>
                    {describeCheck(c, names)}
                  </button>
                </li>
              );
            })}
            {violations.list.length > MAX && <li className="muted">…and {violations.list.length - MAX} more</li>}
          </ul>
        )}
      </section>

      {loops.length > 0 && (
        <section aria-labelledby="rm-loops">
          <h3 id="rm-loops" className="bad">
            Dependency loops <span className="badge bad-badge">{loops.length}</span>
          </h3>
          <p className="small">These items wait for each other, so none can start first. Remove one link of each loop; until then they have no float.</p>
          <ul className="rm-list" aria-label="Dependency loops">
            {loops.slice(0, 20).map((c, i) => (
              <li key={i}>{[...c, c[0]!].map(nodeName).join(' → ')}</li>
            ))}
          </ul>
        </section>
      )}

      {props.criticalOn && schedule && (
        <section aria-labelledby="rm-critical">
          <h3 id="rm-critical">
            Critical path <span className="badge">{critical.length}</span>
          </h3>
          <p className="small muted">
            Items with no float across the whole portfolio{schedule.projectEnd ? `; it ends ${formatDate(schedule.projectEnd, settings)}` : ''}. A delay to any of them delays the end.
          </p>
          <ul className="rm-list" aria-label="Critical items" data-testid="critical-list">
            {critical.slice(0, MAX).map((n) => {
              const pid = n.kind === 'project' ? n.id : names.milestone.get(n.id)?.projectId;
              return (
                <li key={`${n.kind}:${n.id}`} data-node={`${n.kind}:${n.id}`}>
                  <button type="button" className="link" onClick={() => pid && props.onReveal(pid)}>
                    <span className="rm-date">{formatDate(n.es, settings)}</span> {nodeName(`${n.kind}:${n.id}`)}
                    {n.kind === 'project' ? ` ${names.project.get(n.id)?.name ?? ''}` : ''}
                  </button>
                </li>
              );
            })}
            {critical.length > MAX && <li className="muted">…and {critical.length - MAX} more</li>}
          </ul>
        </section>
      )}

      <section aria-labelledby="rm-unscheduled">
        <h3 id="rm-unscheduled">
          Unscheduled <span className="badge" data-testid="unscheduled-count">{layout.unscheduled.length}</span>
        </h3>
        {layout.unscheduled.length === 0 ? (
          <p className="muted small">Every project shown has a start and a finish.</p>
        ) : (
          <ul className="rm-list" aria-label="Unscheduled projects">
            {layout.unscheduled.slice(0, MAX).map((u) => (
              <li key={u.project.id}>
                <button type="button" className="link" onClick={() => props.onOpen(u.project.id)}>
                  <span className="muted">{u.project.code}</span> {u.project.name}
                </button>
                <span className="small muted">
                  {u.reason}
                  {u.datedMilestones ? `; its ${u.datedMilestones} dated milestone${u.datedMilestones === 1 ? ' is' : 's are'} shown` : ''}
                </span>
              </li>
            ))}
            {layout.unscheduled.length > MAX && <li className="muted">…and {layout.unscheduled.length - MAX} more</li>}
          </ul>
        )}
        {layout.undatedMilestones.length > 0 && (
          <>
            <h4>
              Milestones without a date <span className="badge">{layout.undatedMilestones.length}</span>
            </h4>
            <ul className="rm-list" aria-label="Milestones without a date">
              {layout.undatedMilestones.slice(0, MAX).map((u) => (
                <li key={u.milestone.id}>
                  <button type="button" className="link" onClick={() => props.onOpen(u.project.id)}>
                    {u.milestone.name} <span className="muted">{u.project.code}</span>
                  </button>
                </li>
              ))}
              {layout.undatedMilestones.length > MAX && <li className="muted">…and {layout.undatedMilestones.length - MAX} more</li>}
            </ul>
          </>
        )}
      </section>
    </aside>
  );
}
