/** The census's broad age bands, counted by sex ("P21_H0014", "P21_F75P"): the rows of an age pyramid. */
export const AGE_SEX_BANDS = [
  { suffix: '0_14', census: '0014', label: '0 à 14 ans' },
  { suffix: '15_29', census: '1529', label: '15 à 29 ans' },
  { suffix: '30_44', census: '3044', label: '30 à 44 ans' },
  { suffix: '45_59', census: '4559', label: '45 à 59 ans' },
  { suffix: '60_74', census: '6074', label: '60 à 74 ans' },
  { suffix: '75_PLUS', census: '75P', label: '75 ans ou plus' },
] as const;

/** Each age band with the catalogue codes of its men and women counts. */
export const AGE_PYRAMID_GROUPS = AGE_SEX_BANDS.map(({ suffix, label }) => ({ label, men: `POP_H_${suffix}`, women: `POP_F_${suffix}` }));
