// First launch, or no workbook left: the ways to start, with the sample one click away.
import type { WorkbookAction } from '../app/WorkbookMenu';

export function WelcomeView({ onAction }: { onAction: (a: WorkbookAction) => void }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to PMO Workbench</h1>
      <p className="lead">Keep your portfolio of projects, programmes, people and risks on this computer, and work on it offline.</p>
      <div className="welcome-cards">
        <button type="button" className="card-button primary-card" onClick={() => onAction({ kind: 'demo' })}>
          <strong>Open the sample portfolio</strong>
          <span>40 projects in 5 programmes, 25 people, milestones, risks and three months of status reports, to explore.</span>
        </button>
        <button type="button" className="card-button" onClick={() => onAction({ kind: 'new' })}>
          <strong>Start an empty workbook</strong>
          <span>Name it and begin with your own portfolio.</span>
        </button>
        <button type="button" className="card-button" onClick={() => onAction({ kind: 'open' })}>
          <strong>Open a workbook file…</strong>
          <span>A .pmowb file saved by PMO Workbench, from you or a colleague.</span>
        </button>
      </div>
    </section>
  );
}
