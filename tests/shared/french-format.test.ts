import { describe, expect, test } from 'vitest';
import { formatDateTime, formatEuros, formatInteger, formatIsoDate, formatTime } from '@shared/format/french-format';

const NARROW_NO_BREAK_SPACE = '\u202f';

describe('French number formatting', () => {
  test('thousands are separated by a narrow no-break space, so a figure never breaks across lines', () => {
    expect(formatInteger(12345)).toBe(`12${NARROW_NO_BREAK_SPACE}345`);
    expect(formatInteger(1234567)).toBe(`1${NARROW_NO_BREAK_SPACE}234${NARROW_NO_BREAK_SPACE}567`);
  });

  test('small, negative and fractional figures read as in French', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(-4500)).toBe(`-4${NARROW_NO_BREAK_SPACE}500`);
    expect(formatInteger(2.6)).toBe('3');
  });
});

describe('French date formatting', () => {
  test('a date reads as a French sentence would write it', () => {
    expect(formatIsoDate('2024-03-05')).toBe('5 mars 2024');
    expect(formatIsoDate('2024-12-31')).toBe('31 décembre 2024');
    expect(formatIsoDate('2024-02-29')).toBe('29 février 2024');
  });

  test('the first of the month is written « 1er », as in any French letter to an elected official', () => {
    expect(formatIsoDate('2027-04-01')).toBe('1er avril 2027');
    expect(formatIsoDate('2027-04-11')).toBe('11 avril 2027');
  });

  test.each([null, '', '2024-02-30', '2024-13-01', 'demain'])('no date or an impossible one (%j) shows nothing', (value) => {
    expect(formatIsoDate(value)).toBe('');
  });

  test('a date and time read as day/month/year hour:minute', () => {
    const timestamp = new Date(2024, 2, 5, 14, 7).getTime();
    expect(formatDateTime(timestamp)).toBe('05/03/2024 14:07');
    expect(formatTime(timestamp)).toBe('14:07');
  });
});

describe('French amounts in euros', () => {
  test('a budget reads « 42 500 € », and an amount with cents keeps both digits, as on an invoice', () => {
    expect(formatEuros(42500)).toBe('42\u202f500\u00a0€');
    expect(formatEuros(42500.5)).toBe('42\u202f500,50\u00a0€');
  });
});
