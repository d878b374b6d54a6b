import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { AttendanceStatus, ConsentAnswer } from '@shared/meetings/meeting-model';
import { clearSignature, setAttendance, setPhotoConsent, setRecordingConsent, setSignature } from '@shared/meetings/meeting-operations';
import type { MeetingParticipantRow, ParticipantSignature } from '@shared/meetings/participant-rows';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { ConsentChoice } from './consent-choice';
import { SignatureImage } from './signature-image';
import { SignaturePad } from './signature-pad';

const STATUS_BUTTONS: readonly { status: Exclude<AttendanceStatus, 'expected'>; label: string; announced: string }[] = [
  { status: 'present', label: 'Présent', announced: 'présent·e' },
  { status: 'excused', label: 'Excusé', announced: 'excusé·e' },
  { status: 'absent', label: 'Absent', announced: 'absent·e' },
];

interface CheckInRowProps {
  doc: Y.Doc;
  meetingId: string;
  row: MeetingParticipantRow;
  disabled: boolean;
  /** Says what just happened to screen reader users (and to everyone, in the status line). */
  announce: (message: string) => void;
}

function signatureLabel(row: MeetingParticipantRow, entry: ParticipantSignature): string {
  return `Signature de ${row.displayName} — ${entry.slot.label}`;
}

/** One slot: the captured signature with the way to clear it, or the pad to sign in. */
function SignatureSlot({ doc, meetingId, row, entry, disabled, announce }: CheckInRowProps & { entry: ParticipantSignature }) {
  const [error, setError] = useState<string | null>(null);
  const label = signatureLabel(row, entry);
  return (
    <div role="group" aria-label={`Signature — ${entry.slot.label}`} className="signature-slot">
      <p className="signature-slot__title">{entry.slot.label}</p>
      {entry.signature ? (
        <>
          <SignatureImage encoded={entry.signature} label={`${label}, enregistrée`} />
          <button
            type="button"
            className="button"
            disabled={disabled}
            onClick={() => {
              const refusal = attempt(() => clearSignature(doc, meetingId, row.contactId, entry.slot.id, LOCAL_ORIGIN));
              setError(refusal);
              if (!refusal) announce(`Signature de ${row.displayName} effacée (${entry.slot.label}).`);
            }}
          >
            Effacer la signature
          </button>
        </>
      ) : (
        <SignaturePad
          label={label}
          disabled={disabled}
          onValidate={(encoded) => {
            const refusal = attempt(() => setSignature(doc, meetingId, row.contactId, entry.slot.id, encoded, LOCAL_ORIGIN));
            if (!refusal) announce(`Signature de ${row.displayName} enregistrée (${entry.slot.label}) : présent·e.`);
            return refusal;
          }}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A person on the check-in list: large buttons for their attendance, their signatures per slot,
 * and their photo and recording consents behind a disclosure to keep the list short.
 */
export function CheckInRow(props: CheckInRowProps) {
  const { doc, meetingId, row, disabled, announce } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function mark(status: AttendanceStatus, announced: string) {
    // Pressing the pressed button again undoes a mis-tap: back to "not checked in yet".
    const next = row.attendance === status ? 'expected' : status;
    const refusal = attempt(() => setAttendance(doc, meetingId, row.contactId, next, LOCAL_ORIGIN));
    setError(refusal);
    if (!refusal) announce(next === 'expected' ? `${row.displayName} : présence annulée.` : `${row.displayName} : ${announced}.`);
  }

  function consent(setter: typeof setPhotoConsent, answer: ConsentAnswer | null) {
    setError(attempt(() => setter(doc, meetingId, row.contactId, answer, LOCAL_ORIGIN)));
  }

  const signed = row.signatures.filter((entry) => entry.signature !== null);
  return (
    <li className={`check-in-row check-in-row--${row.attendance}`} aria-labelledby={`${id}-name`}>
      <div className="check-in-row__person">
        <p id={`${id}-name`} className="check-in-row__name">
          {row.sortName}
          {!row.invited && <span className="badge"> Non inscrit·e</span>}
        </p>
        <p className="check-in-row__detail">
          {[row.organisationName, row.categoryLabel, row.communeName].filter(Boolean).join(' · ')}
          {row.organisationName || row.categoryLabel || row.communeName ? ' · ' : ''}
          <strong>{row.attendanceLabel}</strong>
        </p>
        {signed.length > 0 && (
          <p className="check-in-row__signatures">
            {signed.map((entry) => (
              <SignatureImage key={entry.slot.id} encoded={entry.signature ?? ''} label={`${signatureLabel(row, entry)}, enregistrée`} />
            ))}
          </p>
        )}
      </div>
      <div role="group" aria-label={`Présence de ${row.displayName}`} className="check-in-row__status">
        {STATUS_BUTTONS.map((button) => (
          <button
            key={button.status}
            type="button"
            className={`button check-in-button check-in-button--${button.status}`}
            aria-pressed={row.attendance === button.status}
            disabled={disabled}
            onClick={() => mark(button.status, button.announced)}
          >
            {button.label}
            <span className="visually-hidden"> : {row.displayName}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="button check-in-row__toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((previous) => !previous)}
      >
        Signature et consentements<span className="visually-hidden"> : {row.displayName}</span>
      </button>
      {error && (
        <p className="field-error check-in-row__error" role="alert">
          {error}
        </p>
      )}
      <div id={`${id}-panel`} className="check-in-row__panel" hidden={!open}>
        {open && (
          <>
            <div className="signature-slots">
              {row.signatures.map((entry) => (
                <SignatureSlot key={entry.slot.id} {...props} entry={entry} />
              ))}
            </div>
            <p className="hint">
              La personne ne peut pas signer à l’écran, ou vous n’utilisez que le clavier ? Faites-la signer la feuille papier imprimée, puis
              marquez-la présente ici : la feuille signée fait foi.
            </p>
            <button
              type="button"
              className="button"
              disabled={disabled}
              onClick={() => {
                const refusal = attempt(() => setAttendance(doc, meetingId, row.contactId, 'present', LOCAL_ORIGIN));
                setError(refusal);
                if (!refusal) announce(`${row.displayName} : présent·e, signature sur la feuille papier.`);
              }}
            >
              Signature sur la feuille papier<span className="visually-hidden"> : {row.displayName}</span>
            </button>
            <div className="consents">
              <ConsentChoice legend={`Photos de ${row.displayName}`} value={row.photoConsent} disabled={disabled} onChange={(answer) => consent(setPhotoConsent, answer)} />
              <ConsentChoice
                legend={`Enregistrement de ${row.displayName}`}
                value={row.recordingConsent}
                disabled={disabled}
                onChange={(answer) => consent(setRecordingConsent, answer)}
              />
            </div>
          </>
        )}
      </div>
    </li>
  );
}
