// Month and weekday names in five languages: the one table the date parser and period headers use.
import { describe, expect, it } from 'vitest';
import { foldName, isWeekdayName, MONTH_NAMES, monthFromName, WEEKDAY_NAMES } from './month-names';

describe('monthFromName', () => {
  it('reads every full name in the five languages, in any case, with or without accents', () => {
    for (const names of Object.values(MONTH_NAMES)) {
      names.forEach((name, i) => {
        expect(monthFromName(name)).toBe(i + 1);
        expect(monthFromName(name.toUpperCase())).toBe(i + 1);
        expect(monthFromName(foldName(name))).toBe(i + 1);
      });
    }
  });

  it('reads the common abbreviations, with an optional trailing dot', () => {
    const cases: [string, number][] = [
      ['Jan', 1], ['janv.', 1], ['ene', 1], ['Jän', 1],
      ['Feb', 2], ['févr.', 2], ['fevr', 2], ['Febr.', 2],
      ['Mar', 3], ['Mrz', 3], ['März', 3], ['Mär.', 3], ['Marz', 3], ['mrt', 3], ['maart', 3],
      ['avr.', 4], ['abr', 4], ['Apr.', 4],
      ['mai', 5], ['mei', 5], ['may', 5],
      ['juin', 6], ['jun', 6], ['juil.', 7], ['jul', 7],
      ['août', 8], ['aout', 8], ['ago', 8], ['Aug', 8],
      ['Sept', 9], ['sept.', 9], ['Sep', 9], ['set', 9], ['setiembre', 9],
      ['okt', 10], ['Oct.', 10],
      ['Nov', 11],
      ['déc.', 12], ['dic', 12], ['Dez', 12], ['dec', 12],
    ];
    for (const [word, month] of cases) expect(monthFromName(word), word).toBe(month);
  });

  it('reads prefixes of three letters or more only when they name one month', () => {
    expect(monthFromName('Janu')).toBe(1);
    expect(monthFromName('Dezem')).toBe(12);
    expect(monthFromName('jui')).toBeNull(); // juin or juillet
    expect(monthFromName('ju')).toBeNull();
    expect(monthFromName('ma')).toBeNull();
  });

  it('names no month for other words', () => {
    for (const word of ['de', 'week', 'Montag', 'total', 'q1', 'FY26', 'abc', '', 'marx', 'jan1', 'Mär-']) {
      expect(monthFromName(word), word).toBeNull();
    }
  });
});

describe('isWeekdayName', () => {
  it('knows full weekday names and their abbreviations in the five languages', () => {
    for (const names of Object.values(WEEKDAY_NAMES)) for (const name of names) expect(isWeekdayName(name), name).toBe(true);
    for (const word of ['Mon', 'Tue', 'Tues', 'Do', 'Di', 'lun.', 'mié', 'mer.', 'zo', 'Sa']) expect(isWeekdayName(word), word).toBe(true);
  });

  it('is not fooled by months or numbers', () => {
    for (const word of ['April', 'mei', '12', 'X']) expect(isWeekdayName(word), word).toBe(false);
  });
});
