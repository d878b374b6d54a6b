/**
 * The demo's meetings and workshop boards: a steering committee and two workshops with their
 * invitations, attendance, consents and a signature; boards with cards, clusters and dot votes.
 */
import {
  addCard,
  addDot,
  createBoard,
  groupCards,
  setPaperDots,
  setVotesRevealed,
  setVotingRules,
} from '../boards/board-operations';
import type { BoardTemplate, CardColour } from '../boards/board-model';
import type { AttendanceStatus } from '../meetings/meeting-model';
import type { MeetingInput } from '../meetings/meeting-validation';
import { createMeeting, inviteContacts, setAttendance, setPhotoConsent, setRecordingConsent, setSignature } from '../meetings/meeting-operations';
import { encodeSignature, SIGNATURE_BOX, type SignaturePoint } from '../meetings/signature';
import type { DemoContext } from './demo-context';
import type { DemoPeople, DemoPerson } from './demo-people';

interface CardSeed {
  zone: string;
  text: string;
  /** Cards sharing a cluster title are grouped under it. */
  cluster?: string;
}

interface BoardSeed {
  template: BoardTemplate;
  title: string;
  colours: Readonly<Record<string, CardColour>>;
  cards: readonly CardSeed[];
}

const AFOM_BOARD: BoardSeed = {
  template: 'afom',
  title: 'AFOM du territoire',
  colours: { atouts: 'green', faiblesses: 'pink', opportunites: 'blue', menaces: 'orange' },
  cards: [
    { zone: 'atouts', text: 'Des associations dans chaque village', cluster: 'Vie locale' },
    { zone: 'faiblesses', text: 'Pas de crèche au sud du territoire', cluster: 'Petite enfance' },
    { zone: 'opportunites', text: 'La convention territoriale globale avec la CAF' },
    { zone: 'menaces', text: 'Les médecins partent à la retraite', cluster: 'Santé' },
    { zone: 'atouts', text: 'La maison de santé au bourg', cluster: 'Santé' },
    { zone: 'faiblesses', text: 'Le bus ne passe pas le samedi', cluster: 'Mobilité' },
    { zone: 'opportunites', text: 'De jeunes familles s’installent en télétravail' },
    { zone: 'menaces', text: 'Les bénévoles vieillissent', cluster: 'Vie locale' },
    { zone: 'atouts', text: 'Le marché du dimanche, lieu de rencontre', cluster: 'Vie locale' },
    { zone: 'faiblesses', text: 'Trop de démarches seulement en ligne' },
    { zone: 'opportunites', text: 'Les appels à projets du Département sur le bien vieillir' },
    { zone: 'menaces', text: 'Le prix du carburant', cluster: 'Mobilité' },
    { zone: 'atouts', text: 'Des élus qui se parlent' },
    { zone: 'faiblesses', text: 'Les assistantes maternelles sont toutes complètes', cluster: 'Petite enfance' },
    { zone: 'opportunites', text: 'Des locaux communaux vides à réaménager' },
    { zone: 'menaces', text: 'La fermeture possible d’une classe', cluster: 'Petite enfance' },
  ],
};

const PROBLEM_TREE_BOARD: BoardSeed = {
  template: 'problem-tree',
  title: 'Arbre à problèmes : se déplacer et accéder aux services',
  colours: { effets: 'orange', probleme: 'pink', causes: 'yellow' },
  cards: [
    { zone: 'probleme', text: 'Les habitants sans voiture renoncent à des services et à des droits' },
    { zone: 'causes', text: 'Le transport à la demande est mal connu', cluster: 'Offre de transport' },
    { zone: 'effets', text: 'Des rendez-vous médicaux manqués', cluster: 'Santé' },
    { zone: 'causes', text: 'Il faut réserver la veille', cluster: 'Offre de transport' },
    { zone: 'effets', text: 'Des jeunes qui refusent un emploi', cluster: 'Emploi' },
    { zone: 'causes', text: 'Les services sont tous au bourg', cluster: 'Services éloignés' },
    { zone: 'effets', text: 'Des aînés qui ne sortent plus', cluster: 'Isolement' },
    { zone: 'causes', text: 'Pas d’auto-école à moins de 20 km', cluster: 'Permis' },
    { zone: 'effets', text: 'Des droits CAF non demandés' },
    { zone: 'causes', text: 'Le coût du permis de conduire', cluster: 'Permis' },
    { zone: 'effets', text: 'Une dépendance aux voisins et à la famille', cluster: 'Isolement' },
    { zone: 'causes', text: 'La permanence France services est saturée', cluster: 'Services éloignés' },
    { zone: 'effets', text: 'Des jeunes qui quittent le territoire', cluster: 'Emploi' },
    { zone: 'causes', text: 'Pas de navette le jour du marché', cluster: 'Offre de transport' },
    { zone: 'effets', text: 'Des soins retardés', cluster: 'Santé' },
    { zone: 'causes', text: 'Peu de covoiturage organisé' },
  ],
};

const BRAINSTORM_BOARD: BoardSeed = {
  template: 'brainstorm',
  title: 'Idées pour bien vieillir dans sa commune',
  colours: { ideas: 'yellow' },
  cards: [
    { zone: 'ideas', text: 'Un minibus pour le marché', cluster: 'Se déplacer' },
    { zone: 'ideas', text: 'Des visites de voisinage', cluster: 'Rompre l’isolement' },
    { zone: 'ideas', text: 'Un atelier tablette à la bibliothèque', cluster: 'Numérique' },
    { zone: 'ideas', text: 'Un repas partagé par mois', cluster: 'Rompre l’isolement' },
    { zone: 'ideas', text: 'Un médecin un jour par semaine au village', cluster: 'Santé' },
    { zone: 'ideas', text: 'Du covoiturage entre voisins', cluster: 'Se déplacer' },
    { zone: 'ideas', text: 'Des permanences dans les mairies', cluster: 'Numérique' },
    { zone: 'ideas', text: 'Un annuaire des services à domicile', cluster: 'Santé' },
    { zone: 'ideas', text: 'Le portage de livres à domicile', cluster: 'Rompre l’isolement' },
    { zone: 'ideas', text: 'Des jeunes qui aident aux démarches en ligne', cluster: 'Numérique' },
    { zone: 'ideas', text: 'Un atelier mémoire au club', cluster: 'Santé' },
    { zone: 'ideas', text: 'Des bancs sur le chemin du bourg', cluster: 'Se déplacer' },
  ],
};

/** The boards a heavier demo cycles through; the default keeps the first two. */
const BOARD_SEEDS: readonly BoardSeed[] = [AFOM_BOARD, PROBLEM_TREE_BOARD, BRAINSTORM_BOARD];

interface MeetingPlan {
  input: Pick<MeetingInput, 'title'> & Partial<MeetingInput>;
  invited: readonly DemoPerson[];
  /** Everyone invited is present except these. */
  notPresent: ReadonlyMap<DemoPerson, Exclude<AttendanceStatus, 'present'>>;
}

/** A wavy line across the pad, different for each seed: a plausible scribble, not anyone's signature. */
function scribble(context: DemoContext): string {
  const points: SignaturePoint[] = [];
  const amplitude = context.between(30, 60);
  const waves = context.between(2, 4);
  for (let step = 0; step <= 40; step += 1) {
    const x = 40 + (step / 40) * (SIGNATURE_BOX.width - 80);
    points.push({ x, y: SIGNATURE_BOX.height / 2 + amplitude * Math.sin((step / 40) * waves * 2 * Math.PI) });
  }
  return encodeSignature([points]);
}

function writeMeeting(context: DemoContext, plan: MeetingPlan): { id: string; present: DemoPerson[] } {
  const { mission } = context.docs;
  const { origin } = context;
  const id = createMeeting(mission, plan.input, origin, context.tick());
  inviteContacts(mission, id, plan.invited.map((person) => person.id), origin, context.tick());
  const present: DemoPerson[] = [];
  for (const person of plan.invited) {
    const status = plan.notPresent.get(person) ?? 'present';
    setAttendance(mission, id, person.id, status, origin, context.tick());
    if (status === 'present') present.push(person);
  }
  return { id, present };
}

/** The meetings, then the boards; `startDay` is the mission's first day (days from now). */
export function writeDemoWorkshops(context: DemoContext, people: DemoPeople, startDay: number, consentDay: number): void {
  const { mission } = context.docs;
  const { origin } = context;
  const { centre, communes } = context.territory;
  const secondPlace = communes[1 % communes.length]!;
  const organiser = people.author.name;
  const [president, vicePresident, ...otherElected] = people.elected;

  const steering = writeMeeting(context, {
    input: {
      kind: 'copil',
      title: 'Comité de pilotage de lancement',
      date: context.isoDate(startDay + 10),
      startTime: '14:00',
      endTime: '16:30',
      communeCode: centre.code,
      communeName: centre.name,
      room: 'Salle du conseil communautaire',
      agenda: '1. Présentation de la démarche et du calendrier\n2. Premiers chiffres du territoire\n3. Composition des ateliers',
      organiser,
    },
    invited: [...people.elected, ...people.professionals],
    notPresent: new Map([
      [otherElected[0]!, 'excused'],
      [people.professionals[people.professionals.length - 1]!, 'absent'],
    ]),
  });
  // The présidente signed the sheet on the tablet; the others signed on paper.
  setSignature(mission, steering.id, president!.id, 'single', scribble(context), origin, context.tick());

  const afom = writeMeeting(context, {
    input: {
      kind: 'atelier',
      title: 'Atelier partagé : forces et faiblesses du territoire',
      date: context.isoDate(consentDay),
      startTime: '18:00',
      endTime: '20:30',
      communeCode: secondPlace.code,
      communeName: secondPlace.name,
      room: 'Salle des fêtes',
      agenda: 'Tour de table, AFOM en petits groupes, vote à gommettes sur les priorités.',
      organiser,
    },
    invited: [vicePresident!, ...people.professionals.slice(0, 5), ...people.residents],
    notPresent: new Map([[people.residents[people.residents.length - 1]!, 'excused']]),
  });
  afom.present.forEach((person, index) => {
    if (person.seed.category !== 'habitant') return;
    setPhotoConsent(mission, afom.id, person.id, index % 3 === 0 ? 'no' : 'yes', origin, context.tick());
    setRecordingConsent(mission, afom.id, person.id, 'no', origin, context.tick());
  });

  const mobility = writeMeeting(context, {
    input: {
      kind: 'atelier',
      title: 'Atelier : se déplacer et accéder aux services',
      date: context.isoDate(consentDay + 40),
      schedule: 'full-day',
      startTime: '09:30',
      endTime: '16:30',
      communeCode: centre.code,
      communeName: centre.name,
      room: 'Centre social, grande salle',
      agenda: 'Matin : arbre à problèmes. Après-midi : idées d’actions et priorités.',
      organiser,
    },
    invited: [...people.elected.slice(0, 2), ...people.professionals, ...people.residents.slice(0, 6)],
    notPresent: new Map([[people.residents[2]!, 'absent']]),
  });

  const boardMeetings = [afom, mobility, mobility];
  for (let index = 0; index < context.scale.boards; index += 1) {
    const seed = BOARD_SEEDS[index % BOARD_SEEDS.length]!;
    const meeting = boardMeetings[index % boardMeetings.length]!;
    const round = Math.floor(index / BOARD_SEEDS.length);
    const title = round === 0 ? seed.title : `${seed.title} (groupe ${round + 1})`;
    writeBoard(context, seed, title, meeting);
  }
}

function writeBoard(context: DemoContext, seed: BoardSeed, title: string, meeting: { id: string; present: DemoPerson[] }): void {
  const { mission } = context.docs;
  const { origin } = context;
  const boardId = createBoard(mission, origin, { meetingId: meeting.id, template: seed.template, title }, context.tick());
  const clusters = new Map<string, string[]>();
  const cardIds: string[] = [];
  for (let index = 0; index < context.scale.cardsPerBoard; index += 1) {
    const card = seed.cards[index % seed.cards.length]!;
    const round = Math.floor(index / seed.cards.length);
    // Every fourth card was written anonymously on the wall; the others carry their author.
    const author = index % 4 === 3 ? null : meeting.present[index % meeting.present.length]!.id;
    const id = addCard(
      mission,
      origin,
      boardId,
      { text: round === 0 ? card.text : `${card.text} (reformulé ${round + 1})`, zoneId: card.zone, colour: seed.colours[card.zone] ?? 'yellow', authorId: author },
      context.tick(),
    );
    cardIds.push(id);
    if (card.cluster) clusters.set(card.cluster, [...(clusters.get(card.cluster) ?? []), id]);
  }
  for (const [clusterTitle, ids] of clusters) groupCards(mission, origin, boardId, ids, clusterTitle, context.tick());

  const budget = 5;
  const maxPerCard = 2;
  setVotingRules(mission, origin, boardId, { budget, maxPerCard }, context.tick());
  for (const voter of meeting.present) {
    const placed = new Map<string, number>();
    for (let dot = 0; dot < budget; dot += 1) {
      // Rooms vote for a few cards: the earlier ones (the first ideas written) draw more dots.
      const cardId = cardIds[Math.floor(cardIds.length * context.random.next() ** 2)]!;
      if ((placed.get(cardId) ?? 0) >= maxPerCard) continue;
      addDot(mission, origin, boardId, voter.id, cardId, context.tick());
      placed.set(cardId, (placed.get(cardId) ?? 0) + 1);
    }
  }
  // Two latecomers voted on the paper board; their dots were counted afterwards.
  setPaperDots(mission, origin, boardId, cardIds[1 % cardIds.length]!, 2, context.tick());
  setVotesRevealed(mission, origin, boardId, true, context.tick());
}
