// A read-only window into the roadmap for end-to-end tests and benchmarks, installed only when
// the browser is driven by automation (navigator.webdriver): bar positions to drag, what is
// drawn, and frame times. Users' browsers never get it.
import type { RoadmapController } from './controller';

export interface RoadmapTestHook {
  /** A project's bar in page coordinates, or null when it is not on screen. */
  barRect(projectId: string): { x: number; y: number; width: number; height: number } | null;
  /** Scrolls a project's row into view with its bar on screen. */
  reveal(projectId: string): void;
  /** Pixels per day at the current zoom. */
  pxPerDay(): number;
  /** Projects whose rows the last frame drew. */
  visibleProjects(): string[];
  /** Projects drawn with the critical-path outline in the last frame. */
  criticalBars(): string[];
  /** What the last frame drew. */
  drawn(): { firstRow: number; lastRow: number; rows: number; bars: number; milestones: number; arrows: number; hiddenArrows: number; shapes: number };
  frames(): number;
  drawTimes(): number[];
  paintTimes(): number[];
}

declare global {
  interface Window {
    __pmoRoadmap?: RoadmapTestHook;
  }
}

export function installTestHook(c: RoadmapController): () => void {
  if (typeof navigator === 'undefined' || !navigator.webdriver) return () => {};
  const hook: RoadmapTestHook = {
    barRect: (id) => c.barRect(id),
    reveal: (id) => {
      c.reveal(id);
      c.draw();
    },
    pxPerDay: () => c.getViewport().pxPerDay,
    visibleProjects: () => (c.currentFrame?.labels ?? []).map((l) => l.row.project.id),
    criticalBars: () => (c.currentFrame?.bars ?? []).filter((b) => b.critical).map((b) => b.projectId),
    drawn: () => {
      const f = c.currentFrame;
      return {
        firstRow: f?.first ?? 0,
        lastRow: f?.last ?? -1,
        rows: c.rowCount,
        bars: f?.bars.length ?? 0,
        milestones: f?.milestones.length ?? 0,
        arrows: f?.arrows.length ?? 0,
        hiddenArrows: f?.hiddenArrows ?? 0,
        shapes: c.lastShapes,
      };
    },
    frames: () => c.frames,
    drawTimes: () => [...c.drawTimes],
    paintTimes: () => [...c.paintTimes],
  };
  window.__pmoRoadmap = hook;
  return () => {
    if (window.__pmoRoadmap === hook) delete window.__pmoRoadmap;
  };
}
