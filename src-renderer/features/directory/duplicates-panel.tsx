import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { findDuplicateContacts, type DuplicatePair } from '@shared/directory/contact-duplicates';
import { contactSortName, type Contact } from '@shared/directory/contact-model';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { formatInteger } from '@shared/format/french-format';
import { ROUTES } from '../../app/routes';
import { useOrganisationNames } from './directory-data';
import { MergeDialog } from './merge-dialog';

interface DuplicatesPanelProps {
  doc: Y.Doc;
  snapshot: DirectorySnapshot;
  readOnly: boolean;
}

function placeOf(contact: Contact, organisationNames: ReadonlyMap<string, string>): string {
  return [contact.organisationId ? organisationNames.get(contact.organisationId) : '', contact.communeName].filter(Boolean).join(', ');
}

/** People who may have been typed twice, pair by pair with the reason, and the way to merge them. */
export function DuplicatesPanel({ doc, snapshot, readOnly }: DuplicatesPanelProps) {
  const id = useId();
  // Detection runs after the page has answered the keystroke or the click that changed the directory.
  const deferredSnapshot = useDeferredValue(snapshot);
  const groups = useMemo(() => findDuplicateContacts(deferredSnapshot), [deferredSnapshot]);
  const contacts = useMemo(() => new Map(snapshot.contacts.map((contact) => [contact.id, contact])), [snapshot]);
  const organisationNames = useOrganisationNames(snapshot);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [merged, setMerged] = useState('');
  const pairs = groups.flatMap((group) => group.pairs).filter((pair) => contacts.has(pair.firstId) && contacts.has(pair.secondId));
  const mergingPair = merging ? ([contacts.get(merging.firstId), contacts.get(merging.secondId)] as const) : null;

  return (
    <section aria-labelledby={`${id}-title`} className="directory-duplicates">
      <h2 id={`${id}-title`}>Doublons possibles{pairs.length > 0 ? ` (${formatInteger(pairs.length)})` : ''}</h2>
      {merged && (
        <p role="status" className="confirmation">
          {merged}
        </p>
      )}
      {pairs.length === 0 ? (
        <p>Aucun doublon possible : chaque personne semble n’apparaître qu’une fois.</p>
      ) : (
        <>
          <p className="hint">Même e-mail ou téléphone, nom écrit autrement, prénom et nom inversés, une lettre de différence : vérifiez, puis fusionnez les fiches d’une même personne.</p>
          <ul className="directory-duplicates__list" aria-label="Doublons possibles">
            {pairs.map((pair) => {
              const first = contacts.get(pair.firstId);
              const second = contacts.get(pair.secondId);
              if (!first || !second) return null;
              const names = `${contactSortName(first)} et ${contactSortName(second)}`;
              return (
                <li key={`${pair.firstId}|${pair.secondId}`} className="record-card">
                  <div className="record-card__body">
                    <p className="record-card__title">
                      <Link href={ROUTES.contact(first.id)}>{contactSortName(first)}</Link>
                      {placeOf(first, organisationNames) && ` (${placeOf(first, organisationNames)})`} et <Link href={ROUTES.contact(second.id)}>{contactSortName(second)}</Link>
                      {placeOf(second, organisationNames) && ` (${placeOf(second, organisationNames)})`}
                    </p>
                    <p className="record-card__meta">{pair.reason}</p>
                    <button type="button" className="button" disabled={readOnly} aria-label={`Fusionner ${names}…`} onClick={() => setMerging(pair)}>
                      Fusionner…
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {merging && mergingPair && mergingPair[0] && mergingPair[1] && (
        <MergeDialog
          doc={doc}
          pair={[mergingPair[0], mergingPair[1]]}
          reason={merging.reason}
          organisationNames={organisationNames}
          onClose={() => setMerging(null)}
          onMerged={(survivor) => {
            setMerging(null);
            setMerged(`Fiches fusionnées : ${contactSortName(survivor)}.`);
          }}
        />
      )}
    </section>
  );
}
