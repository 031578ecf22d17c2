// The native application menu as a plain template. Commands that concern the document
// (new, open, save as, undo, redo, about) go to the renderer, which owns the document.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../shared/ipc/contract';
import type { Platform } from './path-policy';

export type MenuOptions = {
  platform: Platform;
  /** Unpackaged: adds reload and developer tools. */
  isDev: boolean;
  appName: string;
  recent: readonly RecentFile[];
};

export type MenuActions = {
  send: (command: MenuCommand) => void;
  clearRecent: () => void;
};

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

/**
 * Labels for the recent files: the file name, plus its folder when two entries share a name.
 * On Windows and Linux "&" marks a keyboard mnemonic, so a literal one is doubled.
 */
export function recentMenuLabels(recent: readonly RecentFile[], platform: Platform): string[] {
  const sep = platform === 'win32' ? /[\\/]/ : /\//;
  const counts = new Map<string, number>();
  for (const entry of recent) counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
  return recent.map((entry) => {
    const folder = entry.path.split(sep).slice(-2, -1)[0] ?? '';
    const label = (counts.get(entry.name) ?? 0) > 1 && folder !== '' ? `${entry.name} — ${folder}` : entry.name;
    return platform === 'darwin' ? label : label.replaceAll('&', '&&');
  });
}

function recentSubmenu(options: MenuOptions, actions: MenuActions): Item[] {
  if (options.recent.length === 0) {
    return [{ label: 'No Recent Workbooks', enabled: false }, separator, { label: 'Clear Recently Opened', enabled: false }];
  }
  const labels = recentMenuLabels(options.recent, options.platform);
  const entries = options.recent.map<Item>((entry, i) => ({
    label: labels[i] ?? entry.name,
    // Hover text exists on macOS only; elsewhere duplicate names get their folder in the label.
    toolTip: entry.path,
    click: () => actions.send({ command: 'open-recent', path: entry.path }),
  }));
  return [...entries, separator, { label: 'Clear Recently Opened', click: () => actions.clearRecent() }];
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): Item[] {
  const { platform, isDev, appName } = options;
  const mac = platform === 'darwin';
  // Mnemonics (Alt+F) exist on Windows and Linux only.
  const top = (label: string) => (mac ? label : `&${label}`);
  const send = (command: MenuCommand['command']) => () => actions.send({ command });
  const about: Item = { label: `About ${appName}`, click: send('about') };

  const appMenu: Item = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: Item = {
    label: top('File'),
    submenu: [
      { label: 'New Workbook', accelerator: 'CmdOrCtrl+N', click: send('new-workbook') },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
      { label: 'Open Recent', submenu: recentSubmenu(options, actions) },
      separator,
      { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', click: send('save-as') },
      separator,
      { label: 'Import from Spreadsheet…', accelerator: 'CmdOrCtrl+I', click: send('import-spreadsheet') },
      { label: 'Export to Excel…', accelerator: 'CmdOrCtrl+E', click: send('export-xlsx') },
      { label: 'Export CSV…', click: send('export-csv') },
      ...(mac ? [separator, { role: 'close' } as Item] : [separator, { role: 'quit' } as Item]),
    ],
  };

  // Undo and redo are not roles: the renderer chooses between a text field's own undo and the
  // app's command journal. Windows users expect Ctrl+Y; the other chord works there too
  // through a hidden item (hidden items keep their accelerators).
  const redo: Item[] =
    platform === 'win32'
      ? [
          { label: 'Redo', accelerator: 'Ctrl+Y', click: send('redo') },
          { label: 'Redo', accelerator: 'Shift+Ctrl+Z', click: send('redo'), visible: false },
        ]
      : [{ label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: send('redo') }];

  const editMenu: Item = {
    label: top('Edit'),
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      ...redo,
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const viewMenu: Item = {
    label: top('View'),
    submenu: [
      ...(isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] as Item[] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  if (mac) {
    return [appMenu, fileMenu, editMenu, viewMenu, { role: 'windowMenu' }];
  }
  return [fileMenu, editMenu, viewMenu, { label: top('Help'), submenu: [about] }];
}
