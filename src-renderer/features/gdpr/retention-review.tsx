import { Link } from 'wouter';
import { contactSortName, type Contact } from '@shared/directory/contact-model';
import { formatIsoDate } from '@shared/format/french-format';
import { ROUTES } from '../../app/routes';

/** Contacts kept past their retention date (or without one): each is kept with a reason, or erased. */
export function RetentionReview({ due }: { due: readonly Contact[] }) {
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">Contacts à réexaminer</h2>
      <p className="hint">
        Un contact dont la date de conservation est dépassée doit être soit prolongé (avec une raison, par exemple une
        nouvelle participation), soit effacé.
      </p>
      {due.length === 0 ? (
        <p>Aucun contact n’a dépassé sa date de conservation.</p>
      ) : (
        <table className="data-table">
          <caption>
            {due.length === 1 ? '1 contact a dépassé sa date de conservation' : `${due.length} contacts ont dépassé leur date de conservation`}{' '}
            ou n’en ont pas
          </caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Conserver jusqu’au</th>
              <th scope="col">Origine des données</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {due.map((contact) => (
              <tr key={contact.id}>
                <th scope="row">{contactSortName(contact) || 'Contact sans nom'}</th>
                <td>{contact.retentionUntil ? formatIsoDate(contact.retentionUntil) : 'Aucune date'}</td>
                <td>{contact.dataSource || 'Non renseignée'}</td>
                <td>
                  <Link href={ROUTES.contact(contact.id)}>Modifier la fiche</Link>
                  {' · '}
                  <Link href={ROUTES.gdprPerson(contact.id)}>Droits et effacement</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
