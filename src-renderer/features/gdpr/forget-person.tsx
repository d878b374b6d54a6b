import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { contactDisplayName, type Contact } from '@shared/directory/contact-model';
import type { BoardMentionPlace } from '@shared/erasure/person-erasure';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { forgetPerson, type ForgetPersonReport, type MissionMention } from '../../app/person-erasure';
import { refusalMessage } from '../diagnostic-links/operation-error';
import { finishErasureAndReload } from './erasure-banner';

/** Where a mention sits, in the words of the mission's navigation. */
const ROOT_PLACES: Readonly<Record<string, { label: string; section: string }>> = {
  'diagnostic.observations': { label: 'Constat', section: 'constats' },
  'diagnostic.afom': { label: 'AFOM', section: 'afom' },
  'diagnostic.enjeux': { label: 'Enjeu', section: 'enjeux' },
  'diagnostic.orientations': { label: 'Orientation', section: 'orientations' },
  'diagnostic.actionSheets': { label: 'Fiche action', section: 'fiches-actions' },
  meetings: { label: 'Réunion', section: 'reunions' },
};

/** What the erasure changed on workshop boards, or nothing when the person had no card nor dot. */
function boardSentence({ cardsAnonymised, votesAnonymised }: Pick<ForgetPersonReport, 'cardsAnonymised' | 'votesAnonymised'>): string {
  const changes: string[] = [];
  if (cardsAnonymised === 1) changes.push('1 carte qu’elle avait écrite est devenue anonyme');
  if (cardsAnonymised > 1) changes.push(`${cardsAnonymised} cartes qu’elle avait écrites sont devenues anonymes`);
  if (votesAnonymised > 0) {
    changes.push(`ses gommettes sur ${votesAnonymised} carte${votesAnonymised > 1 ? 's' : ''} sont comptées sans son nom (les résultats ne changent pas)`);
  }
  return changes.length === 0 ? '' : `Sur les tableaux d’atelier, ${changes.join(' et ')}.`;
}

/** "Tableau « Atelier AFOM », carte": where on a workshop board the name is written. */
function boardPlaceLabel(board: BoardMentionPlace): string {
  const title = board.boardTitle.trim() ? `Tableau « ${board.boardTitle.trim()} »` : 'Tableau d’atelier';
  if (board.cardId) return `${title}, carte`;
  if (board.clusterId) return `${title}, regroupement`;
  return title;
}

function MentionLink({ entry }: { entry: MissionMention }) {
  const board = entry.mention.board;
  if (board) {
    return (
      <>
        <Link href={ROUTES.board(entry.missionId, board.boardId)}>
          {entry.missionTitle || 'Mission sans titre'} — {boardPlaceLabel(board)}
        </Link>{' '}
        : « {entry.mention.excerpt} »
      </>
    );
  }
  const place = ROOT_PLACES[entry.mention.root];
  const label = `${entry.missionTitle || 'Mission sans titre'} — ${place?.label ?? 'Fiche mission'}`;
  const href = place
    ? ROUTES.missionSection(entry.missionId, place.section, entry.mention.recordId ?? undefined)
    : ROUTES.mission(entry.missionId);
  return (
    <>
      <Link href={href}>{label}</Link> : « {entry.mention.excerpt} »
    </>
  );
}

/**
 * What the erasure did, the free texts still naming the person, and the last step: rewriting this
 * machine's storage, after which the app reloads.
 */
export function ErasureReport({ report }: { report: ForgetPersonReport }) {
  const session = useSession();
  const [purging, setPurging] = useState(false);
  const [error, setError] = useState('');

  async function finish() {
    setPurging(true);
    try {
      await finishErasureAndReload(session);
    } catch (caught) {
      setError(
        `Le nettoyage du stockage local a échoué (${caught instanceof Error ? caught.message : String(caught)}). ` +
          'La personne est effacée des documents ; Bocage reprendra le nettoyage au prochain démarrage.',
      );
    }
  }

  return (
    <section aria-labelledby="erased-heading" className="notice">
      <h3 id="erased-heading">La personne a été effacée</h3>
      <p>
        Retirée de l’annuaire et de {report.meetingsTouched} réunion{report.meetingsTouched > 1 ? 's' : ''} (présences et
        signatures) dans {report.missions} mission{report.missions > 1 ? 's' : ''} ; {report.authorFieldsCleared} constat
        {report.authorFieldsCleared > 1 ? 's' : ''} ne la cite{report.authorFieldsCleared > 1 ? 'nt' : ''} plus comme auteur.
        {boardSentence(report)} L’effacement part vers le serveur et vos collègues à la prochaine synchronisation.
      </p>
      {report.mentions.length > 0 && (
        <>
          <p>
            Son nom apparaît encore dans ces textes libres. Bocage ne réécrit pas vos textes : relisez-les et retirez le nom si
            nécessaire, puis terminez l’effacement.
          </p>
          <ul>
            {report.mentions.map((entry, index) => (
              <li key={`${entry.missionId}-${entry.mention.recordId ?? ''}-${entry.mention.field}-${index}`}>
                <MentionLink entry={entry} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        Dernière étape : réécrire le stockage de cet ordinateur pour qu’il n’y reste aucune trace. L’application se recharge
        ensuite.
      </p>
      <button type="button" className="button button--primary" onClick={() => void finish()} disabled={purging}>
        {purging ? 'Nettoyage en cours…' : 'Terminer l’effacement'}
      </button>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** "Oublier cette personne": a confirmation that says what will disappear, then the erasure. */
export function ForgetPerson({
  contact,
  readOnly,
  onErased,
}: {
  contact: Contact;
  readOnly: boolean;
  onErased: (report: ForgetPersonReport) => void;
}) {
  const session = useSession();
  const [erasing, setErasing] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState('');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const name = contactDisplayName(contact) || 'ce contact';

  function openConfirmation() {
    setConfirmed(false);
    setError('');
    dialogRef.current?.showModal();
  }

  async function erase() {
    setErasing(true);
    try {
      const report = await forgetPerson(session, contact.id);
      dialogRef.current?.close();
      onErased(report);
    } catch (caught) {
      setError(refusalMessage(caught));
      setErasing(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--danger" onClick={openConfirmation} disabled={readOnly}>
        Oublier cette personne…
      </button>
      <dialog ref={dialogRef} aria-labelledby={titleId} className="dialog">
        <h3 id={titleId}>Oublier {name} ?</h3>
        <p>Seront effacés définitivement, sur cet ordinateur, sur le serveur et chez vos collègues :</p>
        <ul>
          <li>sa fiche dans l’annuaire ;</li>
          <li>ses présences, signatures et consentements dans toutes les réunions de toutes les missions ;</li>
          <li>son nom comme auteur de constats ;</li>
          <li>
            son nom sur les tableaux d’atelier : ses cartes restent mais deviennent anonymes, ses gommettes restent comptées sans son
            nom.
          </li>
        </ul>
        <p>Cet effacement ne peut pas être annulé. Pensez à exporter ses données d’abord si la personne les a demandées.</p>
        <div className="field field--checkbox">
          <input id={`${titleId}-confirm`} type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          <label htmlFor={`${titleId}-confirm`}>Je confirme l’effacement définitif de {name}</label>
        </div>
        {error && <p role="alert">{error}</p>}
        <div className="actions">
          <button type="button" className="button button--danger" onClick={() => void erase()} disabled={!confirmed || erasing}>
            {erasing ? 'Effacement…' : 'Oublier définitivement'}
          </button>
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            Annuler
          </button>
        </div>
      </dialog>
    </>
  );
}
