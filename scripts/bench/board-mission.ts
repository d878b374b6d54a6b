import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { CARD_COLOURS, type CardColour } from '../../src-shared/boards/board-model';
import { addCard, createBoard, groupCards } from '../../src-shared/boards/board-operations';
import { slotPosition, templateZones } from '../../src-shared/boards/board-templates';
import { createContact } from '../../src-shared/directory/contact-operations';
import { newId } from '../../src-shared/model/ids';
import { createMeeting, inviteContacts } from '../../src-shared/meetings/meeting-operations';

/**
 * The boards benchmark's data: one workshop meeting with two AFOM boards, one of 2,000 cards and
 * one of 50, built in Node by the app's own operations. Both boards are laid out the same way (each
 * quadrant filled slot after slot from its top-left corner, with the same first cards), so the view
 * a board opens on shows the same cards whatever its size: only what lies beyond the view differs.
 */

export const LARGE_BOARD_CARDS = 2000;
export const SMALL_BOARD_CARDS = 50;
const ORIGIN = 'benchmark';
const SEED = 2000;
/** Share of cards signed by a participant; the others are anonymous, as in a real workshop. */
const AUTHORED_SHARE = 0.7;
/** Share of cards in another colour than their quadrant's. */
const OTHER_COLOUR_SHARE = 0.15;

const QUADRANT_COLOURS: Record<string, CardColour> = { atouts: 'green', faiblesses: 'pink', opportunites: 'blue', menaces: 'orange' };

const QUADRANT_PHRASES: Record<string, readonly string[]> = {
  atouts: [
    'Tissu associatif dense et engagé',
    'Une école dans chaque bourg',
    'Maison France Services ouverte trois jours par semaine',
    'Solidarités de voisinage encore fortes dans les hameaux',
    'Marché hebdomadaire qui fait venir tout le canton',
    'Élus disponibles et à l’écoute',
    'Centre social reconnu par les familles',
    'Cadre de vie apprécié, paysages de bocage',
    'Foyer rural très actif l’hiver',
    'Bénévoles nombreux parmi les jeunes retraités',
    'Épicerie solidaire portée par des habitants',
    'Bonne couverture en assistantes maternelles',
    'Gymnase intercommunal récent',
    'Médiathèque en réseau avec des horaires élargis',
    'Clubs sportifs qui accueillent les enfants dès quatre ans',
    'Entreprises locales prêtes à accueillir des stagiaires',
    'Transport à la demande apprécié des personnes âgées',
    'Habitants attachés à leur commune',
    'Coopération ancienne entre les CCAS',
    'Fête de village qui mobilise toutes les générations',
  ],
  faiblesses: [
    'Pas de bus le soir ni le week-end',
    'Médecins généralistes partis à la retraite sans remplaçant',
    'Logements vacants dégradés en centre-bourg',
    'Peu d’offre pour les 15-25 ans',
    'Permanences sociales trop éloignées pour qui n’a pas de voiture',
    'Fracture numérique chez les plus âgés',
    'Manque de places en crèche',
    'Isolement des personnes âgées dans les hameaux',
    'Services éparpillés entre trois communes',
    'Bénévoles fatigués, peu de relève',
    'Offre de soins psychiques quasi inexistante',
    'Commerces de proximité qui ferment',
    'Difficulté à recruter des aides à domicile',
    'Peu de lien entre les nouveaux arrivants et les anciens',
    'Information sur les aides mal connue',
    'Accès difficile aux droits pour les travailleurs saisonniers',
    'Salles communales vétustes',
    'Aucune structure d’accueil de jour',
    'Chemins piétons dangereux entre le bourg et l’école',
    'Horaires de la mairie peu adaptés aux actifs',
  ],
  opportunites: [
    'Appel à projets régional sur la mobilité solidaire',
    'Arrivée de jeunes ménages en télétravail',
    'Convention territoriale globale en préparation avec la CAF',
    'Programme Petites villes de demain',
    'Tiers-lieu en projet dans l’ancienne gare',
    'Fibre optique déployée d’ici deux ans',
    'Nouveau contrat local de santé',
    'Départ à la retraite du boulanger : un repreneur est intéressé',
    'Fonds européens pour le développement rural',
    'Volonté du département de décentraliser ses permanences',
    'Lycée agricole voisin prêt à monter des projets avec les jeunes',
    'Réseau d’entraide entre mairies en cours de création',
    'Subventions pour la rénovation énergétique des logements',
    'Intérêt des habitants pour un jardin partagé',
    'Bus France Services itinérant proposé par l’État',
    'Vélo à assistance électrique en location longue durée',
    'Plan départemental pour l’habitat inclusif',
    'Coopération possible avec l’agglomération voisine',
    'Nouvelle offre de formation d’aide-soignant à proximité',
    'Entreprises cherchant à s’engager localement',
  ],
  menaces: [
    'Fermeture annoncée de la maternité',
    'Hausse du coût de l’énergie pour les ménages modestes',
    'Vieillissement rapide de la population',
    'Départ des jeunes vers la métropole',
    'Baisse des dotations aux communes',
    'Disparition de la ligne de car scolaire',
    'Désertification médicale qui s’aggrave',
    'Fermeture possible d’une classe à la rentrée',
    'Tensions entre habitants autour du projet éolien',
    'Précarité croissante chez les agriculteurs',
    'Fin annoncée du financement du poste d’animateur',
    'Sécheresses répétées qui fragilisent l’économie locale',
    'Regroupement des services publics au chef-lieu',
    'Hausse des loyers avec l’arrivée de résidences secondaires',
    'Bureau de poste menacé',
    'Épuisement des aidants familiaux',
    'Recul des permanences de la mission locale',
    'Montée de la défiance envers les institutions',
    'Risque de fermeture de l’EHPAD faute de personnel',
    'Inondations plus fréquentes dans la vallée',
  ],
};

const QUALIFIERS: readonly string[] = [
  '',
  '',
  '',
  ' dans le nord du territoire',
  ' selon les habitants présents',
  ', surtout pour les familles monoparentales',
  ' (cité par plusieurs jeunes)',
  ', d’après les partenaires sociaux',
  ' depuis deux ou trois ans',
  ' sur les communes les plus rurales',
];

const SECOND_SENTENCES: readonly string[] = [
  'Point soulevé lors de la table ronde avec les élus.',
  'À vérifier avec les chiffres de la CAF et de l’INSEE.',
  'Plusieurs participants ont cité des exemples précis, notamment à la sortie de l’école et au marché du samedi matin.',
  'On en reparle à l’atelier suivant.',
  'Les travailleurs sociaux du département confirment ce constat, qui revient dans la plupart des entretiens individuels menés cet hiver.',
  'Une habitante raconte qu’elle doit prendre un taxi pour ses rendez-vous à l’hôpital, faute de solution plus simple.',
  'Ce point fait consensus.',
  'Idée à rapprocher de ce qui se fait déjà dans la communauté de communes voisine, où un collectif d’habitants a pris le relais.',
];

const PARTICIPANTS: readonly { firstName: string; lastName: string; jobTitle: string }[] = [
  { firstName: 'Claire', lastName: 'Dupont', jobTitle: 'Adjointe aux affaires sociales' },
  { firstName: 'Mathieu', lastName: 'Lefebvre', jobTitle: 'Directeur du centre social' },
  { firstName: 'Nadia', lastName: 'Benali', jobTitle: 'Assistante sociale de secteur' },
  { firstName: 'Jean-Pierre', lastName: 'Morel', jobTitle: 'Président du foyer rural' },
  { firstName: 'Sophie', lastName: 'Garnier', jobTitle: 'Conseillère en insertion' },
  { firstName: 'Louis', lastName: 'Masson', jobTitle: 'Habitant' },
  { firstName: 'Aïcha', lastName: 'Traoré', jobTitle: 'Animatrice jeunesse' },
  { firstName: 'Bernard', lastName: 'Caron', jobTitle: 'Maire délégué' },
];

interface ClusterSeed {
  title: string;
  /** Grid slots of the quadrant: adjacent cards, as a facilitator groups them. */
  slots: readonly number[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Two clusters per quadrant in the first rows (on both boards), two more further down on the large board. */
const QUADRANT_CLUSTERS: Record<string, readonly ClusterSeed[]> = {
  atouts: [
    { title: 'Vie associative', slots: range(5, 9) },
    { title: 'Services de proximité', slots: range(10, 11) },
    { title: 'Équipements', slots: range(200, 209) },
    { title: 'Entraide', slots: range(400, 405) },
  ],
  faiblesses: [
    { title: 'Mobilité', slots: range(5, 9) },
    { title: 'Santé', slots: range(10, 11) },
    { title: 'Jeunesse', slots: range(200, 209) },
    { title: 'Logement', slots: range(400, 405) },
  ],
  opportunites: [
    { title: 'Financements', slots: range(5, 9) },
    { title: 'Nouveaux habitants', slots: range(10, 11) },
    { title: 'Numérique', slots: range(200, 209) },
    { title: 'Partenariats', slots: range(400, 405) },
  ],
  menaces: [
    { title: 'Services publics', slots: range(5, 9) },
    { title: 'Démographie', slots: range(10, 11) },
    { title: 'Climat', slots: range(200, 209) },
    { title: 'Économie', slots: range(400, 405) },
  ],
};

function pick<T>(random: prng.PRNG, values: readonly T[]): T {
  return values[prng.int32(random, 0, values.length - 1)]!;
}

export interface SeededCard {
  text: string;
  colour: CardColour;
  authorIndex: number | null;
}

/**
 * The quadrant's cards in slot order, from a generator of its own: the first cards of a quadrant
 * are the same on every board, whatever its size. Texts run from a few words to three lines.
 */
export function quadrantCards(zoneId: string, count: number): SeededCard[] {
  const phrases = QUADRANT_PHRASES[zoneId];
  const colour = QUADRANT_COLOURS[zoneId];
  if (!phrases || !colour) throw new Error(`Quadrant AFOM inconnu : ${zoneId}.`);
  const random = prng.create(SEED + templateZones('afom').findIndex((zone) => zone.id === zoneId));
  return Array.from({ length: count }, () => {
    const base = pick(random, phrases) + pick(random, QUALIFIERS);
    const second = random.next() < 0.35 ? ` ${pick(random, SECOND_SENTENCES)}` : '';
    const authorIndex = random.next() < AUTHORED_SHARE ? prng.int32(random, 0, PARTICIPANTS.length - 1) : null;
    const otherColour = random.next() < OTHER_COLOUR_SHARE;
    return {
      text: `${base}.${second}`,
      colour: otherColour ? pick(random, CARD_COLOURS) : colour,
      authorIndex,
    };
  });
}

export interface SeededBoard {
  id: string;
  title: string;
  cards: number;
  cardsPerZone: number[];
  clusters: number;
  authoredCards: number;
}

export interface BoardMission {
  /** The meeting and both boards: one Yjs update to merge into the mission's document. */
  missionUpdate: Uint8Array;
  /** The participants as contacts: one Yjs update to merge into the workspace's directory. */
  directoryUpdate: Uint8Array;
  meetingTitle: string;
  large: SeededBoard;
  small: SeededBoard;
  participants: number;
}

/** An AFOM board whose quadrants share the cards out evenly, each filled from its first slot. */
function seedBoard(doc: Y.Doc, meetingId: string, title: string, cardCount: number, contactIds: readonly string[], now: number): SeededBoard {
  const boardId = createBoard(doc, ORIGIN, { meetingId, template: 'afom', title }, now);
  const zones = templateZones('afom');
  let clusters = 0;
  let authoredCards = 0;
  const cardsPerZone = zones.map((_, index) => Math.floor(cardCount / zones.length) + (index < cardCount % zones.length ? 1 : 0));
  zones.forEach((zone, zoneIndex) => {
    const count = cardsPerZone[zoneIndex]!;
    const cardIds = quadrantCards(zone.id, count).map((card, slot) => {
      if (card.authorIndex !== null) authoredCards += 1;
      return addCard(
        doc,
        ORIGIN,
        boardId,
        {
          text: card.text,
          zoneId: zone.id,
          // Explicit slots: the free-slot search of a capture would make seeding quadratic.
          position: slotPosition('afom', slot),
          colour: card.colour,
          authorId: card.authorIndex === null ? null : contactIds[card.authorIndex]!,
        },
        now + slot,
      );
    });
    for (const cluster of QUADRANT_CLUSTERS[zone.id] ?? []) {
      if (cluster.slots.some((slot) => slot >= count)) continue;
      groupCards(doc, ORIGIN, boardId, cluster.slots.map((slot) => cardIds[slot]!), cluster.title, now);
      clusters += 1;
    }
  });
  return { id: boardId, title, cards: cardCount, cardsPerZone, clusters, authoredCards };
}

/** The meeting, its participants (invited contacts of the directory) and the two boards. */
export function buildBoardMission(now: number = Date.now()): BoardMission {
  const directory = new Y.Doc();
  const contactIds = PARTICIPANTS.map((participant) => createContact(directory, { ...participant, category: 'habitant' }, ORIGIN, now, newId()));
  const doc = new Y.Doc();
  const meetingTitle = 'Atelier diagnostic partagé';
  const meetingId = createMeeting(doc, { title: meetingTitle, kind: 'atelier', date: '2025-03-14', room: 'Salle des fêtes' }, ORIGIN, now);
  inviteContacts(doc, meetingId, contactIds, ORIGIN, now);
  const large = seedBoard(doc, meetingId, `AFOM de ${LARGE_BOARD_CARDS} cartes`, LARGE_BOARD_CARDS, contactIds, now);
  const small = seedBoard(doc, meetingId, `AFOM de ${SMALL_BOARD_CARDS} cartes`, SMALL_BOARD_CARDS, contactIds, now);
  return {
    missionUpdate: Y.encodeStateAsUpdate(doc),
    directoryUpdate: Y.encodeStateAsUpdate(directory),
    meetingTitle,
    large,
    small,
    participants: contactIds.length,
  };
}
