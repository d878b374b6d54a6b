import { useState } from 'react';
import { formatDateTime } from '@shared/format/french-format';
import type { TrashedRecord } from '@shared/qualitative/qualitative-model';
import { attempt } from './operation-error';

interface TrashListProps {
  /** "Corbeille des constats". */
  title: string;
  records: readonly Pick<TrashedRecord, 'id' | 'label' | 'trashedAt'>[];
  /** "supprimée" for records named in the feminine, such as meetings. */
  deletedLabel?: string;
  readOnly: boolean;
  onRestore: (id: string) => void;
}

/** The records of one section in the trash, each with a button to bring it back. */
export function TrashList({ title, records, deletedLabel = 'supprimé', readOnly, onRestore }: TrashListProps) {
  const [error, setError] = useState<string | null>(null);
  if (records.length === 0) return null;
  return (
    <details className="trash">
      <summary>
        {title} ({records.length})
      </summary>
      <ul className="trash__list">
        {records.map((record) => (
          <li key={record.id}>
            <span>
              {record.label} <span className="hint">({deletedLabel} le {formatDateTime(record.trashedAt)})</span>
            </span>
            <button
              type="button"
              className="button"
              disabled={readOnly}
              aria-label={`Restaurer « ${record.label} »`}
              onClick={() => setError(attempt(() => onRestore(record.id)))}
            >
              Restaurer
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

export interface TrashedNotice {
  id: string;
  label: string;
}

/** Said right after a deletion, with the way back, so a slip of the finger costs nothing. */
export function TrashNotice({ notice, onRestore, onDismiss }: { notice: TrashedNotice | null; onRestore: (id: string) => void; onDismiss: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="status" className="trash-notice-region">
      {notice && (
        <p className="notice trash-notice">
          « {notice.label} » a été mis à la corbeille.{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              const refusal = attempt(() => onRestore(notice.id));
              setError(refusal);
              if (!refusal) onDismiss();
            }}
          >
            Restaurer
          </button>
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
