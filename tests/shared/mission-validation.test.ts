import { describe, expect, test } from 'vitest';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_SPONSOR_LENGTH,
  MAX_TITLE_LENGTH,
  hasErrors,
  isIsoDate,
  validateDates,
  validateNewMission,
  validateTitle,
} from '@shared/validation/mission-validation';
import { newMissionInput } from './domain-fixtures';

describe('mission title', () => {
  test.each(['', ' ', '\t\n'])('an empty or blank title (%j) is refused with a French message', (title) => {
    expect(validateTitle(title)).toBe('Le titre est obligatoire.');
  });

  test('a title of the maximum length is accepted, one character more is refused', () => {
    expect(validateTitle('a'.repeat(MAX_TITLE_LENGTH))).toBeNull();
    expect(validateTitle('a'.repeat(MAX_TITLE_LENGTH + 1))).toBe('Le titre ne peut pas dépasser 200 caractères.');
  });

  test('an ordinary French title with accents and apostrophes is accepted', () => {
    expect(validateTitle('Diagnostic d’Égletons – « petite enfance »')).toBeNull();
  });
});

describe('mission dates', () => {
  test.each(['2024-02-29', '2023-12-31', '2024-01-01'])('a real calendar date (%s) is accepted', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  test.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31', '2024-3-5', '05/03/2024', '2024-03-05T10:00', ''])(
    'an impossible or badly written date (%j) is refused',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
    },
  );

  test('an impossible start or end date gets its own French message', () => {
    expect(validateDates('2024-02-30', '2024-03-31')).toEqual({ startDate: 'La date de début n’est pas une date valide.' });
    expect(validateDates('2024-02-01', '2024-02-30')).toEqual({ endDate: 'La date de fin n’est pas une date valide.' });
  });

  test('an end date before the start date is refused; the same day or no date at all is fine', () => {
    expect(validateDates('2024-06-02', '2024-06-01')).toEqual({
      endDate: 'La date de fin doit être postérieure à la date de début.',
    });
    expect(validateDates('2024-06-01', '2024-06-01')).toEqual({});
    expect(validateDates(null, '2024-06-01')).toEqual({});
    expect(validateDates('2024-06-01', null)).toEqual({});
    expect(validateDates(null, null)).toEqual({});
  });

  test('years compare as dates, not as text of different lengths', () => {
    expect(validateDates('2024-12-31', '2025-01-01')).toEqual({});
    expect(validateDates('2025-01-01', '2024-12-31')).toHaveProperty('endDate');
  });
});

describe('a whole new mission', () => {
  test('a complete, sensible mission has no errors', () => {
    const errors = validateNewMission(newMissionInput());
    expect(errors).toEqual({});
    expect(hasErrors(errors)).toBe(false);
  });

  test('every faulty field gets its own French message, so the form can show them all at once', () => {
    const errors = validateNewMission(
      newMissionInput({
        title: ' ',
        sponsor: 's'.repeat(MAX_SPONSOR_LENGTH + 1),
        themes: ['sante', 'culture' as never],
        startDate: '2024-05-01',
        endDate: '2024-04-30',
        status: 'perdue' as never,
        description: 'd'.repeat(MAX_DESCRIPTION_LENGTH + 1),
      }),
    );
    expect(errors).toEqual({
      title: 'Le titre est obligatoire.',
      sponsor: 'Le commanditaire ne peut pas dépasser 200 caractères.',
      themes: 'Thématique inconnue.',
      endDate: 'La date de fin doit être postérieure à la date de début.',
      status: 'Statut inconnu.',
      description: 'La description ne peut pas dépasser 20000 caractères.',
    });
    expect(hasErrors(errors)).toBe(true);
  });
});
