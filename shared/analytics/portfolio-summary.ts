// The portfolio at a glance: counts, money totals and variances, RAG mix, milestones due and
// slipped, top risks. Pure, so the figures shown are the figures tested.
import { STAGES, type Milestone, type Project, type RaidItem, type Stage } from '../model/schemas';
import type { WorkbookRecords } from '../model/workbook';
import { addDays, diffDays, type IsoDate } from '../calendar';
import { sumMoney, type Money } from '../util/money';
import { milestoneSlipDays, type BaselineLookup } from '../baselines/baselines';

export interface MoneyTotals {
  budget: Money;
  forecast: Money;
  actual: Money;
  /** Budget − forecast at completion, over projects that have both. */
  variance: Money;
  /** Actual ÷ budget, over projects with a budget; null when there is no budget. */
  spentRatio: number | null;
  /** How many projects the variance covers (those with both a budget and a forecast). */
  varianceBasis: number;
  /** How many projects have a forecast at completion. */
  withForecast: number;
}

export interface ProgrammeRow extends MoneyTotals {
  programmeId: string | null;
  name: string;
  projects: number;
  rag: { R: number; A: number; G: number; none: number };
}

export interface MilestoneRow {
  milestone: Milestone;
  project: Project;
  /** Forecast − baseline in calendar days (positive = late); null without both dates. The baseline is the compared one (see summarisePortfolio). */
  slipDays: number | null;
}

export interface PortfolioSummary {
  projects: number;
  byStage: Record<Stage, number>;
  rag: { R: number; A: number; G: number; none: number };
  totals: MoneyTotals;
  programmes: ProgrammeRow[];
  dueSoon: MilestoneRow[];
  overdue: MilestoneRow[];
  slipped: MilestoneRow[];
  topRisks: { risk: RaidItem; exposure: number; project: Project | null }[];
  people: number;
  roles: number;
  openRaid: number;
}

export function slipDays(m: Pick<Milestone, 'baselineDate' | 'forecastDate'>): number | null {
  return m.baselineDate && m.forecastDate ? diffDays(m.baselineDate, m.forecastDate) : null;
}

function totals(projects: Project[]): MoneyTotals {
  const budget = sumMoney(projects.map((p) => p.budget));
  const withBoth = projects.filter((p) => p.budget != null && p.forecastCost != null);
  const withBudget = projects.filter((p) => p.budget != null && p.budget > 0);
  const budgetForSpent = sumMoney(withBudget.map((p) => p.budget));
  return {
    budget,
    forecast: sumMoney(projects.map((p) => p.forecastCost)),
    actual: sumMoney(projects.map((p) => p.actualCost)),
    variance: sumMoney(withBoth.map((p) => p.budget! - p.forecastCost!)),
    spentRatio: budgetForSpent > 0 ? sumMoney(withBudget.map((p) => p.actualCost)) / budgetForSpent : null,
    varianceBasis: withBoth.length,
    withForecast: projects.filter((p) => p.forecastCost != null).length,
  };
}

const ragKey = (p: Project) => p.rag.overall ?? 'none';

/**
 * `baseline`: where milestone slip reads baseline dates (lookupFor(settings, …): the baseline
 * chosen in Settings); without it, each milestone's own baseline date.
 */
export function summarisePortfolio(records: WorkbookRecords, today: IsoDate, horizonDays = 90, baseline?: BaselineLookup): PortfolioSummary {
  const projects = records.project.filter((p) => !p.archived);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const rag = { R: 0, A: 0, G: 0, none: 0 };
  for (const p of projects) {
    byStage[p.stage]++;
    rag[ragKey(p)]++;
  }
  const programmeName = new Map(records.programme.map((g) => [g.id, g.name]));
  const groups = new Map<string | null, Project[]>();
  for (const p of projects) {
    const key = p.programmeId && programmeName.has(p.programmeId) ? p.programmeId : null;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const programmes: ProgrammeRow[] = [...groups.entries()]
    .map(([id, list]) => {
      const r = { R: 0, A: 0, G: 0, none: 0 };
      for (const p of list) r[ragKey(p)]++;
      return { programmeId: id, name: id ? programmeName.get(id)! : 'No programme', projects: list.length, rag: r, ...totals(list) };
    })
    .sort((a, b) => (a.programmeId === null ? 1 : b.programmeId === null ? -1 : a.name.localeCompare(b.name)));

  const horizon = addDays(today, horizonDays);
  const rows: MilestoneRow[] = [];
  for (const m of records.milestone) {
    const project = byId.get(m.projectId);
    if (project) rows.push({ milestone: m, project, slipDays: baseline ? milestoneSlipDays(m, baseline) : slipDays(m) });
  }
  const open = rows.filter((r) => !r.milestone.actualDate && r.milestone.forecastDate);
  const byForecast = (a: MilestoneRow, b: MilestoneRow) => a.milestone.forecastDate!.localeCompare(b.milestone.forecastDate!) || a.project.code.localeCompare(b.project.code);
  const dueSoon = open.filter((r) => r.milestone.forecastDate! >= today && r.milestone.forecastDate! <= horizon).sort(byForecast);
  const overdue = open.filter((r) => r.milestone.forecastDate! < today).sort(byForecast);
  const slipped = rows
    .filter((r) => (r.slipDays ?? 0) > 0)
    .sort((a, b) => b.slipDays! - a.slipDays! || a.project.code.localeCompare(b.project.code));

  const topRisks = records.raid
    .filter((r) => r.kind === 'risk' && r.status !== 'closed' && r.probability != null && r.impact != null)
    .map((risk) => ({ risk, exposure: risk.probability! * risk.impact!, project: (risk.projectId && byId.get(risk.projectId)) || null }))
    .sort((a, b) => b.exposure - a.exposure || a.risk.title.localeCompare(b.risk.title));

  return {
    projects: projects.length,
    byStage,
    rag,
    totals: totals(projects),
    programmes,
    dueSoon,
    overdue,
    slipped,
    topRisks,
    people: records.resource.length,
    roles: records.role.length,
    openRaid: records.raid.filter((r) => r.status !== 'closed').length,
  };
}
