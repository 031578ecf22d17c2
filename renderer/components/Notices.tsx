// Messages after an action ("Saved a copy as …", a storage error) and prompts with one action
// ("A new version of PMO Workbench is ready." Reload), announced to screen readers.
import { useEffect } from 'react';
import { useAppSelector, useStore } from '../state/use-app';
import type { AppSnapshot } from '../state/app-store';

const selectNotices = (s: AppSnapshot) => s.notices;

export function Notices() {
  const notices = useAppSelector(selectNotices);
  const store = useStore();
  useEffect(() => {
    const timers = notices.filter((n) => n.kind === 'info').map((n) => setTimeout(() => store.dismiss(n.id), 6000));
    return () => timers.forEach(clearTimeout);
  }, [notices, store]);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="pre-line">{n.text}</span>
          {n.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                const { run } = n.action!;
                store.dismiss(n.id);
                void run();
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" className="icon" aria-label="Dismiss message" onClick={() => store.dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
