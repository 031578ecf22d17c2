// Delivers main's menu commands to the renderer's listeners. Lives apart from the preload so
// it can be tested in Node; it must stay free of Node and zod because the sandboxed preload
// bundles it.
import { MENU_COMMANDS } from '../shared/ipc/channels';
import type { MenuCommand } from '../shared/ipc/contract';

/** A fresh, plain copy of a payload from main, or undefined when it is not a menu command. */
export function toMenuCommand(payload: unknown): MenuCommand | undefined {
  if (typeof payload !== 'object' || payload === null || !('command' in payload)) return undefined;
  const { command } = payload;
  const known = (MENU_COMMANDS as readonly unknown[]).includes(command);
  if (!known) return undefined;
  const path = 'path' in payload ? payload.path : undefined;
  if (path !== undefined && typeof path !== 'string') return undefined;
  return path === undefined
    ? { command: command as MenuCommand['command'] }
    : { command: command as MenuCommand['command'], path };
}

export type MenuCommandHub = {
  dispatch(payload: unknown): void;
  subscribe(listener: (command: MenuCommand) => void): () => void;
};

/**
 * A workbook the OS asks us to open at launch can arrive before React has subscribed, so
 * `open-recent` commands are held until the first listener arrives and then delivered on a
 * microtask (never re-entrantly inside subscribe). Other commands make no sense late and are
 * dropped while nobody listens.
 */
export function createMenuCommandHub(maxHeld = 5): MenuCommandHub {
  const listeners = new Set<(command: MenuCommand) => void>();
  const held: MenuCommand[] = [];
  const deliver = (listener: (command: MenuCommand) => void, command: MenuCommand) => {
    try {
      listener(command);
    } catch (error) {
      console.error('[menu] a menu command listener failed', error);
    }
  };
  return {
    dispatch(payload) {
      const command = toMenuCommand(payload);
      if (command === undefined) return;
      if (listeners.size > 0) {
        for (const listener of [...listeners]) deliver(listener, command);
      } else if (command.command === 'open-recent') {
        held.push(command);
        if (held.length > maxHeld) held.shift();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      const pending = held.splice(0);
      if (pending.length > 0) {
        queueMicrotask(() => {
          for (const command of pending) if (listeners.has(listener)) deliver(listener, command);
        });
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
