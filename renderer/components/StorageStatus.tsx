// Whether the browser keeps this app's data under storage pressure (navigator.storage.persist(),
// asked once a workbook exists), worded once for the About dialog and Settings.
import { useAppSelector } from '../state/use-app';
import type { AppSnapshot } from '../state/app-store';

const selectPersistent = (s: AppSnapshot) => s.persistent;

/** The state in a few words, and the rest of the sentence (its own punctuation included). */
export function storageDescription(persistent: boolean | null): { label: string; rest: string } {
  if (persistent === null) return { label: 'Not asked yet', rest: ': the app asks the browser to keep its data once a workbook is open' };
  return persistent ? { label: 'Persistent', rest: ': the browser will not clear it to save space' } : { label: 'May be cleared by the browser', rest: ' when disk space runs low; save copies as files' };
}

/** "Persistent: the browser will not clear it to save space", for the About dialog. */
export function StorageStatus() {
  const { label, rest } = storageDescription(useAppSelector(selectPersistent));
  return <>{label + rest}</>;
}

/** The Settings page's Storage section. */
export function StoragePanel() {
  const { label, rest } = storageDescription(useAppSelector(selectPersistent));
  return (
    <section className="settings" aria-labelledby="storage-title">
      <fieldset className="panel">
        <legend id="storage-title">Storage</legend>
        <p data-testid="storage-status">
          Storage: <strong>{label}</strong>
          {rest}.
        </p>
        <p className="muted small">Workbooks are kept on this computer in the app's local database (IndexedDB). Save a copy as a file to keep one elsewhere.</p>
      </fieldset>
    </section>
  );
}
