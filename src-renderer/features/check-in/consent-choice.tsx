import { useId } from 'react';
import type { ConsentAnswer } from '@shared/meetings/meeting-model';

const ANSWERS: readonly { value: ConsentAnswer | null; label: string }[] = [
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
  { value: null, label: 'Non demandé' },
];

interface ConsentChoiceProps {
  /** "Photos de Claire Dupont". */
  legend: string;
  value: ConsentAnswer | null;
  disabled: boolean;
  onChange: (answer: ConsentAnswer | null) => void;
}

/** Yes, no, or not asked: a consent is never assumed. */
export function ConsentChoice({ legend, value, disabled, onChange }: ConsentChoiceProps) {
  const name = useId();
  return (
    <fieldset className="consent-choice">
      <legend>{legend}</legend>
      {ANSWERS.map((answer) => (
        <label key={answer.label} className="consent-choice__option">
          <input type="radio" name={name} checked={value === answer.value} disabled={disabled} onChange={() => onChange(answer.value)} />
          {answer.label}
        </label>
      ))}
    </fieldset>
  );
}
