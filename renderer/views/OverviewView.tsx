// The portfolio at a glance: headline figures, money by programme, stage and RAG mix,
// milestones due and slipped, and the top risks.
import { useMemo } from 'react';
import { useSettings, useVersion, useWorkbook } from '../state/use-app';
import { Derived } from '../state/derived';
import { summarisePortfolio, type MilestoneRow } from '../../shared/analytics/portfolio-summary';
import { STAGES, STAGE_LABELS, type Settings } from '../../shared/model/schemas';
import { localToday } from '../../shared/calendar';
import { chooseBaseline, lookupOf } from '../../shared/baselines/baselines';
import { summariseSuggestedRag } from '../../shared/analytics/suggested-rag';
import { date, money, percent, plural } from '../format';

const RAG_LABEL = { R: 'Red', A: 'Amber', G: 'Green', none: 'Not set' } as const;
const RAG_LETTER = { R: 'R', A: 'A', G: 'G', none: '–' } as const;

/**
 * The summary, kept while what it reads is unchanged (an edit elsewhere, or coming back here,
 * reuses it). Milestone slip is measured against the baseline chosen in Settings → Baselines.
 */
const portfolioSummary = new Derived(['project', 'programme', 'milestone', 'raid', 'resource', 'role', 'baseline', ['settings', ['compareBaselineId']]], (current, today: string) =>
  summarisePortfolio(current.records(), today, 90, lookupOf(chooseBaseline(current.settings, current), current)),
);

/**
 * The RAG the rules in Settings suggest, counted over the live projects, recomputed when a
 * project, a baseline or the rules, holidays or compared baseline change.
 */
const suggestedRag = new Derived(['project', 'baseline', ['settings', ['ragRules', 'holidays', 'compareBaselineId']]], (current) =>
  summariseSuggestedRag(
    current.all('project').filter((p) => !p.archived),
    current.settings,
    lookupOf(chooseBaseline(current.settings, current), current),
  ),
);

export function OverviewView() {
  const current = useWorkbook();
  const settings = useSettings();
  const version = useVersion(portfolioSummary.reads);
  const today = localToday(new Date());
  const summary = useMemo(() => (current ? portfolioSummary.get(current, version, today) : null), [current, version, today]);
  const suggestedVersion = useVersion(suggestedRag.reads);
  const suggested = useMemo(() => (current ? suggestedRag.get(current, suggestedVersion) : null), [current, suggestedVersion]);
  if (!current || !summary || !settings) return null;
  const s = settings;
  if (summary.projects === 0) {
    return (
      <section aria-labelledby="overview-title">
        <h1 id="overview-title">{s.name}</h1>
        <div className="empty-state">
          <p>This workbook has no projects yet.</p>
          <p className="muted">Projects you add or import will be summarised here: money by programme, RAG status, milestones due and the top risks.</p>
        </div>
      </section>
    );
  }
  const t = summary.totals;
  const baseline = chooseBaseline(s, current);
  return (
    <section aria-labelledby="overview-title" className="overview">
      <h1 id="overview-title">{s.name}</h1>
      <div className="kpis" role="list" aria-label="Portfolio figures">
        <Kpi label="Projects" value={summary.projects.toLocaleString()} note={`${plural(summary.people, 'person', 'people')}, ${plural(summary.roles, 'role')}`} />
        <Kpi label="Budget" value={money(t.budget, s, true)} note={money(t.budget, s)} />
        <Kpi label="Forecast at completion" value={money(t.forecast, s, true)} note={`${plural(t.withForecast, 'project')} with a forecast`} />
        <Kpi label="Cost variance" value={money(t.variance, s, true)} note={`${t.variance < 0 ? 'over' : 'within'} budget, ${plural(t.varianceBasis, 'project')}`} tone={t.variance < 0 ? 'bad' : 'good'} title={`Budget − forecast at completion, over the ${t.varianceBasis} projects that have both`} />
        <Kpi label="Spent" value={percent(t.spentRatio)} note={`${money(t.actual, s, true)} actual`} />
        <Kpi label="Open RAID items" value={summary.openRaid.toLocaleString()} note={`${summary.topRisks.length} open risks scored`} />
      </div>

      <div className="grid-2">
        <article className="panel" aria-labelledby="by-programme">
          <h2 id="by-programme">By programme</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col" className="num">Projects</th>
                <th scope="col" className="num">Budget</th>
                <th scope="col" className="num">Forecast</th>
                <th scope="col" className="num">Variance</th>
                <th scope="col">RAG</th>
              </tr>
            </thead>
            <tbody>
              {summary.programmes.map((p) => (
                <tr key={p.programmeId ?? 'none'}>
                  <th scope="row" className="truncate" title={p.name}>
                    {p.name}
                  </th>
                  <td className="num">{p.projects}</td>
                  <td className="num">{money(p.budget, s, true)}</td>
                  <td className="num">{money(p.forecast, s, true)}</td>
                  <td className={p.variance < 0 ? 'num bad' : 'num'}>{money(p.variance, s, true)}</td>
                  <td>
                    <RagMix mix={p.rag} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>

        <article className="panel" aria-labelledby="by-stage">
          <h2 id="by-stage">Stage and status</h2>
          <ul className="bars" aria-label="Projects by stage">
            {STAGES.map((st) => (
              <li key={st}>
                <span className="bar-label">{STAGE_LABELS[st]}</span>
                <span className="bar-track">
                  <span className="bar-fill" style={{ width: `${(summary.byStage[st] / summary.projects) * 100}%` }} />
                </span>
                <span className="bar-value">{summary.byStage[st]}</span>
              </li>
            ))}
          </ul>
          <h3>Overall RAG</h3>
          <RagMix mix={summary.rag} labelled />
          {suggested && (
            <div className="suggested-rag" data-testid="suggested-rag">
              <h3 id="suggested-rag-title" title={`From Settings → RAG rules: amber above ${s.ragRules.slipAmberDays} working days late or ${s.ragRules.costAmberPct} % over budget, red above ${s.ragRules.slipRedDays} days or ${s.ragRules.costRedPct} %`}>
                Suggested by the RAG rules
              </h3>
              <RagMix mix={{ ...suggested.counts }} labelled noneLabel="No figures" />
              <p className="muted small" data-testid="suggested-rag-differ">
                {suggested.differ === 0 ? 'Every RAG set by hand matches its suggestion' : `${plural(suggested.differ, 'RAG')} set by hand ${suggested.differ === 1 ? 'differs' : 'differ'} from the suggestion (kept as set)`}
                {suggested.unset > 0 ? `; ${plural(suggested.unset, 'project')} with a suggestion but no RAG` : ''}.
              </p>
            </div>
          )}
        </article>
      </div>

      <div className="grid-2">
        <article className="panel" aria-labelledby="milestones">
          <h2 id="milestones">Milestones</h2>
          <MilestoneTable title={`Overdue (${summary.overdue.length})`} rows={summary.overdue.slice(0, 6)} empty="No milestone is overdue." s={s} />
          <MilestoneTable title={`Due in the next 90 days (${summary.dueSoon.length})`} rows={summary.dueSoon.slice(0, 8)} empty="Nothing is due in the next 90 days." s={s} />
          <MilestoneTable
            title={`Most slipped against ${baseline.kind === 'named' ? `‘${baseline.baseline.name}’` : 'baseline'} (${summary.slipped.length})`}
            note={baseline.kind === 'missing' ? 'The baseline chosen in Settings no longer exists: slip is against each milestone’s own baseline date.' : undefined}
            rows={summary.slipped.slice(0, 6)}
            empty="No milestone has slipped."
            s={s}
          />
        </article>
        <article className="panel" aria-labelledby="risks">
          <h2 id="risks">Top risks by exposure</h2>
          {summary.topRisks.length === 0 ? (
            <p className="muted">No open risk has a probability and impact yet.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Risk</th>
                  <th scope="col">Project</th>
                  <th scope="col" className="num" title="Probability × impact, each 1–5">
                    Exposure
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.topRisks.slice(0, 10).map((r) => (
                  <tr key={r.risk.id}>
                    <td className="truncate" title={r.risk.title}>
                      {r.risk.title}
                    </td>
                    <td className="truncate">{r.project ? r.project.code : <span className="muted">Portfolio</span>}</td>
                    <td className={`num exposure e${Math.min(5, Math.ceil(r.exposure / 5))}`}>
                      {r.exposure} <span className="muted small">({r.risk.probability}×{r.risk.impact})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      </div>
      <p className="muted small">Figures as of {date(today, s)}. Money in {s.currency}; cost variance is budget − forecast at completion, over projects that have both; slip is forecast − baseline in calendar days.</p>
    </section>
  );
}

function MilestoneTable({ title, note, rows, empty, s }: { title: string; note?: string | undefined; rows: MilestoneRow[]; empty: string; s: Settings }) {
  return (
    <>
      <h3>{title}</h3>
      {note && <p className="muted small">{note}</p>}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table compact">
          <tbody>
            {rows.map((r) => (
              <tr key={r.milestone.id}>
                <td className="nowrap">{r.project.code}</td>
                <td className="truncate" title={`${r.milestone.name} (${r.project.name})`}>
                  {r.milestone.name}
                </td>
                <td className="nowrap num">{date(r.milestone.forecastDate, s)}</td>
                <td className={`nowrap num ${(r.slipDays ?? 0) > 0 ? 'bad' : ''}`}>{r.slipDays == null ? '' : r.slipDays > 0 ? `+${r.slipDays} d` : r.slipDays < 0 ? `${r.slipDays} d` : 'on time'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Kpi({ label, value, note, tone, title }: { label: string; value: string; note?: string; tone?: 'good' | 'bad'; title?: string }) {
  return (
    <div className={`kpi ${tone ?? ''}`} role="listitem" title={title}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {note && <div className="kpi-note">{note}</div>}
    </div>
  );
}

function RagMix({ mix, labelled, noneLabel }: { mix: { R: number; A: number; G: number; none: number }; labelled?: boolean; noneLabel?: string }) {
  const keys = ['R', 'A', 'G', 'none'] as const;
  const word = (k: (typeof keys)[number]) => (k === 'none' && noneLabel) || RAG_LABEL[k];
  return (
    <span className="rag-mix">
      {keys
        .filter((k) => mix[k] > 0 || labelled)
        .map((k) => (
          // Not by colour alone: a compact chip shows the letter (R 3), read out as the word.
          <span key={k} className={`rag-chip rag-${k}`} title={`${word(k)}: ${mix[k]}`}>
            {labelled ? (
              `${word(k)} ${mix[k]}`
            ) : (
              <>
                <span aria-hidden="true">{RAG_LETTER[k]}</span>
                <span className="sr-only">{word(k)}</span> {mix[k]}
              </>
            )}
          </span>
        ))}
    </span>
  );
}
