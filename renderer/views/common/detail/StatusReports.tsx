// The project's status reports in the detail panel, newest month first: period, RAG per
// dimension and the narrative. Read-only here (reports come from a status log import or a
// file); the full status view is a later piece of work.
import { useMemo, useState } from 'react';
import { useRecords } from '../../../state/use-app';
import { monthLabel } from '../../../../shared/calendar';
import { RAG_DIMENSIONS, type Rag, type StatusReport } from '../../../../shared/model/schemas';
import { RAG_LABELS } from '../../../../shared/register/convert';

const SHOWN = 12;
const DIMENSION_LABELS: Record<(typeof RAG_DIMENSIONS)[number], string> = { overall: 'Overall', schedule: 'Schedule', cost: 'Cost', scope: 'Scope', resources: 'Resources' };

function periodLabel(period: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return Number.isInteger(y) && m >= 1 && m <= 12 ? monthLabel(y, m) : period;
}

function Chip({ rag, name }: { rag: Rag; name: string }) {
  const text = `${name}: ${rag ? RAG_LABELS[rag] : 'not reported'}`;
  return (
    <span className={`rag-chip rag-${rag ?? 'none'}`} title={text} aria-label={text} role="img">
      {rag ?? '–'}
    </span>
  );
}

export function StatusReportsSection({ projectId }: { projectId: string }) {
  const all = useRecords('statusReport');
  const [showAll, setShowAll] = useState(false);
  const reports = useMemo(() => all.filter((r) => r.projectId === projectId).sort((a, b) => b.period.localeCompare(a.period)), [all, projectId]);
  if (!reports.length) return <p className="muted small">No status reports yet. Import a status log (one row per project and month) to see them here.</p>;
  const shown = showAll ? reports : reports.slice(0, SHOWN);
  return (
    <>
      <table className="table compact dt-table dt-status-reports" aria-label="Status reports, newest first">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">RAG</th>
            <th scope="col">Narrative</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <Row key={r.id} r={r} />
          ))}
        </tbody>
      </table>
      {reports.length > SHOWN && (
        <button type="button" className="ghost small" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? `Show the newest ${SHOWN}` : `Show all ${reports.length} reports`}
        </button>
      )}
    </>
  );
}

function Row({ r }: { r: StatusReport }) {
  const others = RAG_DIMENSIONS.filter((d) => d !== 'overall' && r.rag[d]);
  const more = [r.achievements && `Achievements: ${r.achievements}`, r.nextSteps && `Next steps: ${r.nextSteps}`, r.decisionsNeeded && `Decisions needed: ${r.decisionsNeeded}`].filter(Boolean).join('\n');
  return (
    <tr>
      <th scope="row" title={r.reportedOn ? `Reported on ${r.reportedOn}` : undefined}>
        {periodLabel(r.period)}
      </th>
      <td>
        <span className="dt-rags">
          <Chip rag={r.rag.overall} name="Overall" />
          {others.map((d) => (
            <span key={d} className="dt-dim">
              <span aria-hidden="true">{DIMENSION_LABELS[d]}</span> <Chip rag={r.rag[d]} name={DIMENSION_LABELS[d]} />
            </span>
          ))}
        </span>
      </td>
      <td className="dt-narrative" title={more || undefined}>
        {r.narrative || <span className="muted">–</span>}
      </td>
    </tr>
  );
}
