import type { MeetingSchedule } from '@shared/meetings/meeting-model';

const SCHEDULES: readonly { id: MeetingSchedule; label: string }[] = [
  { id: 'single', label: 'Une séance (une signature)' },
  { id: 'full-day', label: 'Journée entière (signature le matin et l’après-midi)' },
];

/** Whether people sign once, or once in the morning and once in the afternoon. */
export function ScheduleChoice({ name, value, disabled, onChange }: { name: string; value: MeetingSchedule; disabled: boolean; onChange: (schedule: MeetingSchedule) => void }) {
  return (
    <fieldset className="field">
      <legend>Déroulé</legend>
      {SCHEDULES.map((schedule) => (
        <label key={schedule.id} className="checkbox">
          <input type="radio" name={name} value={schedule.id} checked={value === schedule.id} disabled={disabled} onChange={() => onChange(schedule.id)} />
          {schedule.label}
        </label>
      ))}
    </fieldset>
  );
}
