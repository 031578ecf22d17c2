// Window titles always name the app.
import { describe, expect, it } from 'vitest';
import { windowTitle } from './window-title';

describe('windowTitle', () => {
  it('names the app alone when the page has no title of its own', () => {
    expect(windowTitle('', 'PMO Workbench')).toBe('PMO Workbench');
    expect(windowTitle('  ', 'PMO Workbench')).toBe('PMO Workbench');
    expect(windowTitle('app://pmo/index.html', 'PMO Workbench')).toBe('PMO Workbench');
    expect(windowTitle('PMO Workbench', 'PMO Workbench')).toBe('PMO Workbench');
  });

  it('puts the document first and the app name last', () => {
    expect(windowTitle('Q3.pmowb', 'PMO Workbench')).toBe('Q3.pmowb — PMO Workbench');
    expect(windowTitle('Q3.pmowb — PMO Workbench', 'PMO Workbench')).toBe('Q3.pmowb — PMO Workbench');
    expect(windowTitle('Q3.pmowb - PMO Workbench', 'PMO Workbench')).toBe('Q3.pmowb - PMO Workbench');
  });
});
