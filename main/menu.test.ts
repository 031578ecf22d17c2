// The menu template per platform: what is there, what it sends, and what only developers get.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentFile } from '../shared/ipc/contract';
import { buildMenuTemplate, recentMenuLabels } from './menu';
import type { MenuOptions } from './menu';

type Item = MenuItemConstructorOptions;

const recent: RecentFile[] = [
  { path: '/home/ana/Plans/Q3.pmowb', name: 'Q3.pmowb', openedAt: '2026-03-02T09:00:00.000Z' },
  { path: '/home/ana/R&D.pmowb', name: 'R&D.pmowb', openedAt: '2026-03-01T09:00:00.000Z' },
];

function build(overrides: Partial<MenuOptions> = {}) {
  const actions = { send: vi.fn(), clearRecent: vi.fn() };
  const template = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'PMO Workbench', recent, ...overrides }, actions);
  return { template, actions };
}

function submenuOf(item: Item | undefined): Item[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no submenu on ${item?.label ?? item?.role}`);
  return submenu;
}

function find(items: Item[], label: string): Item {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

// Menu click handlers receive Electron objects we do not have here; the template ignores them.
const click = (item: Item) => (item.click as () => void)();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help with mnemonics on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(build({ platform }).template.map((i) => i.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    }
  });

  it('has the app menu and the Window menu on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((i) => i.label ?? i.role)).toEqual(['PMO Workbench', 'File', 'Edit', 'View', 'windowMenu']);
    const appMenu = submenuOf(template[0]);
    expect(appMenu[0]?.label).toBe('About PMO Workbench');
    expect(appMenu.at(-1)?.role).toBe('quit');
    expect(submenuOf(template[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(submenuOf(template[1]).some((i) => i.role === 'close')).toBe(true);
  });

  it('sends file commands to the renderer', () => {
    const { template, actions } = build();
    const file = submenuOf(template[0]);
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'New Workbook', 'Open…', 'Open Recent', 'separator', 'Save As…', 'separator', 'Import from Spreadsheet…', 'Export to Excel…', 'Export CSV…', 'separator', 'quit',
    ]);
    expect(find(file, 'New Workbook').accelerator).toBe('CmdOrCtrl+N');
    expect(find(file, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    click(find(file, 'New Workbook'));
    click(find(file, 'Open…'));
    click(find(file, 'Save As…'));
    click(find(file, 'Import from Spreadsheet…'));
    click(find(file, 'Export to Excel…'));
    click(find(file, 'Export CSV…'));
    expect(find(file, 'Import from Spreadsheet…').accelerator).toBe('CmdOrCtrl+I');
    expect(actions.send.mock.calls.map((c) => c[0])).toEqual([
      { command: 'new-workbook' }, { command: 'open' }, { command: 'save-as' }, { command: 'import-spreadsheet' }, { command: 'export-xlsx' }, { command: 'export-csv' },
    ]);
  });

  it('lists recent workbooks, opens one by path and clears the list', () => {
    const { template, actions } = build();
    const submenu = submenuOf(find(submenuOf(template[0]), 'Open Recent'));
    expect(submenu.map((i) => i.label ?? i.type)).toEqual(['Q3.pmowb', 'R&&D.pmowb', 'separator', 'Clear Recently Opened']);
    click(submenu[0] as Item);
    expect(actions.send).toHaveBeenCalledWith({ command: 'open-recent', path: '/home/ana/Plans/Q3.pmowb' });
    click(find(submenu, 'Clear Recently Opened'));
    expect(actions.clearRecent).toHaveBeenCalledTimes(1);
  });

  it('shows a disabled placeholder when nothing was opened yet', () => {
    const { template } = build({ recent: [] });
    const submenu = submenuOf(find(submenuOf(template[0]), 'Open Recent'));
    expect(submenu.map((i) => [i.label ?? i.type, i.enabled])).toEqual([
      ['No Recent Workbooks', false], ['separator', undefined], ['Clear Recently Opened', false],
    ]);
  });

  it('sends undo and redo to the renderer instead of using roles', () => {
    const { template, actions } = build({ platform: 'darwin' });
    const edit = submenuOf(template[2]);
    const undo = find(edit, 'Undo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(undo.role).toBeUndefined();
    expect(edit.filter((i) => i.label === 'Redo').map((i) => i.accelerator)).toEqual(['Shift+CmdOrCtrl+Z']);
    click(undo);
    click(find(edit, 'Redo'));
    expect(actions.send.mock.calls.map((c) => c[0])).toEqual([{ command: 'undo' }, { command: 'redo' }]);
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers both Ctrl+Y and Shift+Ctrl+Z for redo on Windows', () => {
    const edit = submenuOf(build({ platform: 'win32' }).template[1]);
    const redos = edit.filter((i) => i.label === 'Redo');
    expect(redos.map((i) => [i.accelerator, i.visible ?? true])).toEqual([['Ctrl+Y', true], ['Shift+Ctrl+Z', false]]);
  });

  it('gives reload and developer tools to developers only', () => {
    const roles = (isDev: boolean) => submenuOf(build({ isDev }).template[2]).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('sends about from the Help menu', () => {
    const { template, actions } = build({ platform: 'win32' });
    click(find(submenuOf(template[3]), 'About PMO Workbench'));
    expect(actions.send).toHaveBeenCalledWith({ command: 'about' });
  });
});

describe('recentMenuLabels', () => {
  it('adds the folder when two recent files share a name', () => {
    const twins: RecentFile[] = [
      { path: '/a/2025/Plan.pmowb', name: 'Plan.pmowb', openedAt: '' },
      { path: '/a/2026/Plan.pmowb', name: 'Plan.pmowb', openedAt: '' },
      { path: '/a/Other.pmowb', name: 'Other.pmowb', openedAt: '' },
    ];
    expect(recentMenuLabels(twins, 'linux')).toEqual(['Plan.pmowb — 2025', 'Plan.pmowb — 2026', 'Other.pmowb']);
    const win: RecentFile[] = [
      { path: 'C:\\A\\Plan.pmowb', name: 'Plan.pmowb', openedAt: '' },
      { path: 'D:\\B&C\\Plan.pmowb', name: 'Plan.pmowb', openedAt: '' },
    ];
    expect(recentMenuLabels(win, 'win32')).toEqual(['Plan.pmowb — A', 'Plan.pmowb — B&&C']);
    expect(recentMenuLabels(win, 'darwin')).toEqual(['Plan.pmowb', 'Plan.pmowb']);
  });
});
