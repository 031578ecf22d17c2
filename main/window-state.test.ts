// Window placement across display changes.
import { describe, expect, it } from 'vitest';
import { parseWindowState, placeWindow } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: -200, width: 2560, height: 1400 };
const small = { x: 0, y: 0, width: 900, height: 600 };

describe('parseWindowState', () => {
  it('reads a saved state and rejects junk', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 1200, height: 700, isMaximized: true })).toEqual({
      x: 10, y: 20, width: 1200, height: 700, isMaximized: true,
    });
    expect(parseWindowState({ x: 10, y: 20, width: 1200, height: 700 })?.isMaximized).toBe(false);
    expect(parseWindowState({ x: 'a', y: 20, width: 1200, height: 700 })).toBeUndefined();
    expect(parseWindowState({ x: 0, y: 0, width: -5, height: 700 })).toBeUndefined();
    expect(parseWindowState(null)).toBeUndefined();
  });
});

describe('placeWindow', () => {
  it('opens a first window at 1280x800 centred on the primary display', () => {
    expect(placeWindow(undefined, [laptop, monitorRight])).toEqual({
      x: 80, y: 38, width: 1280, height: 800, minWidth: 1000, minHeight: 640, isMaximized: false,
    });
  });

  it('restores a window that is fully on a connected display', () => {
    const saved = { x: 1600, y: 0, width: 1800, height: 1000, isMaximized: false };
    expect(placeWindow(saved, [laptop, monitorRight])).toMatchObject({ x: 1600, y: 0, width: 1800, height: 1000 });
  });

  it('centres a window on the primary display when its monitor is gone', () => {
    const saved = { x: 1600, y: 0, width: 1800, height: 1000, isMaximized: true };
    expect(placeWindow(saved, [laptop])).toMatchObject({ x: 80, y: 38, width: 1280, height: 800, isMaximized: true });
  });

  it('pulls a partly off-screen window fully onto its display', () => {
    const saved = { x: -300, y: 700, width: 1200, height: 700, isMaximized: false };
    expect(placeWindow(saved, [laptop])).toMatchObject({ x: 0, y: 175, width: 1200, height: 700 });
  });

  it('shrinks a window larger than its display, but not below the minimum', () => {
    const saved = { x: 0, y: 0, width: 3000, height: 2000, isMaximized: false };
    expect(placeWindow(saved, [laptop])).toMatchObject({ x: 0, y: 0, width: 1440, height: 875 });
    const tiny = { x: 10, y: 10, width: 300, height: 200, isMaximized: false };
    expect(placeWindow(tiny, [laptop])).toMatchObject({ width: 1000, height: 640 });
  });

  it('fits displays smaller than the minimum size', () => {
    expect(placeWindow(undefined, [small])).toEqual({
      x: 0, y: 0, width: 900, height: 600, minWidth: 900, minHeight: 600, isMaximized: false,
    });
  });

  it('picks the display the window overlaps most', () => {
    const saved = { x: 1000, y: 100, width: 1200, height: 700, isMaximized: false };
    // 440 px on the laptop, 760 px on the monitor: it belongs to the monitor.
    expect(placeWindow(saved, [laptop, monitorRight])).toMatchObject({ x: 1440, y: 100, width: 1200, height: 700 });
  });

  it('copes with no display information', () => {
    expect(placeWindow(undefined, [])).toMatchObject({ width: 1280, height: 800 });
  });
});
