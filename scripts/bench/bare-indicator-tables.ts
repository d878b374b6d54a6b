/**
 * The bare indicator view's data: the text of every cell Bocage shows for the benchmark's mission,
 * computed in Node by the app's own table model and handed to the page inline.
 */
export interface BareIndicatorTables {
  missionTitle: string;
  comparisons: string[];
  communes: string[];
  themes: {
    label: string;
    rows: { label: string; year: number; mission: string; comparisons: string[]; communes: string[] }[];
  }[];
}

/** The bare page's own control, named like Bocage's, so the harness clicks the same label on both. */
export const SHOW_COMMUNES_LABEL = 'Afficher chaque commune';

/** Each theme's table, on Bocage's indicator view and on the bare page alike. */
export const INDICATOR_TABLE_ROWS = '[role="region"][aria-label^="Tableau : "] tbody > tr';
export const INDICATOR_TABLE_CELLS = '[role="region"][aria-label^="Tableau : "] tbody td';
