import { describe, expect, test } from 'vitest';
import { addEvaluationIndicator, createActionSheet, setActionSheetEnjeuLink, setActionSheetOrientation } from '@shared/qualitative/action-sheet-operations';
import { createAfomItem, setAfomIndicatorLink, setAfomObservationLink } from '@shared/qualitative/afom-operations';
import { createEnjeu, setEnjeuIndicatorLink, setEnjeuObservationLink, trashEnjeu } from '@shared/qualitative/enjeu-operations';
import { createObservation, setObservationIndicatorLink } from '@shared/qualitative/observation-operations';
import { createOrientation, setOrientationEnjeuLink } from '@shared/qualitative/orientation-operations';
import {
  actionSheetEvidence,
  actionSheetsEvaluatedByIndicator,
  actionSheetsForEnjeu,
  actionSheetsForOrientation,
  actionSheetsGroundedByIndicator,
  actionSheetsGroundedByObservation,
  afomItemsCitingObservation,
  afomItemsReferencingIndicator,
  enjeuxGroundedByIndicator,
  enjeuxGroundedByObservation,
  indicatorUsage,
  observationsReferencingIndicator,
  orientationsForEnjeu,
} from '@shared/qualitative/qualitative-navigation';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';
import { LATER, MUCH_LATER, missionDoc, observationInput } from './qualitative-fixtures';

/**
 * A small diagnostic: poverty figures ground an interview, the interview grounds the childcare
 * enjeu (which also cites the crèche places), the childcare enjeu is answered by the relais fiche;
 * the mobility enjeu stands on a workshop and is answered by a fiche evaluated with the poverty rate.
 */
function diagnostic() {
  const doc = missionDoc();
  const interview = createObservation(doc, observationInput({ text: 'Entretien PMI' }), LOCAL_EDIT, LATER);
  const workshop = createObservation(doc, observationInput({ text: 'Atelier mobilité', sourceKind: 'atelier' }), LOCAL_EDIT, MUCH_LATER);
  setObservationIndicatorLink(doc, interview, 'TX_PAUVRETE', true, LOCAL_EDIT);

  const childcare = createEnjeu(doc, { title: 'Garde du jeune enfant', description: '', theme: 'petite-enfance' }, LOCAL_EDIT);
  const mobility = createEnjeu(doc, { title: 'Mobilité', description: '', theme: 'mobilite' }, LOCAL_EDIT);
  setEnjeuObservationLink(doc, childcare, interview, true, LOCAL_EDIT);
  setEnjeuIndicatorLink(doc, childcare, 'PLACES_EAJE', true, LOCAL_EDIT);
  setEnjeuObservationLink(doc, mobility, workshop, true, LOCAL_EDIT);

  const weakness = createAfomItem(doc, { quadrant: 'faiblesses', text: 'Pauvreté des familles' }, LOCAL_EDIT);
  setAfomIndicatorLink(doc, weakness, 'TX_PAUVRETE', true, LOCAL_EDIT);
  setAfomObservationLink(doc, weakness, interview, true, LOCAL_EDIT);

  const families = createOrientation(doc, { title: 'Soutenir les familles', description: '' }, LOCAL_EDIT);
  setOrientationEnjeuLink(doc, families, childcare, true, LOCAL_EDIT);

  const relais = createActionSheet(doc, { title: 'Relais itinérant' }, LOCAL_EDIT);
  setActionSheetEnjeuLink(doc, relais, childcare, true, LOCAL_EDIT);
  setActionSheetOrientation(doc, relais, families, LOCAL_EDIT);
  const transport = createActionSheet(doc, { title: 'Transport solidaire' }, LOCAL_EDIT);
  setActionSheetEnjeuLink(doc, transport, mobility, true, LOCAL_EDIT);
  addEvaluationIndicator(doc, transport, { label: 'Pauvreté', indicatorCode: 'TX_PAUVRETE', baseline: '', target: '', targetDate: null }, LOCAL_EDIT);

  return { doc, interview, workshop, childcare, mobility, weakness, families, relais, transport };
}

const ids = (records: readonly { id: string }[]) => records.map((record) => record.id);

describe('navigating the diagnostic chain', () => {
  test('from an indicator: the observations, AFOM items and enjeux citing it, and through them the fiches actions', () => {
    const { doc, interview, childcare, weakness, relais, transport } = diagnostic();
    const snapshot = readQualitativeSnapshot(doc);

    expect(ids(observationsReferencingIndicator(snapshot, 'TX_PAUVRETE'))).toEqual([interview]);
    expect(ids(afomItemsReferencingIndicator(snapshot, 'TX_PAUVRETE'))).toEqual([weakness]);
    expect(ids(enjeuxGroundedByIndicator(snapshot, 'TX_PAUVRETE'))).toEqual([childcare]);
    expect(ids(enjeuxGroundedByIndicator(snapshot, 'PLACES_EAJE'))).toEqual([childcare]);
    expect(ids(actionSheetsGroundedByIndicator(snapshot, 'TX_PAUVRETE'))).toEqual([relais]);
    expect(ids(actionSheetsEvaluatedByIndicator(snapshot, 'TX_PAUVRETE'))).toEqual([transport]);
    expect(indicatorUsage(snapshot, 'POP')).toEqual({ observations: [], afomItems: [], enjeux: [], groundedActionSheets: [], evaluatingActionSheets: [] });
  });

  test('from a fiche action: its enjeux, its orientation, and the observations and indicators they stand on', () => {
    const { doc, interview, childcare, families, relais } = diagnostic();
    const evidence = actionSheetEvidence(readQualitativeSnapshot(doc), relais);

    expect(ids(evidence.enjeux)).toEqual([childcare]);
    expect(evidence.orientation?.id).toBe(families);
    expect(ids(evidence.observations)).toEqual([interview]);
    expect(evidence.indicatorCodes).toEqual(['PLACES_EAJE', 'TX_PAUVRETE']);
    expect(actionSheetEvidence(readQualitativeSnapshot(doc), 'inconnue')).toEqual({ enjeux: [], orientation: null, observations: [], indicatorCodes: [] });
  });

  test('from an observation: the enjeux and AFOM items it grounds and the fiches actions that follow', () => {
    const { doc, interview, workshop, childcare, mobility, weakness, relais, transport } = diagnostic();
    const snapshot = readQualitativeSnapshot(doc);

    expect(ids(enjeuxGroundedByObservation(snapshot, interview))).toEqual([childcare]);
    expect(ids(afomItemsCitingObservation(snapshot, interview))).toEqual([weakness]);
    expect(ids(actionSheetsGroundedByObservation(snapshot, interview))).toEqual([relais]);
    expect(ids(actionSheetsGroundedByObservation(snapshot, workshop))).toEqual([transport]);
    expect(ids(enjeuxGroundedByObservation(snapshot, workshop))).toEqual([mobility]);
  });

  test('from an enjeu or an orientation: the fiches actions and orientations linked to it', () => {
    const { doc, childcare, mobility, families, relais, transport } = diagnostic();
    const snapshot = readQualitativeSnapshot(doc);

    expect(ids(actionSheetsForEnjeu(snapshot, childcare))).toEqual([relais]);
    expect(ids(actionSheetsForEnjeu(snapshot, mobility))).toEqual([transport]);
    expect(ids(orientationsForEnjeu(snapshot, childcare))).toEqual([families]);
    expect(ids(actionSheetsForOrientation(snapshot, families))).toEqual([relais]);
  });

  test('an enjeu in the trash breaks the chain until it is restored', () => {
    const { doc, interview, childcare, relais } = diagnostic();
    trashEnjeu(doc, childcare, LOCAL_EDIT);
    const snapshot = readQualitativeSnapshot(doc);

    expect(enjeuxGroundedByIndicator(snapshot, 'TX_PAUVRETE')).toEqual([]);
    expect(actionSheetsGroundedByObservation(snapshot, interview)).toEqual([]);
    expect(actionSheetEvidence(snapshot, relais).enjeux).toEqual([]);
  });
});
