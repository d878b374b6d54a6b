import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { CONTACT_CATEGORIES, contactSortName, type ContactCategory } from '@shared/directory/contact-model';
import { restoreContact } from '@shared/directory/contact-operations';
import { CONTACT_SORTS, directoryCommunes, prepareContactSearch, type ContactSort } from '@shared/directory/contact-search';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { formatInteger } from '@shared/format/french-format';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { attempt } from '../diagnostic-links/operation-error';
import { liveOrganisations, shortCategoryLabel, useOrganisationNames } from './directory-data';
import { SelectField } from './select-field';

/** Rows drawn at once: a plain table stays quick with a few hundred rows, and "Afficher plus" brings the next ones. */
const PAGE_SIZE = 100;

export interface ContactListFilters {
  query: string;
  category: ContactCategory | '';
  commune: string;
  organisationId: string;
  sort: Exclude<ContactSort, 'relevance'>;
  trash: boolean;
}

type ListSortOption = Extract<(typeof CONTACT_SORTS)[number], { id: ContactListFilters['sort'] }>;
const SORT_OPTIONS = CONTACT_SORTS.filter((sort): sort is ListSortOption => sort.id !== 'relevance');

export const NO_FILTERS: ContactListFilters = { query: '', category: '', commune: '', organisationId: '', sort: 'name', trash: false };

function countText(count: number, total: number, trash: boolean): string {
  const noun = trash ? (count > 1 ? 'contacts dans la corbeille' : 'contact dans la corbeille') : count > 1 ? 'contacts' : 'contact';
  if (count === 0) return trash ? 'La corbeille est vide.' : 'Aucun contact ne correspond.';
  return count === total || trash ? `${formatInteger(count)} ${noun}` : `${formatInteger(count)} ${noun} sur ${formatInteger(total)}`;
}

interface ContactListProps {
  doc: Y.Doc;
  snapshot: DirectorySnapshot;
  readOnly: boolean;
  filters: ContactListFilters;
  onFiltersChange: (filters: ContactListFilters) => void;
}

/** The contacts of the directory: search, filters, sort, and a table drawn a hundred rows at a time. */
export function ContactList({ doc, snapshot, readOnly, filters, onFiltersChange }: ContactListProps) {
  const id = useId();
  const [shown, setShown] = useState({ filters, count: PAGE_SIZE });
  const [failure, setFailure] = useState<string | null>(null);
  const search = useMemo(() => prepareContactSearch(snapshot), [snapshot]);
  const organisationNames = useOrganisationNames(snapshot);
  const organisationOptions = useMemo(
    () => liveOrganisations(snapshot).map((organisation) => ({ id: organisation.id, label: organisation.name })),
    [snapshot],
  );
  const communeOptions = useMemo(
    () => directoryCommunes(snapshot).map((commune) => ({ id: commune.key, label: `${commune.label} (${formatInteger(commune.count)})` })),
    [snapshot],
  );
  const total = useMemo(() => snapshot.contacts.filter((contact) => contact.trashedAt === null).length, [snapshot]);
  const results = useMemo(
    () =>
      search(filters.query, {
        category: filters.category || null,
        commune: filters.commune || null,
        organisationId: filters.organisationId || null,
        sort: filters.sort,
        trashed: filters.trash ? 'only' : 'exclude',
      }),
    [search, filters],
  );
  // New filters start again from the first page.
  const visibleCount = shown.filters === filters ? shown.count : PAGE_SIZE;
  const visible = results.slice(0, visibleCount);
  const set = <K extends keyof ContactListFilters>(field: K, value: ContactListFilters[K]) => onFiltersChange({ ...filters, [field]: value });

  return (
    <section aria-labelledby={`${id}-title`} className="directory-contacts">
      <h2 id={`${id}-title`} tabIndex={-1}>
        Contacts
      </h2>
      <div className="filters" role="search" aria-label="Rechercher et filtrer les contacts">
        <div className="field directory-search">
          <label htmlFor={`${id}-query`}>Rechercher un contact</label>
          <input
            id={`${id}-query`}
            type="search"
            autoComplete="off"
            aria-describedby={`${id}-query-hint`}
            value={filters.query}
            onChange={(event) => set('query', event.target.value)}
          />
          <p id={`${id}-query-hint`} className="hint">
            Nom, prénom, organisation, commune, fonction ou e-mail, sans se soucier des accents.
          </p>
        </div>
        <SelectField id={`${id}-category`} label="Catégorie" emptyLabel="Toutes" options={CONTACT_CATEGORIES} value={filters.category} onChange={(category) => set('category', category)} />
        <SelectField id={`${id}-commune`} label="Commune" emptyLabel="Toutes" options={communeOptions} value={filters.commune} onChange={(commune) => set('commune', commune)} />
        <SelectField
          id={`${id}-organisation`}
          label="Organisation"
          emptyLabel="Toutes"
          options={organisationOptions}
          value={filters.organisationId}
          onChange={(organisationId) => set('organisationId', organisationId)}
        />
        <SelectField id={`${id}-sort`} label="Trier par" options={SORT_OPTIONS} value={filters.sort} onChange={(sort) => set('sort', sort)} />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={filters.trash} onChange={(event) => set('trash', event.target.checked)} />
            Afficher la corbeille
          </label>
        </div>
      </div>
      <p role="status" className="result-count">
        {countText(results.length, total, filters.trash)}
      </p>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {results.length > 0 && (
        <div className="table-wrapper">
          <table className="data-table directory-table">
            <caption className="visually-hidden">{filters.trash ? 'Contacts dans la corbeille' : 'Contacts de l’annuaire'}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Fonction</th>
                <th scope="col">Organisation</th>
                <th scope="col">Catégorie</th>
                <th scope="col">Commune</th>
                {filters.trash && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {visible.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">
                    <Link href={ROUTES.contact(contact.id)}>{contactSortName(contact) || contact.email || 'Contact sans nom'}</Link>
                  </th>
                  <td>{contact.jobTitle}</td>
                  <td>{contact.organisationId ? (organisationNames.get(contact.organisationId) ?? '') : ''}</td>
                  <td>{shortCategoryLabel(contact)}</td>
                  <td>{contact.communeName}</td>
                  {filters.trash && (
                    <td>
                      <button
                        type="button"
                        className="button"
                        disabled={readOnly}
                        aria-label={`Restaurer ${contactSortName(contact)}`}
                        onClick={() => setFailure(attempt(() => restoreContact(doc, contact.id, LOCAL_ORIGIN)))}
                      >
                        Restaurer
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {results.length > visible.length && (
        <button type="button" className="button" onClick={() => setShown({ filters, count: visibleCount + PAGE_SIZE })}>
          Afficher {formatInteger(Math.min(PAGE_SIZE, results.length - visible.length))} contacts de plus (sur {formatInteger(results.length - visible.length)} restants)
        </button>
      )}
    </section>
  );
}
