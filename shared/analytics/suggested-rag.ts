// The RAG a project's figures suggest under the workbook's RAG rules (Settings → RAG rules),
// shown beside the RAG the user sets by hand, which is never changed by it (DOMAIN.md: "RAG from
// rules when the user asks for it, always overridable by hand with the override visible").
//
// - Schedule: finish slip in working days (shared/schedule/slip.ts: planned finish − baseline
//   finish, weekends and the workbook's holidays excluded), against the baseline chosen in
//   Settings → Baselines. Red when it exceeds slipRedDays, amber when it exceeds slipAmberDays.
// - Cost: how far the forecast at completion is over budget, as a % of the budget (the cost
//   variance of project-metrics.ts, budget − forecast, turned round and divided by the budget).
//   Red when it exceeds costRedPct, amber when it exceeds costAmberPct. "Exceeds" is strict, as
//   the Settings labels say: 10 working days late with amber at 10 is still green.
// - The worse of the two wins; a project with neither figure (no baseline finish, no budget and
//   forecast) has no suggestion. Archived projects are left to the caller.
import type { Project, Rag as RagOrNone, Settings } from '../model/schemas';
import { holidayIndexOf, type HolidayIndex, type HolidayList } from '../calendar';
import { projectSlip, type BaselineLookup } from '../schedule/slip';
import { costVariance } from './project-metrics';

export type RagRules = Settings['ragRules'];
export type Rag = NonNullable<RagOrNone>;

export const RAG_WORDS: Record<Rag, string> = { R: 'Red', A: 'Amber', G: 'Green' };

export interface RagFinding {
  rag: Rag;
  /** "finish 34 working days late (rule: red above 30)". */
  text: string;
}

export interface SuggestedRag {
  rag: Rag;
  /** What each rule found, worst first. */
  findings: RagFinding[];
  /** "Red: finish 34 working days late (rule: red above 30)"; the findings joined, worst first. */
  reason: string;
}

const rank: Record<Rag, number> = { G: 0, A: 1, R: 2 };

/** Level of a figure against amber and red thresholds ("exceeds": strictly above). */
function level(value: number, amber: number, red: number): Rag {
  return value > red ? 'R' : value > amber ? 'A' : 'G';
}

const days = (n: number) => `${n} working ${Math.abs(n) === 1 ? 'day' : 'days'}`;
const pct = (n: number) => `${Math.round(n * 10) / 10} %`;

function ruleText(rag: Rag, amber: string, red: string): string {
  return rag === 'R' ? `rule: red above ${red}` : rag === 'A' ? `rule: amber above ${amber}, red above ${red}` : `rules: amber above ${amber}`;
}

// Holiday lists are replaced, never edited: their index is built once per list.
const holidayIndexes = new WeakMap<HolidayList, HolidayIndex>();
function indexOf(holidays: HolidayList): HolidayIndex {
  let ix = holidayIndexes.get(holidays);
  if (!ix) holidayIndexes.set(holidays, (ix = holidayIndexOf(holidays)));
  return ix;
}

/**
 * The suggestion for one project, or null when no rule has a figure to read. `baseline`: where
 * the baseline finish comes from (lookupFor(settings, …)); without it, the project's own field.
 */
export function suggestRag(
  project: Pick<Project, 'id' | 'finish' | 'baselineFinish' | 'budget' | 'forecastCost'>,
  settings: Pick<Settings, 'ragRules' | 'holidays'>,
  baseline?: BaselineLookup,
): SuggestedRag | null {
  const rules = settings.ragRules;
  const findings: RagFinding[] = [];
  const slip = projectSlip(project, indexOf(settings.holidays), baseline);
  if (slip) {
    const n = slip.workingDays;
    const rag = level(n, rules.slipAmberDays, rules.slipRedDays);
    const what = n > 0 ? `finish ${days(n)} late` : n < 0 ? `finish ${days(-n)} early` : 'finish on its baseline';
    findings.push({ rag, text: `${what} (${ruleText(rag, String(rules.slipAmberDays), String(rules.slipRedDays))})` });
  }
  const variance = costVariance(project);
  if (variance !== null && project.budget != null && project.budget > 0) {
    const over = (-variance / project.budget) * 100;
    const rag = level(over, rules.costAmberPct, rules.costRedPct);
    const what = over > 0 ? `forecast ${pct(over)} over budget` : over < 0 ? `forecast ${pct(-over)} under budget` : 'forecast on budget';
    findings.push({ rag, text: `${what} (${ruleText(rag, pct(rules.costAmberPct), pct(rules.costRedPct))})` });
  }
  if (!findings.length) return null;
  findings.sort((a, b) => rank[b.rag] - rank[a.rag]);
  const rag = findings[0]!.rag;
  return { rag, findings, reason: `${RAG_WORDS[rag]}: ${findings.map((f) => f.text).join('; ')}` };
}

export interface SuggestedRagSummary {
  /** Projects by suggested RAG; `none`: no rule had a figure. */
  counts: Record<Rag | 'none', number>;
  /** Projects whose RAG set by hand differs from the suggestion (both present). */
  differ: number;
  /** Projects with a suggestion but no RAG set by hand. */
  unset: number;
}

/** Counts over the projects given (the caller leaves out archived ones). */
export function summariseSuggestedRag(projects: readonly Project[], settings: Pick<Settings, 'ragRules' | 'holidays'>, baseline?: BaselineLookup): SuggestedRagSummary {
  const out: SuggestedRagSummary = { counts: { R: 0, A: 0, G: 0, none: 0 }, differ: 0, unset: 0 };
  for (const p of projects) {
    const s = suggestRag(p, settings, baseline);
    out.counts[s ? s.rag : 'none']++;
    if (!s) continue;
    const mine = p.rag.overall;
    if (mine == null) out.unset++;
    else if (mine !== s.rag) out.differ++;
  }
  return out;
}
