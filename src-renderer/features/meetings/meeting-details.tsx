import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { TerritoryCommune } from '@shared/model/mission';
import { MEETING_KINDS, type Meeting } from '@shared/meetings/meeting-model';
import { updateMeeting } from '@shared/meetings/meeting-operations';
import type { MeetingInput } from '@shared/meetings/meeting-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { SavedSelect, SavedTextField } from '../diagnostic-links/saved-fields';
import { CommuneInput } from './commune-input';
import { ScheduleChoice } from './schedule-choice';
import { TimeField } from './time-field';

interface MeetingDetailsProps {
  doc: Y.Doc;
  meeting: Meeting;
  communes: readonly TerritoryCommune[];
  readOnly: boolean;
}

/** A time saved as it is picked; an impossible one (end before start) stays on screen with the reason. */
function SavedTimeField({ label, value, readOnly, onSave }: { label: string; value: string | null; readOnly: boolean; onSave: (time: string | null) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <TimeField
      id={id}
      label={label}
      value={draft ?? value ?? ''}
      readOnly={readOnly}
      error={error}
      onChange={(next) => {
        if (readOnly) return;
        const refusal = attempt(() => onSave(next || null));
        setDraft(refusal ? next : null);
        setError(refusal);
      }}
    />
  );
}

/** Everything about the meeting except who comes, saved as it is typed. */
export function MeetingDetails({ doc, meeting, communes, readOnly }: MeetingDetailsProps) {
  const id = useId();
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const save = (patch: Partial<MeetingInput>) => updateMeeting(doc, meeting.id, patch, LOCAL_ORIGIN);

  return (
    <section aria-labelledby={`${id}-title`} className="meeting-details">
      <h3 id={`${id}-title`}>Informations de la réunion</h3>
      <div className="field-row">
        <SavedSelect label="Type de réunion" value={meeting.kind} options={MEETING_KINDS} readOnly={readOnly} onSave={(kind) => save({ kind })} />
        <SavedTextField label="Titre de la réunion" value={meeting.title} readOnly={readOnly} required onSave={(title) => save({ title })} />
      </div>
      <div className="field-row">
        <SavedTextField label="Date" type="date" value={meeting.date ?? ''} readOnly={readOnly} onSave={(date) => save({ date: date || null })} />
        <SavedTimeField label="Heure de début" value={meeting.startTime} readOnly={readOnly} onSave={(startTime) => save({ startTime })} />
        <SavedTimeField label="Heure de fin" value={meeting.endTime} readOnly={readOnly} onSave={(endTime) => save({ endTime })} />
      </div>
      <ScheduleChoice
        name={`${id}-schedule`}
        value={meeting.schedule}
        disabled={readOnly}
        onChange={(schedule) => setScheduleError(attempt(() => save({ schedule })))}
      />
      {scheduleError && (
        <p className="field-error" role="alert">
          {scheduleError}
        </p>
      )}
      <div className="field-row">
        <CommuneInput
          id={`${id}-commune`}
          label="Commune"
          value={meeting.communeName}
          communes={communes}
          disabled={readOnly}
          error={placeError}
          onChange={(commune) => setPlaceError(attempt(() => save(commune)))}
        />
        <SavedTextField label="Salle" value={meeting.room} readOnly={readOnly} onSave={(room) => save({ room })} />
      </div>
      <SavedTextField
        label="Organisateur"
        value={meeting.organiser}
        readOnly={readOnly}
        hint="Imprimé en tête de la feuille d’émargement (par exemple : CAF de la Corrèze)."
        onSave={(organiser) => save({ organiser })}
      />
      <SavedTextField label="Ordre du jour" value={meeting.agenda} readOnly={readOnly} multiline rows={5} onSave={(agenda) => save({ agenda })} />
    </section>
  );
}
