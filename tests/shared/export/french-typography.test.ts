import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { frenchTypography } from '@shared/export/report/french-typography';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('French typography of the text users type', () => {
  test('question and exclamation marks and semicolons get a narrow no-break space, typed or not', () => {
    expect(frenchTypography('Pourquoi? Parce que!')).toBe(`Pourquoi${NNBSP}? Parce que${NNBSP}!`);
    expect(frenchTypography('Des crèches ; des haltes-garderies')).toBe(`Des crèches${NNBSP}; des haltes-garderies`);
    expect(frenchTypography('Vraiment ?!')).toBe(`Vraiment${NNBSP}?!`);
  });

  test('a colon gets a no-break space, so it never starts a printed line on its own', () => {
    expect(frenchTypography('Objectif: accueillir')).toBe(`Objectif${NBSP}: accueillir`);
    expect(frenchTypography('Étape 1 : recruter')).toBe(`Étape 1${NBSP}: recruter`);
    expect(frenchTypography('Constat :')).toBe(`Constat${NBSP}:`);
  });

  test('guillemets hold their words with no-break spaces', () => {
    expect(frenchTypography('Elle dit «on manque de tout» hier')).toBe(`Elle dit «${NBSP}on manque de tout${NBSP}» hier`);
    expect(frenchTypography('«  Bonjour  »')).toBe(`«${NBSP}Bonjour${NBSP}»`);
  });

  test('an apostrophe between letters becomes typographic, a quotation mark stays straight', () => {
    expect(frenchTypography("L'accueil d'aujourd'hui")).toBe('L’accueil d’aujourd’hui');
    expect(frenchTypography("Il a dit 'non'")).toBe("Il a dit 'non'");
  });

  test('times, ratios, web addresses and e-mail addresses are left exactly as typed', () => {
    expect(frenchTypography('De 14:30 à 16:00, ratio 1:2')).toBe('De 14:30 à 16:00, ratio 1:2');
    expect(frenchTypography('Voir https://www.caf.fr/aides?type=a;b:c')).toBe('Voir https://www.caf.fr/aides?type=a;b:c');
    expect(frenchTypography("Site : www.mairie.fr/l'agenda")).toBe(`Site${NBSP}: www.mairie.fr/l'agenda`);
    expect(frenchTypography('Écrire à accueil@mairie.fr!')).toBe('Écrire à accueil@mairie.fr!');
  });

  test('running it again over its own output changes nothing', () => {
    const prose = fc.array(fc.constantFrom('Bonjour', 'l\'école', ' ', ' ', NBSP, NNBSP, ':', ';', '!', '?', '«', '»', '14:30', 'https://a.fr/x?y', '\n', '2'), { maxLength: 30 });
    fc.assert(
      fc.property(prose, (parts) => {
        const once = frenchTypography(parts.join(''));
        expect(frenchTypography(once)).toBe(once);
      }),
    );
  });
});
