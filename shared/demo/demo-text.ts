// Wording for the sample portfolio: status narratives built from each project's story and real numbers, and RAID templates.
import { MONEY_SCALE, type Money } from '../util/money';
import { diffDays, type IsoDate } from '../calendar';
import type { Level, ProjectKind, Story } from './demo-catalogue';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 14 Mar 2026, as a British status report writes it. */
export function formatDay(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]!} ${y}`;
}

/** £1.94m, £310k: the precision a status report quotes. */
export function formatPounds(minor: Money): string {
  const pounds = minor / MONEY_SCALE;
  if (Math.abs(pounds) >= 1_000_000) return `£${(pounds / 1_000_000).toFixed(2)}m`;
  if (Math.abs(pounds) >= 1_000) return `£${Math.round(pounds / 1_000)}k`;
  return `£${Math.round(pounds)}`;
}

export const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

const OPENINGS: Record<Level, readonly string[]> = {
  0: ['On track.', 'On track against plan and budget.', 'Good month; delivery is on plan.', 'Progressing to plan with no change to the forecast.'],
  1: ['Amber: recoverable, but it needs attention.', 'Amber.', 'Some pressure on the plan this month.', 'At risk but recoverable with the actions below.'],
  2: ['Red: the current plan cannot be met without intervention.', 'Red.', 'Off track; recovery actions are under way.'],
};

export interface NarrativeFacts {
  overall: Level;
  schedule: Level;
  cost: Level;
  scope: Level;
  resources: Level;
  /** Only the latest report quotes figures; older ones describe how it felt at the time. */
  latest: boolean;
  finish: IsoDate;
  baselineFinish: IsoDate | null;
  budget: Money | null;
  forecast: Money | null;
  next: { name: string; date: IsoDate } | null;
  /** Progress at the end of the reporting period. */
  percent: number | null;
}

export function statusNarrative(story: Story, f: NarrativeFacts, random: () => number): string {
  const parts = [pick(OPENINGS[f.overall], random)];
  if (f.overall > 0 && story.issue) parts.push(f.latest || !story.issueTitle ? story.issue : `Main concern: ${lowerFirst(story.issueTitle)}.`);
  if (f.schedule > 0) {
    if (f.latest && f.baselineFinish) {
      const slip = diffDays(f.baselineFinish, f.finish);
      parts.push(`Completion is now forecast for ${formatDay(f.finish)}, ${slip} days behind the baseline of ${formatDay(f.baselineFinish)}.`);
    } else {
      parts.push(pick(['The forecast dates are under review.', 'Float on the critical path is used up.', 'The next milestone is at risk.'], random));
    }
  } else if (f.next) {
    parts.push(`Next milestone: ${lowerFirst(f.next.name)}, forecast ${formatDay(f.next.date)}.`);
  }
  if (f.cost > 0 && f.budget && f.forecast) {
    if (f.latest) {
      const over = Math.round(((f.forecast - f.budget) / f.budget) * 100);
      parts.push(`Forecast at completion is ${formatPounds(f.forecast)} against a budget of ${formatPounds(f.budget)} (${over} % over)${story.costDriver ? `, driven by ${story.costDriver}` : ''}.`);
    } else {
      parts.push(pick(['Spend is running ahead of plan.', 'Cost pressure is building; contingency is being drawn.'], random));
    }
  }
  if (f.scope > 0 && f.overall > 0 && !story.issue) parts.push('Scope is being challenged by new requirements.');
  if (f.resources > 0 && !story.issue?.includes('analyst') && !story.issue?.includes('architect')) {
    parts.push(pick(['Named resources are stretched across several projects.', 'Key people are shared with other projects this period.'], random));
  }
  if (f.overall === 0 && story.watch) parts.push(`One to watch: ${lowerFirst(story.watch)}`);
  if (f.percent !== null) parts.push(`${f.percent} % complete.`);
  return parts.join(' ');
}

export function pausedNarrative(note: string, pausedOn: IsoDate, asOf: IsoDate, restartReview: IsoDate): string {
  const weeks = Math.floor(diffDays(pausedOn, asOf) / 7);
  return `On hold since ${formatDay(pausedOn)} (${weeks} weeks). ${note} No spend since the pause apart from licences; restart review on ${formatDay(restartReview)}.`;
}

/** Lower-cases a leading capital unless it starts an acronym ("HR data" stays as it is). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

export interface RaidTemplate {
  title: string;
  description: string;
  response: string;
  probability?: number;
  impact?: number;
  kinds: readonly ProjectKind[];
}

const ALL: readonly ProjectKind[] = ['software', 'infra', 'data', 'compliance', 'change'];

export const RISKS: readonly RaidTemplate[] = [
  {
    title: 'Loss of key supplier staff',
    description: 'The delivery partner may move its lead consultant to another client, taking product knowledge with them.',
    response: 'Named-resource clause invoked in the contract; knowledge-transfer sessions booked fortnightly.',
    probability: 3,
    impact: 4,
    kinds: ['software', 'infra', 'data'],
  },
  {
    title: 'Legacy data does not reconcile',
    description: 'Data from the legacy system may not reconcile with the new one, delaying cutover.',
    response: 'Reconciliation reports built into every rehearsal; data owners sign off each load.',
    probability: 4,
    impact: 4,
    kinds: ['software', 'data'],
  },
  {
    title: 'Low user adoption',
    description: 'Users may keep their workarounds and spreadsheets, so the benefits are not realised.',
    response: 'Champions in each team, adoption measured weekly for the first three months after go-live.',
    probability: 3,
    impact: 3,
    kinds: ['software', 'change', 'data'],
  },
  {
    title: 'Test environment not available',
    description: 'The shared test environment is booked by two other projects in the same weeks.',
    response: 'Environment booking agreed at the release board; a second environment costed as a fallback.',
    probability: 3,
    impact: 3,
    kinds: ['software', 'infra'],
  },
  {
    title: 'Regulatory interpretation changes',
    description: 'The regulator may issue guidance that changes what evidence is needed.',
    response: 'Monthly horizon scanning with Compliance; contingency held for re-work.',
    probability: 2,
    impact: 5,
    kinds: ['compliance'],
  },
  {
    title: 'Business experts unavailable in peak season',
    description: 'Subject-matter experts are needed for testing in the same weeks as the seasonal peak.',
    response: 'Testing moved before the peak where possible; backfill budget agreed with the business.',
    probability: 4,
    impact: 3,
    kinds: ['software', 'change', 'compliance'],
  },
  {
    title: 'Licence costs rise at renewal',
    description: 'The vendor has signalled a price rise of up to 12 % at the next renewal.',
    response: 'Procurement negotiating a three-year term now; usage reviewed to cut unused licences.',
    probability: 2,
    impact: 3,
    kinds: ['infra', 'software'],
  },
  {
    title: 'Security sign-off delayed',
    description: 'Security review and penetration testing may not finish before the planned go-live.',
    response: 'Security architect in design reviews from the start; test slot booked early.',
    probability: 3,
    impact: 4,
    kinds: ['infra', 'software', 'data'],
  },
  {
    title: 'Scope creep from stakeholder requests',
    description: 'New requests keep arriving from business units outside the agreed scope.',
    response: 'Change control through the project board; requests parked in the phase-2 backlog.',
    probability: 3,
    impact: 3,
    kinds: ALL,
  },
  {
    title: 'Hardware lead times',
    description: 'Lead times for network and end-user hardware may stretch beyond the 8 weeks planned.',
    response: 'Orders placed early against forecast; alternative models approved.',
    probability: 3,
    impact: 3,
    kinds: ['infra'],
  },
  {
    title: 'Integration more complex than estimated',
    description: 'Interfaces with legacy systems are poorly documented and may take longer to build.',
    response: 'Technical spike on the two riskiest interfaces before the build estimate is fixed.',
    probability: 3,
    impact: 4,
    kinds: ['software', 'data'],
  },
  {
    title: 'Benefits not tracked after closure',
    description: 'No one owns the benefit measures once the project team is released.',
    response: 'Benefit owners named in the business case; PMO reviews at 3 and 12 months.',
    probability: 3,
    impact: 2,
    kinds: ['change', 'software', 'compliance'],
  },
];

export const ISSUES: readonly RaidTemplate[] = [
  {
    title: 'Defect backlog above exit criteria',
    description: 'Open defects are above the agreed exit criteria for the test phase.',
    response: 'Daily defect triage with the supplier; exit criteria reviewed at the project board.',
    kinds: ['software', 'data'],
  },
  {
    title: 'Requirements sign-off overdue',
    description: 'Two business areas have not signed off their requirements, holding up the design.',
    response: 'Escalated to the sponsor; sign-off workshop booked.',
    kinds: ALL,
  },
  {
    title: 'Supplier invoice disputed',
    description: 'The partner invoiced for work not yet accepted.',
    response: 'Invoice on hold; acceptance criteria clarified in the statement of work.',
    kinds: ['software', 'infra', 'data'],
  },
];

export const ASSUMPTIONS: readonly RaidTemplate[] = [
  { title: 'Business releases users for testing', description: 'The business will release ten users for two weeks of acceptance testing.', response: 'Confirmed with the business unit leads at the planning workshop.', kinds: ALL },
  { title: 'Existing licences cover the pilot', description: 'The current enterprise agreement covers the pilot users at no extra cost.', response: 'To be confirmed by Procurement before the pilot.', kinds: ['software', 'infra', 'data'] },
  { title: 'No change to the regulatory deadline', description: 'The external deadline will not move.', response: 'Checked monthly with Compliance.', kinds: ['compliance'] },
  { title: 'Finance provides month-end extracts', description: 'Finance will provide month-end data extracts by working day 2.', response: 'Agreed with the financial controller.', kinds: ['data', 'change'] },
  { title: 'Partner keeps its sprint velocity', description: 'The delivery partner sustains the velocity of the first three sprints.', response: 'Velocity reviewed at each sprint review; the plan is re-forecast if it drops 15 %.', kinds: ['software'] },
  { title: 'Sites grant access for installation', description: 'Depots and branches give engineers access at two weeks’ notice.', response: 'Site contacts named; installation calendar shared with operations.', kinds: ['infra'] },
  { title: 'Source systems stay stable during the build', description: 'No major release of the source systems during the build.', response: 'Release calendars checked at the design authority.', kinds: ['data'] },
  { title: 'Policy owners available for sign-off', description: 'Policy owners can review and sign off changes within ten working days.', response: 'Sign-off dates agreed in the plan with each owner.', kinds: ['compliance', 'change'] },
];
