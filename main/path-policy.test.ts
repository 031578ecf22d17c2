// Path rules on Linux, macOS and Windows: what main agrees to read or write, and the names,
// filters and messages it shows.
import { describe, expect, it } from 'vitest';
import {
  checkUserPath,
  dialogFilters,
  fileNameOf,
  fileTooLargeMessage,
  formatBytes,
  safeSuggestedName,
  samePath,
  withDefaultExtension,
  workbookPathFromArgv,
} from './path-policy';

describe('checkUserPath', () => {
  it('accepts and normalises absolute paths with the right extension', () => {
    expect(checkUserPath('/home/ana/Plans/Q3.pmowb', 'workbook', 'linux')).toBe('/home/ana/Plans/Q3.pmowb');
    expect(checkUserPath('/home/ana/Plans/../Plans/./Q3.PMOWB', 'workbook', 'linux')).toBe('/home/ana/Plans/Q3.PMOWB');
    expect(checkUserPath('C:\\Users\\Ana\\Q3.pmowb', 'workbook', 'win32')).toBe('C:\\Users\\Ana\\Q3.pmowb');
    expect(checkUserPath('C:/Users/Ana/Q3.xlsx', 'spreadsheet', 'win32')).toBe('C:\\Users\\Ana\\Q3.xlsx');
    expect(checkUserPath('\\\\server\\share\\Q3.csv', 'csv', 'win32')).toBe('\\\\server\\share\\Q3.csv');
  });

  it('accepts every spreadsheet extension for imports', () => {
    for (const ext of ['xlsx', 'xlsm', 'xls', 'ods', 'csv', 'tsv', 'XLSX']) {
      expect(checkUserPath(`/data/people.${ext}`, 'spreadsheet', 'linux')).toBe(`/data/people.${ext}`);
    }
  });

  it('refuses relative paths', () => {
    expect(() => checkUserPath('Q3.pmowb', 'workbook', 'linux')).toThrow(/not a full file path/);
    expect(() => checkUserPath('../Q3.pmowb', 'workbook', 'linux')).toThrow(/not a full file path/);
    expect(() => checkUserPath('Q3.pmowb', 'workbook', 'win32')).toThrow(/not a full file path/);
    expect(() => checkUserPath('\\Users\\Q3.pmowb', 'workbook', 'win32')).toThrow(/not a full file path/);
    expect(() => checkUserPath('C:Q3.pmowb', 'workbook', 'win32')).toThrow(/not a full file path/);
  });

  it('refuses NUL bytes, empty paths and Windows device namespaces', () => {
    expect(() => checkUserPath('/tmp/a.pmowb\0.sh', 'workbook', 'linux')).toThrow(/not valid/);
    expect(() => checkUserPath('', 'workbook', 'linux')).toThrow(/not valid/);
    expect(() => checkUserPath('\\\\?\\C:\\a.pmowb', 'workbook', 'win32')).toThrow(/not a full file path/);
    expect(() => checkUserPath('\\\\.\\PhysicalDrive0\\a.pmowb', 'workbook', 'win32')).toThrow(/not a full file path/);
  });

  it('refuses extensions that do not belong to the kind', () => {
    expect(() => checkUserPath('/home/ana/.bashrc', 'workbook', 'linux')).toThrow('".bashrc" is not a PMO Workbench workbook (.pmowb).');
    expect(() => checkUserPath('/home/ana/run.sh', 'csv', 'linux')).toThrow(/not a CSV file/);
    expect(() => checkUserPath('/home/ana/a.pmowb.exe', 'workbook', 'linux')).toThrow(/not a PMO Workbench workbook/);
    expect(() => checkUserPath('/home/ana/people.xlsx', 'workbook', 'linux')).toThrow(/not a PMO Workbench workbook/);
    expect(() => checkUserPath('/home/ana/Plans', 'workbook', 'linux')).toThrow(/not a PMO Workbench workbook/);
  });

  it('accepts roadmap images only with their own extension', () => {
    expect(checkUserPath('/home/ana/Roadmap.png', 'png', 'linux')).toBe('/home/ana/Roadmap.png');
    expect(checkUserPath('C:\\Users\\ana\\Roadmap.SVG', 'svg', 'win32')).toBe('C:\\Users\\ana\\Roadmap.SVG');
    expect(() => checkUserPath('/home/ana/Roadmap.svg', 'png', 'linux')).toThrow(/not a PNG image/);
    expect(() => checkUserPath('/home/ana/run.sh', 'svg', 'linux')).toThrow(/not an SVG image/);
    expect(safeSuggestedName('Roadmap 2026-03-01', 'png')).toBe('Roadmap 2026-03-01.png');
    expect(dialogFilters('svg')).toEqual([{ name: 'SVG image', extensions: ['svg'] }]);
  });
});

describe('samePath', () => {
  it('ignores case on Windows and macOS only', () => {
    expect(samePath('C:\\A\\b.pmowb', 'c:\\a\\B.PMOWB', 'win32')).toBe(true);
    expect(samePath('/Users/a/B.pmowb', '/users/a/b.pmowb', 'darwin')).toBe(true);
    expect(samePath('/home/a/B.pmowb', '/home/a/b.pmowb', 'linux')).toBe(false);
    expect(samePath('/home/a/./b.pmowb', '/home/a/b.pmowb', 'linux')).toBe(true);
  });
});

describe('names', () => {
  it('takes the file name from a path', () => {
    expect(fileNameOf('/home/a/Q3 plan.pmowb', 'linux')).toBe('Q3 plan.pmowb');
    expect(fileNameOf('C:\\Users\\a\\Q3.pmowb', 'win32')).toBe('Q3.pmowb');
  });

  it('adds the default extension when the user typed none', () => {
    expect(withDefaultExtension('/home/a/Q3', 'workbook', 'linux')).toBe('/home/a/Q3.pmowb');
    expect(withDefaultExtension('/home/a/Q3.PMOWB', 'workbook', 'linux')).toBe('/home/a/Q3.PMOWB');
    expect(withDefaultExtension('/home/a/export.v2', 'csv', 'linux')).toBe('/home/a/export.v2.csv');
  });

  it('makes suggested names safe for every file system', () => {
    expect(safeSuggestedName('Q3 plan', 'workbook')).toBe('Q3 plan.pmowb');
    expect(safeSuggestedName('Q3 plan.PMOWB', 'workbook')).toBe('Q3 plan.pmowb');
    expect(safeSuggestedName('../../etc/passwd', 'csv')).toBe('etc passwd.csv');
    expect(safeSuggestedName('a<b>:c"d|e?f*g\u0000h', 'xlsx')).toBe('a b c d e f g h.xlsx');
    expect(safeSuggestedName('CON', 'csv')).toBe('CON-file.csv');
    expect(safeSuggestedName('  ...  ', 'workbook')).toBe('Untitled.pmowb');
    expect(safeSuggestedName('', 'workbook')).toBe('Untitled.pmowb');
    expect(safeSuggestedName('x'.repeat(300), 'workbook')).toBe(`${'x'.repeat(120)}.pmowb`);
  });

  it('offers one filter per kind, without dots', () => {
    expect(dialogFilters('workbook')).toEqual([{ name: 'PMO Workbench workbook', extensions: ['pmowb'] }]);
    expect(dialogFilters('spreadsheet')[0]?.extensions).toEqual(['xlsx', 'xlsm', 'xls', 'ods', 'fods', 'csv', 'tsv']);
  });
});

describe('size', () => {
  it('formats sizes people can read', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(312.4 * 1024 * 1024)).toBe('312.4 MB');
  });

  it('names the file and both sizes when a file is too large', () => {
    expect(fileTooLargeMessage('Budget.xlsx', 100)).toBeNull();
    expect(fileTooLargeMessage('Budget.xlsx', 200 * 1024 * 1024)).toBeNull();
    expect(fileTooLargeMessage('Budget.xlsx', 312.4 * 1024 * 1024)).toBe(
      '"Budget.xlsx" is 312.4 MB; PMO Workbench opens files up to 200 MB.',
    );
  });
});

describe('workbookPathFromArgv', () => {
  it('finds a workbook passed by the file association', () => {
    expect(workbookPathFromArgv(['/opt/PMO Workbench/pmo-workbench', '/home/a/Q3.pmowb'], '/', 'linux')).toBe('/home/a/Q3.pmowb');
    expect(workbookPathFromArgv(['C:\\PMO\\PMO Workbench.exe', 'D:\\Plans\\Q3.PMOWB'], 'C:\\', 'win32')).toBe('D:\\Plans\\Q3.PMOWB');
  });

  it('resolves a relative path against the caller directory', () => {
    expect(workbookPathFromArgv(['pmo', 'Q3.pmowb'], '/home/a/Plans', 'linux')).toBe('/home/a/Plans/Q3.pmowb');
  });

  it('skips flags, the executable and other files', () => {
    expect(workbookPathFromArgv(['/x/electron', '.', '--inspect=9229'], '/', 'linux')).toBeUndefined();
    expect(workbookPathFromArgv(['/x/a.pmowb'], '/', 'linux')).toBeUndefined();
    expect(workbookPathFromArgv(['pmo', '--open=/x/a.pmowb', '/x/notes.txt'], '/', 'linux')).toBeUndefined();
    expect(workbookPathFromArgv(['pmo', '/x/a.pmowb', '/x/b.pmowb'], '/', 'linux')).toBe('/x/b.pmowb');
  });
});
