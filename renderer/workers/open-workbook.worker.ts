// Checks a workbook file off the UI thread: decoding, JSON parsing and validating 200k records
// take seconds, and the window must stay responsive (with progress and Cancel) meanwhile.
import { decodeWorkbookBytes, parseWorkbookText, type OpenResult } from '../../shared/file/pmowb';

export type WorkerRequest = { name: string; bytes: Uint8Array };
export type WorkerMessage = { kind: 'progress'; stage: string; done: number; total: number } | { kind: 'result'; result: OpenResult };

const post = (m: WorkerMessage) => postMessage(m);

onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { name, bytes } = event.data;
  post({ kind: 'progress', stage: 'Reading', done: 0, total: 1 });
  const decoded = decodeWorkbookBytes(bytes, name);
  if (!decoded.ok) return post({ kind: 'result', result: { ok: false, reason: decoded.reason } });
  post({ kind: 'progress', stage: 'Checking', done: 0, total: 1 });
  const result = parseWorkbookText(decoded.text, name, { onProgress: (done, total) => post({ kind: 'progress', stage: 'Checking', done, total }) });
  post({ kind: 'result', result });
};
