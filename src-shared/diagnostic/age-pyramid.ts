/** The census age groups of an age pyramid, each with its men and women count indicators. */
export const AGE_PYRAMID_GROUPS = [
  { label: '0 à 14 ans', men: 'POP_H_0_14', women: 'POP_F_0_14' },
  { label: '15 à 29 ans', men: 'POP_H_15_29', women: 'POP_F_15_29' },
  { label: '30 à 44 ans', men: 'POP_H_30_44', women: 'POP_F_30_44' },
  { label: '45 à 59 ans', men: 'POP_H_45_59', women: 'POP_F_45_59' },
  { label: '60 à 74 ans', men: 'POP_H_60_74', women: 'POP_F_60_74' },
  { label: '75 ans ou plus', men: 'POP_H_75_PLUS', women: 'POP_F_75_PLUS' },
] as const;
