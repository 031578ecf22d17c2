// Remembered window size and position, clamped so the window always opens on a screen that
// is connected now (a laptop undocked from its second monitor must not open off-screen).
import { z } from 'zod';

export type Rect = { x: number; y: number; width: number; height: number };
export type Size = { width: number; height: number };

export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 800 };
export const MIN_WINDOW_SIZE: Size = { width: 1000, height: 640 };

const WindowStateSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
  isMaximized: z.boolean().catch(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export function parseWindowState(stored: unknown): WindowState | undefined {
  const parsed = WindowStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export type WindowPlacement = Rect & { minWidth: number; minHeight: number; isMaximized: boolean };

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/**
 * Where to open the window. `workAreas` are the displays' work areas (without task bar or
 * menu bar), the primary display first. A saved window goes back to the display it overlaps
 * most, shrunk to fit and moved fully on screen; one that is barely visible anywhere (less
 * than 100x50 px) is centred on the primary display instead.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  let area = primary;
  let wanted: Rect | undefined;
  if (saved !== undefined) {
    let best = 0;
    for (const candidate of workAreas) {
      const overlap = intersectionArea(saved, candidate);
      if (overlap > best) [best, area] = [overlap, candidate];
    }
    if (best >= Math.min(100 * 50, saved.width * saved.height)) wanted = saved;
    else area = primary;
  }

  const minWidth = Math.min(MIN_WINDOW_SIZE.width, area.width);
  const minHeight = Math.min(MIN_WINDOW_SIZE.height, area.height);
  const width = Math.round(clamp((wanted ?? DEFAULT_WINDOW_SIZE).width, minWidth, area.width));
  const height = Math.round(clamp((wanted ?? DEFAULT_WINDOW_SIZE).height, minHeight, area.height));
  const centredX = area.x + (area.width - width) / 2;
  const centredY = area.y + (area.height - height) / 2;
  const x = Math.round(clamp(wanted?.x ?? centredX, area.x, area.x + area.width - width));
  const y = Math.round(clamp(wanted?.y ?? centredY, area.y, area.y + area.height - height));
  return { x, y, width, height, minWidth, minHeight, isMaximized: saved?.isMaximized ?? false };
}
