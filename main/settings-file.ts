// Small JSON settings files in the user-data folder (recent files, window state). A missing
// or corrupt file reads as undefined so a bad file never stops the app from starting.
import fs from 'node:fs';
import { atomicWriteSync } from './atomic-write';

export function readJsonFileSync(filePath: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(filePath, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes synchronously: these files are tiny and are also written while the app quits. */
export function writeJsonFileSync(filePath: string, value: unknown): void {
  atomicWriteSync(filePath, `${JSON.stringify(value, null, 2)}\n`);
}
