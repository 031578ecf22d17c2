// Runs the workbook-file check in a Web Worker, with progress and cancellation.
import type { OpenResult } from '../../shared/file/pmowb';
import type { WorkerMessage } from './open-workbook.worker';

export function checkWorkbookFile(name: string, bytes: Uint8Array, onProgress: (stage: string, fraction: number) => void, signal: AbortSignal): Promise<OpenResult | 'canceled'> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./open-workbook.worker.ts', import.meta.url), { type: 'module', name: 'open-workbook' });
    const finish = (r: OpenResult | 'canceled') => {
      worker.terminate();
      signal.removeEventListener('abort', abort);
      resolve(r);
    };
    const abort = () => finish('canceled');
    signal.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (e.data.kind === 'progress') onProgress(e.data.stage, e.data.total ? e.data.done / e.data.total : 0);
      else finish(e.data.result);
    };
    worker.onerror = (e) => finish({ ok: false, reason: `${name} could not be read: ${e.message || 'the file checker stopped'}.` });
    // The bytes are transferred, not copied: a large file is not held twice.
    worker.postMessage({ name, bytes }, [bytes.buffer]);
  });
}
