// The app frame's hook into spreadsheet exchange: menu actions, a picked or dropped spreadsheet
// starting the import wizard, and the dialogs to render.
import { useCallback, useState, type ReactNode } from 'react';
import { useStore } from '../../state/use-app';
import { ImportFlow } from './import-flow';
import { ImportWizard } from './ImportWizard';
import { ExportDialog, type ExportChoice } from './ExportDialogs';
import type { ExchangeAction } from './ExchangeMenu';

/** Extensions the import wizard reads. */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods', '.fods', '.csv', '.tsv', '.txt'];

export function isSpreadsheetName(name: string): boolean {
  const lower = name.toLowerCase();
  return SPREADSHEET_EXTENSIONS.some((e) => lower.endsWith(e));
}

export function useExchange(): { act: (a: ExchangeAction) => void; importFile: (name: string, bytes: Uint8Array) => void; ui: ReactNode; open: boolean } {
  const store = useStore();
  const [flow, setFlow] = useState<ImportFlow | null>(null);
  const [exporting, setExporting] = useState<ExportChoice | null>(null);

  const importFile = useCallback(
    (name: string, bytes: Uint8Array) => {
      if (!store.getSnapshot().current) {
        store.notify('error', 'Open or create a workbook first: a spreadsheet is imported into the open workbook.');
        return;
      }
      const f = new ImportFlow(store, name, bytes, () => setFlow((cur) => (cur === f ? null : cur)));
      setFlow(f);
      void f.start();
    },
    [store],
  );

  const pick = useCallback(() => {
    store.platform.openSpreadsheetFile().then(
      (file) => {
        if (file) importFile(file.name, file.bytes);
      },
      (e: Error) => store.notify('error', e.message),
    );
  }, [store, importFile]);

  const act = useCallback(
    (a: ExchangeAction) => {
      if (!store.getSnapshot().current) return;
      if (a === 'import') pick();
      else setExporting(a === 'export-xlsx' ? 'xlsx' : 'csv');
    },
    [store, pick],
  );

  const ui = (
    <>
      {flow && <ImportWizard key={flow.id} flow={flow} onPickAnother={pick} />}
      {exporting && <ExportDialog kind={exporting} onClose={() => setExporting(null)} />}
    </>
  );
  return { act, importFile, ui, open: flow !== null || exporting !== null };
}
