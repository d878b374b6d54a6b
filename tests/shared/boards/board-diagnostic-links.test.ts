import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import {
  cardsToActionSheet,
  cardsToEnjeu,
  cardsToObservation,
  clusterToActionSheet,
  clusterToEnjeu,
  clusterToObservation,
  diagnosticLinkKey,
  parseDiagnosticLinkKey,
  resolveBoardSource,
  resolveDiagnosticLinks,
} from '@shared/boards/board-diagnostic-links';
import { addCard, deleteCards, groupCards, trashBoard, ungroupCards } from '@shared/boards/board-operations';
import { boardsMap } from '@shared/documents/board-structure';
import { missionEditableTypes } from '@shared/documents/document-structure';
import { InvalidOperationError } from '@shared/operations/document-guards';
import { createActionSheet } from '@shared/qualitative/action-sheet-operations';
import { trashEnjeu } from '@shared/qualitative/enjeu-operations';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { boardSourceKey, parseBoardSourceKey } from '@shared/qualitative/qualitative-structure';
import { MAX_LONG_TEXT_LENGTH } from '@shared/qualitative/qualitative-validation';
import { CREATED_AT, LOCAL_EDIT, boardFixture, boardOf, cardOf, colleagueCopy, exchangeUpdates } from './board-fixtures';

const LATER = CREATED_AT + 60_000;
const MUCH_LATER = CREATED_AT + 3_600_000;

function workshopWithCards(texts: readonly string[]) {
  const fixture = boardFixture('afom');
  const cardIds = texts.map((text, index) => addCard(fixture.doc, LOCAL_EDIT, fixture.boardId, { text }, CREATED_AT + index));
  return { ...fixture, cardIds };
}

describe('from a board to the diagnostic', () => {
  test('a card becomes a constat from the workshop, dated on the meeting day, with links both ways', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Pas de bus le samedi pour aller au marché']);
    const [cardId] = cardIds as [string];

    const id = cardsToObservation(doc, LOCAL_EDIT, boardId, [cardId], LATER);

    const [observation] = readQualitativeSnapshot(doc).observations;
    expect(observation).toMatchObject({
      id,
      text: 'Pas de bus le samedi pour aller au marché',
      sourceKind: 'atelier',
      date: '2024-04-12',
      author: '',
      theme: null,
      quotes: [],
      boardSources: [{ boardId, cardId }],
      createdAt: LATER,
    });
    expect(cardOf(doc, boardId, cardId).links).toEqual([diagnosticLinkKey('observations', id)]);
    expect(boardOf(doc, boardId).updatedAt).toBe(LATER);
  });

  test('several cards become one constat listing each card, every card linked to it', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Crèche saturée', 'Horaires décalés non couverts']);

    const id = cardsToObservation(doc, LOCAL_EDIT, boardId, cardIds, LATER);

    const [observation] = readQualitativeSnapshot(doc).observations;
    expect(observation?.text).toBe('– Crèche saturée\n– Horaires décalés non couverts');
    expect(observation?.boardSources).toHaveLength(2);
    for (const cardId of cardIds) expect(cardOf(doc, boardId, cardId).links).toEqual([diagnosticLinkKey('observations', id)]);
  });

  test('a cluster becomes a constat worded by its title, its cards kept as verbatim quotes in capture order', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['« Je renonce au médecin »', '« Le bus ne passe plus »']);
    const clusterId = groupCards(doc, LOCAL_EDIT, boardId, [...cardIds].reverse(), 'Isolement des aînés', LATER);

    const id = clusterToObservation(doc, LOCAL_EDIT, boardId, clusterId, MUCH_LATER);

    const [observation] = readQualitativeSnapshot(doc).observations;
    expect(observation?.text).toBe('Isolement des aînés');
    expect(observation?.quotes.map((quote) => quote.text)).toEqual(['« Je renonce au médecin »', '« Le bus ne passe plus »']);
    expect(observation?.boardSources).toEqual([{ boardId, clusterId }]);
    expect(boardOf(doc, boardId).clusters[0]?.links).toEqual([diagnosticLinkKey('observations', id)]);
    // The cluster carries the link, not each of its cards.
    for (const cardId of cardIds) expect(cardOf(doc, boardId, cardId).links).toEqual([]);
  });

  test('an enjeu takes the card as its title; a long card is cut in the title and kept whole in the description', () => {
    const long = `Mobilité ${'très '.repeat(60)}difficile pour les jeunes sans permis`;
    const { doc, boardId, cardIds } = workshopWithCards(['Accès aux soins', long]);
    const [short, longId] = cardIds as [string, string];

    cardsToEnjeu(doc, LOCAL_EDIT, boardId, [short], LATER);
    cardsToEnjeu(doc, LOCAL_EDIT, boardId, [longId], MUCH_LATER);

    const [first, second] = readQualitativeSnapshot(doc).enjeux;
    expect(first).toMatchObject({ title: 'Accès aux soins', description: '', boardSources: [{ boardId, cardId: short }] });
    expect(second?.title.length).toBeLessThanOrEqual(200);
    expect(second?.title.endsWith('…')).toBe(true);
    expect(second?.description).toBe(long);
  });

  test('an enjeu from a cluster is titled after it and lists its cards in the description', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Pas de pédiatre', 'PMI loin']);
    const clusterId = groupCards(doc, LOCAL_EDIT, boardId, cardIds, 'Santé des enfants', LATER);

    clusterToEnjeu(doc, LOCAL_EDIT, boardId, clusterId, MUCH_LATER);

    expect(readQualitativeSnapshot(doc).enjeux[0]).toMatchObject({
      title: 'Santé des enfants',
      description: '– Pas de pédiatre\n– PMI loin',
      boardSources: [{ boardId, clusterId }],
    });
  });

  test('a huge cluster still becomes a constat: the list is cut with a count of the cards left out', () => {
    const { doc, boardId, cardIds } = workshopWithCards(Array.from({ length: 12 }, (_, index) => `${index} ${'x'.repeat(1990)}`));
    const clusterId = groupCards(doc, LOCAL_EDIT, boardId, cardIds, 'Tout', LATER);

    clusterToEnjeu(doc, LOCAL_EDIT, boardId, clusterId, MUCH_LATER);

    const description = readQualitativeSnapshot(doc).enjeux[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(MAX_LONG_TEXT_LENGTH);
    expect(description).toMatch(/… et \d+ autres cartes du tableau\.$/);
  });

  test('a fiche action from a card is a draft « à lancer » with the next free number', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Navette solidaire vers le marché', 'Permanence CAF itinérante']);
    createActionSheet(doc, { title: 'Relais petite enfance' }, LOCAL_EDIT, CREATED_AT);
    const clusterId = groupCards(doc, LOCAL_EDIT, boardId, [cardIds[1] ?? ''], 'Aller vers', LATER);

    const fromCard = cardsToActionSheet(doc, LOCAL_EDIT, boardId, [cardIds[0] ?? ''], LATER);
    const fromCluster = clusterToActionSheet(doc, LOCAL_EDIT, boardId, clusterId, MUCH_LATER);

    const sheets = readQualitativeSnapshot(doc).actionSheets;
    expect(sheets.find((sheet) => sheet.id === fromCard)).toMatchObject({
      number: 2,
      title: 'Navette solidaire vers le marché',
      status: 'a-lancer',
      boardSources: [{ boardId, cardId: cardIds[0] }],
    });
    expect(sheets.find((sheet) => sheet.id === fromCluster)).toMatchObject({ number: 3, title: 'Aller vers', boardSources: [{ boardId, clusterId }] });
  });

  test('a card deleted later leaves the record whole, and its page says « carte supprimée »', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Manque de lieux pour les ados']);
    const [cardId] = cardIds as [string];
    cardsToEnjeu(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    const source = readQualitativeSnapshot(doc).enjeux[0]?.boardSources[0];
    if (!source) throw new Error('no board source');
    expect(resolveBoardSource(doc, source)).toEqual({ source, boardTitle: 'Atelier AFOM', detail: 'carte « Manque de lieux pour les ados »', present: true });

    deleteCards(doc, LOCAL_EDIT, boardId, [cardId], MUCH_LATER);

    const [enjeu] = readQualitativeSnapshot(doc).enjeux;
    expect(enjeu).toMatchObject({ title: 'Manque de lieux pour les ados', boardSources: [{ boardId, cardId }] });
    expect(resolveBoardSource(doc, source)).toEqual({ source, boardTitle: 'Atelier AFOM', detail: 'carte supprimée', present: false });
  });

  test('an ungrouped cluster reads as « regroupement supprimé », a board gone as « tableau supprimé »', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['A', 'B']);
    const clusterId = groupCards(doc, LOCAL_EDIT, boardId, cardIds, 'Famille', LATER);
    clusterToObservation(doc, LOCAL_EDIT, boardId, clusterId, LATER);
    expect(resolveBoardSource(doc, { boardId, clusterId }).detail).toBe('regroupement « Famille »');

    ungroupCards(doc, LOCAL_EDIT, boardId, cardIds, MUCH_LATER);
    expect(resolveBoardSource(doc, { boardId, clusterId })).toMatchObject({ detail: 'regroupement supprimé', present: false });

    boardsMap(doc).delete(boardId);
    expect(resolveBoardSource(doc, { boardId, clusterId })).toMatchObject({ boardTitle: null, detail: 'tableau supprimé', present: false });
  });

  test('the card lists what was made from it, a trashed record shown as such', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Jeunes sans solution de garde']);
    const [cardId] = cardIds as [string];
    const observation = cardsToObservation(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    const enjeu = cardsToEnjeu(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    const sheet = cardsToActionSheet(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    trashEnjeu(doc, enjeu, LOCAL_EDIT, MUCH_LATER);

    const links = resolveDiagnosticLinks(cardOf(doc, boardId, cardId).links, readQualitativeSnapshot(doc));

    expect(links).toEqual(
      expect.arrayContaining([
        { collection: 'observations', recordId: observation, label: 'Constat : Jeunes sans solution de garde', state: 'live' },
        { collection: 'enjeux', recordId: enjeu, label: 'Enjeu : Jeunes sans solution de garde', state: 'trashed' },
        { collection: 'actionSheets', recordId: sheet, label: 'Fiche action n° 1 — Jeunes sans solution de garde', state: 'live' },
      ]),
    );
    expect(links).toHaveLength(3);
    expect(resolveDiagnosticLinks(['enjeux/disparu', 'inconnu/x', 'sans-separateur'], readQualitativeSnapshot(doc))).toEqual([
      { collection: 'enjeux', recordId: 'disparu', label: 'Enjeu supprimé', state: 'deleted' },
    ]);
  });

  test('one undo removes the record and the link on the card together', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Une idée']);
    const [cardId] = cardIds as [string];
    const undo = new Y.UndoManager([...missionEditableTypes(doc), boardsMap(doc)], { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 0 });

    cardsToObservation(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    undo.undo();

    expect(readQualitativeSnapshot(doc).observations).toEqual([]);
    expect(cardOf(doc, boardId, cardId).links).toEqual([]);
  });

  test('a colleague converting the same card offline adds a second record: both links survive the merge', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Idée partagée']);
    const [cardId] = cardIds as [string];
    const theirs = colleagueCopy(doc);

    const mine = cardsToObservation(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    const their = cardsToEnjeu(theirs, LOCAL_EDIT, boardId, [cardId], LATER);
    exchangeUpdates(doc, theirs);

    const expected = [diagnosticLinkKey('enjeux', their), diagnosticLinkKey('observations', mine)].sort();
    expect(cardOf(doc, boardId, cardId).links).toEqual(expected);
    expect(cardOf(theirs, boardId, cardId).links).toEqual(expected);
  });

  test('a card a colleague deleted offline while it was turned into an enjeu here: the enjeu stays, its origin reads « carte supprimée »', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['Idée disputée']);
    const [cardId] = cardIds as [string];
    const theirs = colleagueCopy(doc);

    const enjeu = cardsToEnjeu(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    deleteCards(theirs, LOCAL_EDIT, boardId, [cardId], LATER);
    exchangeUpdates(doc, theirs);

    for (const copy of [doc, theirs]) {
      const [merged] = readQualitativeSnapshot(copy).enjeux;
      expect(merged).toMatchObject({ id: enjeu, title: 'Idée disputée', boardSources: [{ boardId, cardId }] });
      expect(resolveBoardSource(copy, { boardId, cardId }).detail).toBe('carte supprimée');
      expect(boardOf(copy, boardId).cards).toEqual([]);
    }
  });

  test('refuses an empty selection, a card deleted meanwhile, an emptied cluster and a trashed board, writing nothing', () => {
    const { doc, boardId, cardIds } = workshopWithCards(['A']);
    const [cardId] = cardIds as [string];
    expect(() => cardsToObservation(doc, LOCAL_EDIT, boardId, [], LATER)).toThrow('Sélectionnez au moins une carte.');
    expect(() => cardsToEnjeu(doc, LOCAL_EDIT, boardId, [cardId, 'disparue'], LATER)).toThrow(InvalidOperationError);
    expect(() => clusterToEnjeu(doc, LOCAL_EDIT, boardId, 'inconnu', LATER)).toThrow(/regroupement n’existe plus/);
    trashBoard(doc, LOCAL_EDIT, boardId, LATER);
    expect(() => cardsToActionSheet(doc, LOCAL_EDIT, boardId, [cardId], LATER)).toThrow(/corbeille/);
    expect(() => cardsToActionSheet(doc, LOCAL_EDIT, 'inconnu', [cardId], LATER)).toThrow(/introuvable/);

    const snapshot = readQualitativeSnapshot(doc);
    expect([...snapshot.observations, ...snapshot.enjeux, ...snapshot.actionSheets]).toEqual([]);
    expect(cardOf(doc, boardId, cardId).links).toEqual([]);
  });

  test('link keys read back what they were made from, and nothing else', () => {
    expect(parseDiagnosticLinkKey(diagnosticLinkKey('actionSheets', 'abc'))).toEqual({ collection: 'actionSheets', recordId: 'abc' });
    expect(parseDiagnosticLinkKey('constructor/abc')).toBeNull();
    expect(parseDiagnosticLinkKey('enjeux/')).toBeNull();
    expect(parseBoardSourceKey(boardSourceKey({ boardId: 'b', cardId: 'c' }))).toEqual({ boardId: 'b', cardId: 'c' });
    expect(parseBoardSourceKey(boardSourceKey({ boardId: 'b', clusterId: 'k' }))).toEqual({ boardId: 'b', clusterId: 'k' });
    expect(parseBoardSourceKey('b/cluster:')).toBeNull();
    expect(parseBoardSourceKey('/c')).toBeNull();
  });
});
