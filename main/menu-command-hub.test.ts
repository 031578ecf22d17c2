// Menu commands reach listeners; an OS open that arrives before React subscribes is kept.
import { describe, expect, it, vi } from 'vitest';
import { createMenuCommandHub, toMenuCommand } from './menu-command-hub';

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('toMenuCommand', () => {
  it('copies known commands and their path', () => {
    const payload = { command: 'open-recent', path: '/a/Q3.pmowb', extra: 'dropped' };
    const command = toMenuCommand(payload);
    expect(command).toEqual({ command: 'open-recent', path: '/a/Q3.pmowb' });
    expect(command).not.toBe(payload);
    expect(toMenuCommand({ command: 'undo' })).toEqual({ command: 'undo' });
  });

  it('rejects anything else', () => {
    for (const bad of [null, 'undo', {}, { command: 'rm -rf' }, { command: 'open-recent', path: 3 }]) {
      expect(toMenuCommand(bad)).toBeUndefined();
    }
  });
});

describe('createMenuCommandHub', () => {
  it('delivers commands to every listener until it unsubscribes', () => {
    const hub = createMenuCommandHub();
    const a = vi.fn();
    const b = vi.fn();
    const offA = hub.subscribe(a);
    hub.subscribe(b);
    hub.dispatch({ command: 'undo' });
    offA();
    hub.dispatch({ command: 'redo' });
    expect(a.mock.calls).toEqual([[{ command: 'undo' }]]);
    expect(b.mock.calls).toEqual([[{ command: 'undo' }], [{ command: 'redo' }]]);
  });

  it('holds an OS open until the first listener, and drops other early commands', async () => {
    const hub = createMenuCommandHub();
    hub.dispatch({ command: 'undo' });
    hub.dispatch({ command: 'open-recent', path: '/a/Q3.pmowb' });
    const listener = vi.fn();
    hub.subscribe(listener);
    expect(listener).not.toHaveBeenCalled();
    await flush();
    expect(listener.mock.calls).toEqual([[{ command: 'open-recent', path: '/a/Q3.pmowb' }]]);
    const late = vi.fn();
    hub.subscribe(late);
    await flush();
    expect(late).not.toHaveBeenCalled();
  });

  it('does not deliver held commands to a listener that left before the microtask', async () => {
    const hub = createMenuCommandHub();
    hub.dispatch({ command: 'open-recent', path: '/a/Q3.pmowb' });
    const listener = vi.fn();
    hub.subscribe(listener)();
    await flush();
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps delivering when one listener throws, and ignores junk', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const hub = createMenuCommandHub();
    const good = vi.fn();
    hub.subscribe(() => {
      throw new Error('listener bug');
    });
    hub.subscribe(good);
    hub.dispatch({ command: 'about' });
    hub.dispatch({ command: 'nope' });
    expect(good.mock.calls).toEqual([[{ command: 'about' }]]);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
