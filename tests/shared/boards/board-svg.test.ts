import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { addCard, addDot, groupCards, setPaperDots, setSilentPhase, setVotesRevealed } from '@shared/boards/board-operations';
import { CARD_HEIGHT, CARD_WIDTH, layoutBoard, matrixPosition } from '@shared/boards/board-templates';
import { boardToSvg, escapeXml, wrapText, type BoardSvgOptions } from '@shared/boards/board-svg';
import { CLAIRE, CREATED_AT, KARIM, LOCAL_EDIT, boardFixture, boardOf } from './board-fixtures';

/**
 * Reads the SVG with Python's expat parser, which refuses any XML that is not well formed (there is
 * no DOMParser in Node and xmllint is not installed here), and returns what a viewer would draw.
 */
const READ_SVG = `
import sys, json, xml.etree.ElementTree as ET
ns = '{http://www.w3.org/2000/svg}'
root = ET.fromstring(sys.stdin.buffer.read())
local = lambda tag: tag.split('}')[-1]
counts = {}
for element in root.iter():
    counts[local(element.tag)] = counts.get(local(element.tag), 0) + 1
def texts(group):
    return [''.join(element.itertext()) for element in group.iter() if local(element.tag) in ('text', 'tspan') and len(element) == 0]
groups = lambda kind: [group for group in root.iter(ns + 'g') if group.get('class') == kind]
print(json.dumps({
    'root': local(root.tag),
    'width': root.get('width'),
    'height': root.get('height'),
    'viewBox': root.get('viewBox'),
    'labelledBy': root.get('aria-labelledby'),
    'title': root.find(ns + 'title').text,
    'desc': root.find(ns + 'desc').text,
    'counts': counts,
    'cards': [{'title': group.find(ns + 'title').text, 'texts': texts(group)} for group in groups('card')],
    'clusters': [texts(group) for group in groups('cluster')],
    'zones': [texts(group) for group in groups('zone')],
}))
`;

interface ReadSvg {
  root: string;
  width: string;
  height: string;
  viewBox: string;
  labelledBy: string;
  title: string;
  desc: string;
  counts: Record<string, number>;
  cards: { title: string; texts: string[] }[];
  clusters: string[][];
  zones: string[][];
}

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import xml.etree.ElementTree']);
    return true;
  } catch {
    return false;
  }
}

const HAS_PYTHON = hasPython();
const PYTHON_SKIP_NOTE = HAS_PYTHON ? '' : ' (skipped: python3 is not installed)';

function readSvg(svg: string): ReadSvg {
  return JSON.parse(execFileSync('python3', ['-c', READ_SVG], { input: svg, encoding: 'utf8' })) as ReadSvg;
}

const NAMES: Record<string, string> = { [CLAIRE]: 'Claire Dupont', [KARIM]: 'Karim Benali' };

function options(overrides: Partial<BoardSvgOptions> = {}): BoardSvgOptions {
  return { meetingTitle: 'Atelier parentalité', authorName: (id) => NAMES[id] ?? null, showHidden: true, ...overrides };
}

const TRICKY = `<script>alert("x")</script> & l'été 🎉👩‍👩‍👧`;

function afomWorkshop() {
  const { doc, boardId } = boardFixture('afom');
  const strength = addCard(doc, LOCAL_EDIT, boardId, { text: 'Un tissu associatif vivant', zoneId: 'atouts', authorId: CLAIRE, colour: 'green' }, CREATED_AT);
  const weakness = addCard(doc, LOCAL_EDIT, boardId, { text: 'Peu de transports le week-end', zoneId: 'faiblesses', authorId: KARIM, colour: 'pink' }, CREATED_AT + 1);
  const tricky = addCard(doc, LOCAL_EDIT, boardId, { text: TRICKY, zoneId: 'menaces' }, CREATED_AT + 2);
  return { doc, boardId, strength, weakness, tricky };
}

describe.skipIf(!HAS_PYTHON)(`a board exported as SVG${PYTHON_SKIP_NOTE}`, () => {
  test('is well-formed XML with a title and a description a screen reader announces', () => {
    const { doc, boardId } = afomWorkshop();
    const read = readSvg(boardToSvg(boardOf(doc, boardId), options()));

    expect(read.root).toBe('svg');
    expect(read.labelledBy).toBe('board-title board-desc');
    expect(read.title).toBe('Atelier AFOM');
    expect(read.desc).toBe(
      'Tableau « Atelier AFOM » (AFOM (atouts, faiblesses, opportunités, menaces)) de la réunion « Atelier parentalité » : 4 zones, 3 cartes, 0 regroupement.',
    );
    expect(read.counts.svg).toBe(1);
    expect(read.zones.map((texts) => texts[0])).toEqual(['Atouts', 'Faiblesses', 'Opportunités', 'Menaces']);
  });

  test('carries every card with its text, its author and its colour', () => {
    const { doc, boardId } = afomWorkshop();
    const svg = boardToSvg(boardOf(doc, boardId), options());
    const read = readSvg(svg);

    expect(read.cards.map((card) => card.title)).toEqual(['Un tissu associatif vivant — Auteur : Claire Dupont', 'Peu de transports le week-end — Auteur : Karim Benali', TRICKY]);
    expect(read.cards[0]?.texts).toEqual(['Un tissu associatif', 'vivant', 'Claire Dupont']);
    expect(read.cards[1]?.texts.slice(0, -1).join(' ')).toBe('Peu de transports le week-end');
    expect(svg).toContain('fill="#d4f5d0" stroke="#3b8a32"');
    expect(svg).toContain('fill="#ffd6e5" stroke="#b3416d"');
  });

  test('escapes markup, ampersands and quotes and keeps emoji whole, so a card can never break the file', () => {
    const { doc, boardId } = afomWorkshop();
    const svg = boardToSvg(boardOf(doc, boardId), options({ meetingTitle: 'Réunion "A" & <B>' }));

    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&apos;été');
    const read = readSvg(svg);
    expect(read.cards[2]?.title).toBe(TRICKY);
    expect(read.cards[2]?.texts.join(' ')).toContain('👩‍👩‍👧');
    expect(read.desc).toContain('de la réunion « Réunion "A" & <B> »');
  });

  test('drops characters XML forbids instead of writing an unreadable file', () => {
    expect(escapeXml('a\u0000b\u0007c\ud800d\tok')).toBe('abcd\tok');
    const { doc, boardId } = boardFixture('brainstorm');
    addCard(doc, LOCAL_EDIT, boardId, { text: 'copié\u0001 collé' }, CREATED_AT);
    expect(readSvg(boardToSvg(boardOf(doc, boardId), options())).cards[0]?.title).toBe('copié collé');
  });

  test('is as large as the board the app draws, plus its margins and title', () => {
    const { doc, boardId } = afomWorkshop();
    const board = boardOf(doc, boardId);
    const layout = layoutBoard(board.template, board.zones, board.cards);
    const read = readSvg(boardToSvg(board, options()));

    expect(Number(read.width)).toBe(layout.width + 2 * 32);
    expect(Number(read.height)).toBe(layout.height + 2 * 32 + 76);
    expect(read.viewBox).toBe(`0 0 ${read.width} ${read.height}`);

    addCard(doc, LOCAL_EDIT, boardId, { text: 'Très bas', zoneId: 'atouts', position: { x: 0, y: 2000 } }, CREATED_AT + 10);
    const grown = readSvg(boardToSvg(boardOf(doc, boardId), options()));
    expect(Number(grown.height)).toBeGreaterThan(Number(read.height) + 2000 - 760);
  });

  test('a free board reaches the cards placed left of and above the origin', () => {
    const { doc, boardId } = boardFixture('free');
    addCard(doc, LOCAL_EDIT, boardId, { text: 'À gauche', zoneId: null, position: { x: -500, y: -300 } }, CREATED_AT);
    addCard(doc, LOCAL_EDIT, boardId, { text: 'À droite', zoneId: null, position: { x: 900, y: 400 } }, CREATED_AT + 1);
    const read = readSvg(boardToSvg(boardOf(doc, boardId), options()));

    expect(Number(read.width)).toBe(900 + CARD_WIDTH + 500 + 2 * 32);
    expect(Number(read.height)).toBe(400 + CARD_HEIGHT + 300 + 2 * 32 + 76);
  });

  test('outlines each cluster with its title', () => {
    const { doc, boardId, strength, weakness } = afomWorkshop();
    groupCards(doc, LOCAL_EDIT, boardId, [strength, weakness], 'Vie locale & mobilité', CREATED_AT + 5);
    const read = readSvg(boardToSvg(boardOf(doc, boardId), options()));

    expect(read.clusters).toEqual([['Vie locale & mobilité']]);
    expect(read.desc).toContain('1 regroupement.');
  });

  test('shows the dots only once the votes are revealed, paper tallies included', () => {
    const { doc, boardId, strength, weakness } = afomWorkshop();
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, strength, CREATED_AT + 5);
    addDot(doc, LOCAL_EDIT, boardId, KARIM, strength, CREATED_AT + 6);
    setPaperDots(doc, LOCAL_EDIT, boardId, weakness, 4, CREATED_AT + 7);

    const hidden = readSvg(boardToSvg(boardOf(doc, boardId), options()));
    expect(hidden.counts.circle).toBeUndefined();

    setVotesRevealed(doc, LOCAL_EDIT, boardId, true, CREATED_AT + 8);
    const revealed = readSvg(boardToSvg(boardOf(doc, boardId), options()));
    expect(revealed.counts.circle).toBe(2);
    expect(revealed.cards[0]?.title).toBe('Un tissu associatif vivant — Auteur : Claire Dupont — 2 gommettes');
    expect(revealed.cards[1]?.texts.at(-1)).toBe('4');
    expect(revealed.desc).toMatch(/gommettes révélées\.$/);
  });

  test('leaves out the cards of a silent phase when asked, for the projection', () => {
    const { doc, boardId } = afomWorkshop();
    setSilentPhase(doc, LOCAL_EDIT, boardId, true, CREATED_AT + 5);
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Idée secrète' }, CREATED_AT + 6);

    expect(readSvg(boardToSvg(boardOf(doc, boardId), options({ showHidden: false }))).cards.map((card) => card.title)).not.toContain('Idée secrète');
    expect(readSvg(boardToSvg(boardOf(doc, boardId), options({ showHidden: true }))).cards.map((card) => card.title)).toContain('Idée secrète');
  });

  test('draws the impact and feasibility axes of the matrix', () => {
    const { doc, boardId } = boardFixture('impact-feasibility');
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Navette', position: matrixPosition({ impact: 8, feasibility: 3 }) }, CREATED_AT);
    const read = readSvg(boardToSvg(boardOf(doc, boardId), options()));

    expect(read.zones[0]).toEqual(expect.arrayContaining(['Impact × faisabilité', 'Impact ↑', 'Faisabilité →']));
    expect(read.counts.line).toBe(4);
  });

  test('an empty board still gives a readable image with its title', () => {
    const { doc, boardId } = boardFixture('free');
    const read = readSvg(boardToSvg(boardOf(doc, boardId), options({ meetingTitle: '' })));
    expect(read.cards).toEqual([]);
    expect(Number(read.width)).toBe(640);
    expect(read.desc).toBe('Tableau « Atelier AFOM » (Tableau libre) : 0 zone, 0 carte, 0 regroupement.');
  });
});

describe('card text wrapping', () => {
  test('breaks between words and keeps each line within the card', () => {
    const lines = wrapText('Les familles monoparentales peinent à trouver un mode de garde', 160, 14, 4);
    expect(lines.join(' ')).toBe('Les familles monoparentales peinent à trouver un mode de garde');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24);
  });

  test('cuts a long text after the last line with an ellipsis', () => {
    const lines = wrapText('mot '.repeat(100), 160, 14, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]?.endsWith('…')).toBe(true);
  });

  test('splits a word longer than a line, never inside an emoji', () => {
    const lines = wrapText(`${'a'.repeat(60)}👩‍👩‍👧${'b'.repeat(10)}`, 160, 14, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(`${'a'.repeat(60)}👩‍👩‍👧${'b'.repeat(10)}`);
    expect(lines.some((line) => line.includes('👩‍👩‍👧'))).toBe(true);
  });

  test('keeps the card’s line breaks', () => {
    expect(wrapText('Première idée\nSeconde', 160, 14, 4)).toEqual(['Première idée', 'Seconde']);
  });
});
