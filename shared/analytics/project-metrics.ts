// Computed project figures shown as register columns: slip, cost variance, % spent and the
// weighted score. Definitions follow DOMAIN.md ("Numbers users expect to be right").
import type { Project, Settings, Milestone } from '../model/schemas';
import { diffDays } from '../calendar';
import type { Money } from '../util/money';

/** Forecast finish − baseline finish, in calendar days (positive = late); null without both. */
export function projectSlipDays(p: Pick<Project, 'finish' | 'baselineFinish'>): number | null {
  return p.finish && p.baselineFinish ? diffDays(p.baselineFinish, p.finish) : null;
}

export function milestoneSlipDays(m: Pick<Milestone, 'forecastDate' | 'baselineDate'>): number | null {
  return m.forecastDate && m.baselineDate ? diffDays(m.baselineDate, m.forecastDate) : null;
}

/** Budget − forecast at completion (negative = over budget); null without both. */
export function costVariance(p: Pick<Project, 'budget' | 'forecastCost'>): Money | null {
  return p.budget != null && p.forecastCost != null ? p.budget - p.forecastCost : null;
}

/** Actual ÷ budget as a percentage (0–100+); null without a positive budget or an actual. */
export function percentSpent(p: Pick<Project, 'budget' | 'actualCost'>): number | null {
  return p.budget != null && p.budget > 0 && p.actualCost != null ? (p.actualCost / p.budget) * 100 : null;
}

/**
 * Σ weightᵢ × (scoreᵢ ÷ scaleMaxᵢ), with weights in percent summing to 100, so the result runs
 * 0–100. Null when there are no criteria or the project has no score at all; a missing score
 * for one criterion counts as 0.
 */
export function weightedScore(p: Pick<Project, 'scores'>, settings: Pick<Settings, 'scoringCriteria'>): number | null {
  const criteria = settings.scoringCriteria;
  if (!criteria.length || !criteria.some((c) => p.scores[c.id] != null)) return null;
  let total = 0;
  for (const c of criteria) total += c.weight * Math.min(1, (p.scores[c.id] ?? 0) / c.scaleMax);
  return Math.round(total * 100) / 100;
}
