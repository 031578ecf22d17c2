// The projects behind one heat map cell: hours per project from the model's contributions, which
// add up to the cell's demand; each project opens its detail panel.
import type { CapacityModel, Contribution, Grain, TentativeMode } from '../../../shared/capacity';
import { pctText } from './draw';
import type { CapacityFigure } from './labels';

export interface ProjectRef {
  code: string;
  name: string;
}

export interface CellRef {
  key: string;
  label: string;
  kind: 'person' | 'role' | 'team';
  period: number;
  periodLabel: string;
  dates: string;
  capacity: number;
  demand: number;
  apart: number;
}

interface Line {
  projectId: string;
  hours: number;
  allocations: number;
  tentative: boolean;
}

export function byProject(list: readonly Contribution[]): Line[] {
  const map = new Map<string, Line>();
  for (const c of list) {
    const k = `${c.projectId}|${c.tentative ? 't' : 'f'}`;
    const l = map.get(k);
    if (l) {
      l.hours += c.hours;
      l.allocations++;
    } else map.set(k, { projectId: c.projectId, hours: c.hours, allocations: 1, tentative: c.tentative });
  }
  return [...map.values()].sort((a, b) => b.hours - a.hours || a.projectId.localeCompare(b.projectId));
}

/** Contributions for a cell in a display mode ('apart' shows firm demand, tentative listed after). */
export function cellContributions(model: CapacityModel, cell: { key: string; period: number }, grain: Grain, mode: TentativeMode | 'apart'): { firm: Line[]; tentative: Line[] } {
  if (mode === 'apart') return { firm: byProject(model.contributions(cell.key, grain, cell.period, 'exclude')), tentative: byProject(model.contributions(cell.key, grain, cell.period, 'only')) };
  return { firm: byProject(model.contributions(cell.key, grain, cell.period, mode)), tentative: [] };
}

export function DrillDown(props: {
  cell: CellRef;
  model: CapacityModel;
  grain: Grain;
  mode: TentativeMode | 'apart';
  projects: ReadonlyMap<string, ProjectRef>;
  onOpenProject: (id: string) => void;
  onEditDemand?: (projectId: string) => void;
  onClose: () => void;
  /** Capacity figures in the workbook's unit (hours or FTE). */
  figure: CapacityFigure;
}) {
  const { cell, model, grain, mode } = props;
  const fig = (h: number) => props.figure(h, cell.period);
  const { firm, tentative } = cellContributions(model, cell, grain, mode);
  const total = firm.reduce((s, l) => s + l.hours, 0);
  const over = cell.demand - cell.capacity;
  const row = (l: Line) => {
    const p = props.projects.get(l.projectId);
    return (
      <li key={`${l.projectId}|${l.tentative}`} className="cap-line" data-project-id={l.projectId} data-hours={l.hours}>
        <button type="button" className="link cap-project" onClick={() => props.onOpenProject(l.projectId)} title="Open the project's details">
          {p ? (
            <>
              <span className="cap-code">{p.code}</span> {p.name}
            </>
          ) : (
            'Unknown project'
          )}
        </button>
        {l.tentative && <span className="cap-tag">tentative</span>}
        {l.allocations > 1 && <span className="muted small">{l.allocations} bookings</span>}
        <span className="cap-hours">{fig(l.hours)}</span>
        {props.onEditDemand && (
          <button type="button" className="ghost small cap-edit-demand" aria-label={`Edit demand of ${p?.code ?? 'the project'}`} title="Edit this project's demand by week" onClick={() => props.onEditDemand!(l.projectId)}>
            Edit
          </button>
        )}
      </li>
    );
  };
  return (
    <aside className="cap-panel" aria-label="Cell details" data-testid="capacity-drilldown" data-key={cell.key} data-period={cell.period} data-demand={cell.demand}>
      <div className="cap-panel-head">
        <h2>
          {cell.label}
          <span className="muted cap-sub">
            {cell.periodLabel} · {cell.dates}
          </span>
        </h2>
        <button type="button" className="icon" aria-label="Close the cell details" title="Back to the over-allocation list" onClick={props.onClose}>
          ×
        </button>
      </div>
      <dl className="cap-facts">
        <div>
          <dt>Demand</dt>
          <dd data-testid="cell-demand">{fig(cell.demand)}</dd>
        </div>
        <div>
          <dt>Capacity</dt>
          <dd>{fig(cell.capacity)}</dd>
        </div>
        <div>
          <dt>Utilisation</dt>
          <dd className={over > 1e-9 ? 'bad-text' : undefined}>{pctText(cell.capacity, cell.demand) || '–'}</dd>
        </div>
        {over > 1e-9 && (
          <div>
            <dt>Over by</dt>
            <dd className="bad-text">{fig(over)}</dd>
          </div>
        )}
      </dl>
      {firm.length === 0 && tentative.length === 0 ? (
        <p className="muted small">{cell.capacity > 0 ? 'Nothing is booked in this period.' : 'No capacity and no demand in this period.'}</p>
      ) : (
        <>
          <h3 className="cap-h3">{mode === 'apart' ? 'Firm demand by project' : mode === 'only' ? 'Tentative demand by project' : 'Demand by project'}</h3>
          <ul className="cap-lines" aria-label="Projects in this cell">
            {firm.map(row)}
          </ul>
          <div className="cap-total" data-testid="cell-total" data-hours={total}>
            <span>Total</span>
            <span className="cap-hours">{fig(total)}</span>
          </div>
          {tentative.length > 0 && (
            <>
              <h3 className="cap-h3">Tentative, not counted above</h3>
              <ul className="cap-lines" aria-label="Tentative projects in this cell">
                {tentative.map(row)}
              </ul>
              <div className="cap-total">
                <span>Tentative total</span>
                <span className="cap-hours">{fig(cell.apart)}</span>
              </div>
            </>
          )}
        </>
      )}
      {cell.kind !== 'person' && <p className="muted small">{cell.kind === 'role' ? 'A role counts its people and the demand for the role not yet named.' : 'A team counts its people.'}</p>}
    </aside>
  );
}
