import { describe, expect, it } from 'vitest';
import { when } from './display';
import { defaultSettings } from '../../../shared/model/workbook';

describe('when: the time an export was made, as the merge banner shows it', () => {
  // Local noon: the same calendar day in every time zone the test may run in.
  const stamp = new Date(2026, 9, 12, 14, 5).toISOString();

  it('writes a UK workbook’s date day first, with a 24-hour time, whatever the browser’s language', () => {
    expect(when(stamp, defaultSettings('UK', { locale: 'en-GB' }))).toBe('12 Oct 2026, 14:05');
  });

  it('follows the workbook’s locale, not a fixed one', () => {
    expect(when(stamp, defaultSettings('US', { locale: 'en-US' }))).toBe('Oct 12, 2026, 02:05 PM');
    expect(when(stamp, defaultSettings('DE', { locale: 'de-DE' }))).toBe('12. Okt. 2026, 14:05');
  });

  it('shows text that is not a timestamp as it is', () => {
    expect(when('yesterday', defaultSettings('UK'))).toBe('yesterday');
  });
});
