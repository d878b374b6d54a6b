import { useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { MEETING_KINDS, type MeetingKind, type MeetingSchedule } from '@shared/meetings/meeting-model';
import { createMeeting } from '@shared/meetings/meeting-operations';
import { validateMeetingInput, type MeetingErrors } from '@shared/meetings/meeting-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { refusalMessage } from '../diagnostic-links/operation-error';
import { TextField } from '../diagnostic-links/text-field';
import { SelectField } from '../directory/select-field';
import { ScheduleChoice } from './schedule-choice';
import { TimeField } from './time-field';

interface Values {
  kind: MeetingKind;
  title: string;
  date: string;
  schedule: MeetingSchedule;
  startTime: string;
  endTime: string;
}

const EMPTY: Values = { kind: 'atelier', title: '', date: '', schedule: 'single', startTime: '', endTime: '' };

function toInput(values: Values) {
  return {
    ...values,
    date: values.date || null,
    startTime: values.startTime || null,
    endTime: values.endTime || null,
  };
}

/** Plans a meeting: what, when; the place, the agenda and the invitations follow on its page. */
export function NewMeetingForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (id: string) => void }) {
  const id = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<MeetingErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  function change(patch: Partial<Values>) {
    setValues((previous) => ({ ...previous, ...patch }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateMeetingInput(toInput(values));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.title) titleRef.current?.focus();
      return;
    }
    try {
      onCreated(createMeeting(doc, toInput(values), LOCAL_ORIGIN));
    } catch (error) {
      setFailure(refusalMessage(error));
    }
  }

  return (
    <form autoComplete="off" className="form qualitative-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Nouvelle réunion</h3>
      <div className="field-row">
        <SelectField id={`${id}-kind`} label="Type de réunion" options={MEETING_KINDS} disabled={readOnly} value={values.kind} onChange={(kind) => change({ kind })} />
        <TextField
          id={`${id}-name`}
          label="Titre de la réunion"
          required
          fieldRef={titleRef}
          disabled={readOnly}
          value={values.title}
          error={errors.title}
          onChange={(title) => change({ title })}
        />
      </div>
      <div className="field-row">
        <TextField id={`${id}-date`} label="Date" type="date" disabled={readOnly} value={values.date} error={errors.date} onChange={(date) => change({ date })} />
        <TimeField id={`${id}-start`} label="Heure de début" disabled={readOnly} value={values.startTime} error={errors.startTime} onChange={(startTime) => change({ startTime })} />
        <TimeField id={`${id}-end`} label="Heure de fin" disabled={readOnly} value={values.endTime} error={errors.endTime} onChange={(endTime) => change({ endTime })} />
      </div>
      <ScheduleChoice name={`${id}-schedule`} value={values.schedule} disabled={readOnly} onChange={(schedule) => change({ schedule })} />
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={readOnly}>
        Créer la réunion
      </button>
    </form>
  );
}
