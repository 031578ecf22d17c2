// The card beside the pointer: a project's dates, baseline and slip, RAG, manager, progress and
// float; a milestone's forecast, baseline, slip and status; a lane's span. While a bar is
// dragged, what the drop would do and which dependencies it would break.
import { useSyncExternalStore } from 'react';
import type { RoadmapController } from './controller';
import type { RoadmapLayout } from '../../../shared/roadmap/layout';
import type { ScheduleResult } from '../../../shared/schedule';
import { STAGE_LABELS, type Settings } from '../../../shared/model/schemas';
import { RAG_NAMES } from '../../../shared/roadmap/draw';
import { isoOf } from '../../../shared/calendar';
import { date as formatDate } from '../../format';

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function days(n: number): string {
  return `${n} day${Math.abs(n) === 1 ? '' : 's'}`;
}

function floatText(schedule: ScheduleResult | null, key: string): string | null {
  if (!schedule) return null;
  const node = schedule.nodes.get(key);
  if (!node) return schedule.cycles.some((c) => c.includes(key)) ? 'On a dependency loop: no float' : null;
  if (node.totalFloat < 0) return `Total float ${node.totalFloat} days (already late)`;
  return node.critical ? `Critical: total float ${node.totalFloat} days` : `Total float ${days(node.totalFloat)}`;
}

export function HoverCard({ controller, layout, settings, schedule, today, width, height }: { controller: RoadmapController; layout: RoadmapLayout; settings: Settings; schedule: ScheduleResult | null; today: number; width: number; height: number }) {
  const hover = useSyncExternalStore(controller.hover.subscribe, controller.hover.get);
  const drag = useSyncExternalStore(controller.dragging.subscribe, controller.dragging.get);
  const d = (day: number | null) => (day === null ? '—' : formatDate(isoOf(day), settings));

  if (drag) {
    const what = drag.part === 'move' ? `Move ${drag.code} by ${days(drag.deltaDays)}` : `Change ${drag.code} ${drag.part} by ${days(drag.deltaDays)}`;
    return (
      <div className={`rm-card rm-drag${drag.broken.length ? ' warn' : ''}`} style={place(drag.x, drag.y, width, height)} role="status" aria-live="polite">
        <strong>{drag.deltaDays === 0 ? `${drag.code}: no change` : what}</strong>
        <div>
          {d(drag.startDay)} – {d(drag.finishDay)}
        </div>
        {drag.broken.length > 0 && (
          <ul className="rm-warn-list" aria-label="Dependencies this move breaks">
            {drag.messages.slice(0, 3).map((m, i) => (
              <li key={i}>⚠ {m}</li>
            ))}
            {drag.messages.length > 3 && <li>…and {drag.messages.length - 3} more</li>}
          </ul>
        )}
        <div className="muted small">Release to save · Esc cancels</div>
      </div>
    );
  }
  if (!hover) return null;
  const row = layout.rows[hover.hit.index];
  if (!row) return null;
  let body: React.ReactNode = null;
  if (hover.hit.kind === 'lane' && row.kind === 'lane') {
    body = (
      <>
        <strong>{row.label}</strong>
        <div>
          {row.count} project{row.count === 1 ? '' : 's'}
          {row.span ? ` · ${d(row.span.from)} – ${d(row.span.to)}` : ''}
        </div>
        <div className="muted small">Click to {row.collapsed ? 'expand' : 'collapse'}</div>
      </>
    );
  } else if (hover.hit.kind === 'milestone' && row.kind === 'project') {
    const id = hover.hit.milestoneId;
    const m = row.milestones.find((x) => x.id === id);
    if (!m) return null;
    const status = m.done ? `Done on ${d(m.actualDay)}` : m.overdue ? `Overdue by ${days(today - (m.forecastDay ?? today))}` : m.forecastDay !== null ? `Due in ${days(m.forecastDay - today)}` : '';
    const fl = floatText(schedule, `milestone:${m.id}`);
    body = (
      <>
        <strong>◆ {m.name}</strong>
        <div className="muted">
          {row.project.code} {row.project.name}
        </div>
        <dl className="rm-facts">
          <dt>Forecast</dt>
          <dd>{d(m.forecastDay)}</dd>
          <dt>Baseline</dt>
          <dd>{d(m.baselineDay)}</dd>
          {m.slip !== null && (
            <>
              <dt>Slip</dt>
              <dd className={m.slip > 0 ? 'bad' : ''}>{signed(m.slip)} days</dd>
            </>
          )}
          <dt>Status</dt>
          <dd className={m.overdue ? 'bad' : ''}>{status}</dd>
          {fl && (
            <>
              <dt>Float</dt>
              <dd>{fl}</dd>
            </>
          )}
        </dl>
      </>
    );
  } else if (row.kind === 'project') {
    const p = row.project;
    const slip = row.finishDay !== null && row.baselineFinishDay !== null ? row.finishDay - row.baselineFinishDay : null;
    const fl = floatText(schedule, `project:${p.id}`);
    const rag = p.rag.overall;
    body = (
      <>
        <strong>
          {p.code} {p.name}
        </strong>
        <dl className="rm-facts">
          <dt>Dates</dt>
          <dd>{row.startDay === null ? 'No dates' : `${d(row.startDay)} – ${d(row.finishDay)} (${days(row.finishDay! - row.startDay + 1)})`}</dd>
          <dt>Baseline</dt>
          <dd>{row.baselineStartDay === null && row.baselineFinishDay === null ? '—' : `${d(row.baselineStartDay)} – ${d(row.baselineFinishDay)}`}</dd>
          {slip !== null && (
            <>
              <dt>Slip</dt>
              <dd className={slip > 0 ? 'bad' : ''}>{signed(slip)} days</dd>
            </>
          )}
          <dt>RAG</dt>
          <dd>
            <span className={`rag-chip rag-${rag ?? 'none'}`}>{rag ?? '–'}</span> {RAG_NAMES[rag ?? 'none']}
          </dd>
          <dt>Stage</dt>
          <dd>{STAGE_LABELS[p.stage]}</dd>
          <dt>Manager</dt>
          <dd>{p.manager || '—'}</dd>
          <dt>Complete</dt>
          <dd>{p.percentComplete === null ? '—' : `${p.percentComplete} %`}</dd>
          {fl && (
            <>
              <dt>Float</dt>
              <dd>{fl}</dd>
            </>
          )}
        </dl>
        <div className="muted small">{hover.hit.kind === 'bar' && hover.hit.part !== 'move' ? `Drag to change the ${hover.hit.part}` : 'Click for details · drag to move'}</div>
      </>
    );
  }
  if (!body) return null;
  return (
    <div className="rm-card" style={place(hover.x, hover.y, width, height)} role="tooltip">
      {body}
    </div>
  );
}

/** Beside the pointer, flipped to stay inside the chart. */
function place(x: number, y: number, width: number, height: number): React.CSSProperties {
  const w = 300;
  const h = 190;
  const left = x + 16 + w > width ? Math.max(4, x - w - 12) : x + 16;
  const top = y + 16 + h > height ? Math.max(4, y - h - 8) : y + 16;
  return { left, top, maxWidth: w };
}
