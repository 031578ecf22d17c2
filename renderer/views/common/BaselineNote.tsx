// A short note beside a register's title saying what its Slip column is measured against, when
// that is not the records' own baseline fields (Settings → Baselines).
import { baselineLabel, slipDescription, takenOn, type BaselineChoice } from '../../../shared/baselines/baselines';
import './baseline-note.css';

export function BaselineNote({ choice }: { choice: BaselineChoice }) {
  if (choice.kind === 'own') return null;
  if (choice.kind === 'missing') {
    return (
      <span className="baseline-note missing" data-testid="baseline-note" title={slipDescription(choice, 'project')}>
        Compared baseline no longer exists: slip is against the own baseline fields
      </span>
    );
  }
  return (
    <span className="baseline-note" data-testid="baseline-note" title={`Saved ${takenOn(choice.baseline)}. Choose the baseline in Settings → Baselines.`}>
      Slip vs {baselineLabel(choice)}
    </span>
  );
}
