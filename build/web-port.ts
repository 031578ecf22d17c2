// The port `npm run web` serves on (build/web.ts) and what it says when that port is taken;
// tested in Node (build/web-port.test.ts). vite.web.config.ts reads the same variable.
import { createServer } from 'node:net';

export const WEB_HOST = '127.0.0.1';
export const DEFAULT_WEB_PORT = 5173;

/** PMO_WEB_PORT, or 5173; a value that is not a port is refused with the reason. */
export function webPort(env: Record<string, string | undefined>): { port: number } | { problem: string } {
  const raw = env['PMO_WEB_PORT']?.trim();
  if (!raw) return { port: DEFAULT_WEB_PORT };
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) return { problem: `PMO_WEB_PORT must be a port number from 1 to 65535, not "${raw}".` };
  return { port };
}

/** One sentence naming the port and how to choose another. */
export function portInUseMessage(port: number): string {
  const other = port < 65535 ? port + 1 : 5174;
  return `Port ${port} on ${WEB_HOST} is already in use (another \`npm run web\`?); choose another with \`PMO_WEB_PORT=${other} npm run web\`.`;
}

/** Whether an error from listening (Node's EADDRINUSE, or Vite's strictPort error) means the port is taken. */
export function isPortInUse(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as { code?: unknown }).code === 'EADDRINUSE') return true;
  return /Port \d+ is already in use/.test(String((error as { message?: unknown }).message));
}

/** Whether the port can be listened on now: checked before the build, so a taken port fails in a second, not after it. */
export function portIsFree(port: number, host = WEB_HOST): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e) => (isPortInUse(e) ? resolve(false) : reject(e)));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
