/**
 * The demo's people: names nobody could take for real ones (Exemple, Fictif, Maquette…), contact
 * details in the ranges reserved for fiction (example.org, 01 99 00 …), and the GDPR fields a real
 * contact carries. Their organisations are the territory's real kinds of partners.
 */
import { addMonthsToIsoDate } from '../directory/contact-retention';
import { createContact } from '../directory/contact-operations';
import type { Civility, ContactCategory, LegalBasis, OrganisationKind } from '../directory/contact-model';
import { createOrganisation } from '../directory/organisation-operations';
import type { DemoContext } from './demo-context';

type OrganisationRole = 'epci' | 'mairie' | 'caf' | 'msa' | 'departement' | 'centre-social' | 'maison-de-sante' | 'association' | 'club';

interface PersonSeed {
  civility: Civility;
  firstName: string;
  lastName: string;
  jobTitle: string;
  category: ContactCategory;
  organisation: OrganisationRole | null;
  /** Index into the territory's communes, largest first. */
  commune: number;
}

const PEOPLE: readonly PersonSeed[] = [
  { civility: 'mme', firstName: 'Anne', lastName: 'Exemple', jobTitle: 'Présidente de la communauté de communes', category: 'elu', organisation: 'epci', commune: 0 },
  { civility: 'm', firstName: 'Bernard', lastName: 'Fictif', jobTitle: 'Vice-président chargé de l’action sociale', category: 'elu', organisation: 'epci', commune: 1 },
  { civility: 'mme', firstName: 'Chantal', lastName: 'Démonstration', jobTitle: 'Adjointe au maire chargée des aînés', category: 'elu', organisation: 'mairie', commune: 2 },
  { civility: 'm', firstName: 'Denis', lastName: 'Modèle', jobTitle: 'Adjoint au maire chargé de la jeunesse', category: 'elu', organisation: 'mairie', commune: 3 },
  { civility: 'mme', firstName: 'Claire', lastName: 'Démo', jobTitle: 'Chargée de mission développement social', category: 'technicien', organisation: 'epci', commune: 0 },
  { civility: 'm', firstName: 'David', lastName: 'Maquette', jobTitle: 'Directeur du centre social', category: 'associatif', organisation: 'centre-social', commune: 0 },
  { civility: 'mme', firstName: 'Élodie', lastName: 'Essai', jobTitle: 'Conseillère territoriale', category: 'partenaire', organisation: 'caf', commune: 0 },
  { civility: 'm', firstName: 'François', lastName: 'Témoin', jobTitle: 'Travailleur social', category: 'partenaire', organisation: 'msa', commune: 0 },
  { civility: 'mme', firstName: 'Gaëlle', lastName: 'Prototype', jobTitle: 'Responsable de la maison des solidarités', category: 'partenaire', organisation: 'departement', commune: 0 },
  { civility: 'm', firstName: 'Hugo', lastName: 'Spécimen', jobTitle: 'Coordinateur de la maison de santé', category: 'partenaire', organisation: 'maison-de-sante', commune: 0 },
  { civility: 'mme', firstName: 'Inès', lastName: 'Échantillon', jobTitle: 'Présidente d’association de parents', category: 'associatif', organisation: 'association', commune: 1 },
  { civility: 'm', firstName: 'Julien', lastName: 'Esquisse', jobTitle: 'Bénévole du club des aînés', category: 'associatif', organisation: 'club', commune: 2 },
  { civility: 'mme', firstName: 'Karima', lastName: 'Simulation', jobTitle: '', category: 'habitant', organisation: null, commune: 1 },
  { civility: 'm', firstName: 'Louis', lastName: 'Scénario', jobTitle: '', category: 'habitant', organisation: null, commune: 2 },
  { civility: 'mme', firstName: 'Maryse', lastName: 'Exemplaire', jobTitle: '', category: 'habitant', organisation: null, commune: 3 },
  { civility: 'm', firstName: 'Nicolas', lastName: 'Brouillon', jobTitle: '', category: 'habitant', organisation: null, commune: 4 },
  { civility: 'mme', firstName: 'Odile', lastName: 'Ébauche', jobTitle: '', category: 'habitant', organisation: null, commune: 5 },
  { civility: 'm', firstName: 'Pascal', lastName: 'Canevas', jobTitle: '', category: 'habitant', organisation: null, commune: 6 },
  { civility: 'mme', firstName: 'Rachida', lastName: 'Gabarit', jobTitle: '', category: 'habitant', organisation: null, commune: 7 },
  { civility: 'm', firstName: 'Thierry', lastName: 'Patron', jobTitle: '', category: 'habitant', organisation: null, commune: 8 },
];

/** The chargée de mission who signs the demo's documents: "Mme Claire Démo". */
export const DEMO_AUTHOR_NAME = personName(PEOPLE.find((seed) => seed.category === 'technicien')!);

function personName(seed: PersonSeed): string {
  return `${seed.civility === 'mme' ? 'Mme' : 'M.'} ${seed.firstName} ${seed.lastName}`;
}

export interface DemoPerson {
  id: string;
  seed: PersonSeed;
  /** "Mme Claire Démo". */
  name: string;
}

export interface DemoPeople {
  all: DemoPerson[];
  elected: DemoPerson[];
  professionals: DemoPerson[];
  residents: DemoPerson[];
  /** The chargée de mission: author of the observations, organiser of the meetings. */
  author: DemoPerson;
}

/** Letters a mail address takes: "Élodie" → "elodie". */
function mailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');
}

function createOrganisations(context: DemoContext): Record<OrganisationRole, (commune: number) => string> {
  const { directory } = context.docs;
  const { epci, communes, departementName } = context.territory;
  const cache = new Map<string, string>();
  const organisation = (key: string, name: string, kind: OrganisationKind, commune: number) => {
    const known = cache.get(key);
    if (known) return known;
    const place = communes[commune % communes.length]!;
    const id = createOrganisation(directory, { name, kind, communeCode: place.code, communeName: place.name }, context.origin, context.tick());
    cache.set(key, id);
    return id;
  };
  return {
    epci: () => organisation('epci', epci.name, 'epci', 0),
    mairie: (commune) => organisation(`mairie-${commune}`, `Mairie de ${communes[commune % communes.length]!.name}`, 'commune', commune),
    caf: () => organisation('caf', `CAF – ${departementName}`, 'caf', 0),
    msa: () => organisation('msa', `MSA – ${departementName}`, 'msa', 0),
    departement: () => organisation('departement', `Conseil départemental – ${departementName}`, 'departement', 0),
    'centre-social': () => organisation('centre-social', 'Centre social « Les Exemples » (fictif)', 'association', 0),
    'maison-de-sante': () => organisation('maison-de-sante', 'Maison de santé pluriprofessionnelle (fictive)', 'autre', 0),
    association: () => organisation('association', 'Association de parents « Les Petits Fictifs »', 'association', 1),
    club: () => organisation('club', 'Club des aînés « L’Âge d’or exemplaire »', 'association', 2),
  };
}

/** Creates the organisations and the people in the directory, with the GDPR fields filled in. */
export function createDemoPeople(context: DemoContext, consentDate: string): DemoPeople {
  const organisations = createOrganisations(context);
  const { communes } = context.territory;
  const retentionUntil = addMonthsToIsoDate(context.isoDate(0), 36);
  const all = PEOPLE.map((seed, index): DemoPerson => {
    const place = communes[seed.commune % communes.length]!;
    const resident = seed.category === 'habitant';
    const legalBasis: LegalBasis = resident ? 'consent' : 'public-interest';
    const id = createContact(
      context.docs.directory,
      {
        civility: seed.civility,
        firstName: seed.firstName,
        lastName: seed.lastName,
        jobTitle: seed.jobTitle,
        organisationId: seed.organisation ? organisations[seed.organisation](seed.commune) : null,
        category: seed.category,
        communeCode: place.code,
        communeName: place.name,
        email: `${mailPart(seed.firstName)}.${mailPart(seed.lastName)}@example.org`,
        phone: resident ? '' : `01 99 00 ${String(10 + index).padStart(2, '0')} ${String(20 + 3 * index).padStart(2, '0')}`,
        notes: 'Personne fictive de la mission exemple : ni ce nom ni ces coordonnées ne désignent quelqu’un.',
        legalBasis,
        consentDate: resident ? consentDate : null,
        dataSource: resident ? 'Mission exemple : fiche de consentement remplie à l’atelier (fictive)' : 'Mission exemple : annuaire des partenaires (fictif)',
        retentionUntil,
      },
      context.origin,
      context.tick(),
    );
    return { id, seed, name: personName(seed) };
  });
  const author = all.find((person) => person.seed.category === 'technicien')!;
  return {
    all,
    elected: all.filter((person) => person.seed.category === 'elu'),
    professionals: all.filter((person) => ['technicien', 'partenaire', 'associatif'].includes(person.seed.category)),
    residents: all.filter((person) => person.seed.category === 'habitant'),
    author,
  };
}
