// The dialogs behind the workbook menu: new, rename, delete, about, and the outcome of opening
// a file (refused with its reason, or the same workbook already here).
import { useEffect, useState } from 'react';
import { ConfirmDialog, Dialog, MessageDialog, PromptDialog } from '../components/Dialog';
import { useSettings, useStore, useWorkbookList } from '../state/use-app';
import { StorageStatus } from '../components/StorageStatus';
import type { OpenOutcome } from '../state/app-store';

export type DialogState = null | { kind: 'new' } | { kind: 'rename' } | { kind: 'delete'; id: string } | { kind: 'about' } | { kind: 'outcome'; outcome: OpenOutcome };

export function WorkbookDialogs({ dialog, onClose }: { dialog: DialogState; onClose: () => void }) {
  const store = useStore();
  const name = useSettings()?.name;
  const workbooks = useWorkbookList();
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'new':
      return (
        <PromptDialog
          title="New workbook"
          label="Name"
          initial="Untitled portfolio"
          confirm="Create"
          onClose={onClose}
          onSubmit={(name) => {
            onClose();
            void store.newWorkbook(name);
          }}
        />
      );
    case 'rename':
      return (
        <PromptDialog
          title="Rename workbook"
          label="Name"
          initial={name ?? ''}
          confirm="Rename"
          onClose={onClose}
          onSubmit={(name) => {
            onClose();
            void store.rename(name);
          }}
        />
      );
    case 'delete': {
      const wb = workbooks.find((w) => w.id === dialog.id);
      if (!wb) return null;
      return (
        <ConfirmDialog
          title="Delete workbook?"
          danger
          confirm="Delete workbook"
          onClose={onClose}
          onConfirm={() => {
            onClose();
            void store.deleteWorkbook(wb.id);
          }}
          message={
            <p>
              <strong>{wb.name}</strong> and its {wb.projectCount === 1 ? '1 project' : `${wb.projectCount} projects`}, with all its history, will be removed from this computer. This cannot be undone. Use <em>Save as file</em> first if you may need it.
            </p>
          }
        />
      );
    }
    case 'about':
      return <AboutDialog onClose={onClose} />;
    case 'outcome':
      return <OpenOutcomeDialog outcome={dialog.outcome} onClose={onClose} />;
  }
}

function OpenOutcomeDialog({ outcome, onClose }: { outcome: OpenOutcome; onClose: () => void }) {
  const store = useStore();
  useEffect(() => {
    if (outcome.kind === 'opened') {
      store.notify('info', `Opened ${outcome.name}`);
      onClose();
    } else if (outcome.kind === 'canceled') onClose();
  }, [outcome, store, onClose]);
  if (outcome.kind === 'refused') return <MessageDialog title="This file cannot be opened" message={outcome.reason} onClose={onClose} />;
  if (outcome.kind !== 'conflict') return null;
  return (
    <Dialog
      title="This workbook is already here"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            onClick={() => {
              onClose();
              void store.replaceWith(outcome.file, outcome.fileName);
            }}
          >
            Replace it
          </button>
          <button
            type="button"
            className="primary"
            autoFocus
            onClick={() => {
              onClose();
              void store.openAsCopy(outcome.file, outcome.fileName);
            }}
          >
            Open as a copy
          </button>
        </>
      }
    >
      <p>
        {outcome.fileName} holds the workbook <strong>{outcome.existing.name}</strong>, which is already open in this app. Open the file as a separate copy, or replace the workbook here with the file's version (its history here is removed).
      </p>
    </Dialog>
  );
}

function AboutDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const [info, setInfo] = useState<{ version: string; details: string } | null>(null);
  useEffect(() => {
    void store.platform.appVersion().then(setInfo);
  }, [store]);
  return (
    <Dialog
      title="About PMO Workbench"
      onClose={onClose}
      actions={
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      }
    >
      <p>An offline workbench for a project management office: your portfolio, its plans, people and risks, kept on this computer.</p>
      <dl className="facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{info?.version ?? '…'}</dd>
        <dt>Runs in</dt>
        <dd>{info?.details ?? '…'}</dd>
        <dt>Storage</dt>
        <dd>
          <StorageStatus />
        </dd>
      </dl>
    </Dialog>
  );
}
