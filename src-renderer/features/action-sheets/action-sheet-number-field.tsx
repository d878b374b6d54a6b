import { Link } from 'wouter';
import type * as Y from 'yjs';
import { setActionSheetNumber } from '@shared/qualitative/action-sheet-operations';
import type { ActionSheet } from '@shared/qualitative/qualitative-model';
import { actionSheetLabel } from '@shared/qualitative/qualitative-snapshot';
import { validateActionSheetNumber } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { SavedTextField } from '../diagnostic-links/saved-fields';

interface ActionSheetNumberFieldProps {
  doc: Y.Doc;
  missionId: string;
  sheet: ActionSheet;
  /** Other fiches showing the same number (made offline on two machines). */
  sameNumber: readonly ActionSheet[];
  readOnly: boolean;
}

/** The fiche's number; a number shared with another fiche is flagged, never changed behind the user's back. */
export function ActionSheetNumberField({ doc, missionId, sheet, sameNumber, readOnly }: ActionSheetNumberFieldProps) {
  return (
    <div>
      <SavedTextField
        label="Numéro"
        value={sheet.number === null ? '' : String(sheet.number)}
        inputMode="numeric"
        required
        readOnly={readOnly}
        validate={(input) => validateActionSheetNumber(input.trim() === '' ? Number.NaN : Number(input))}
        onSave={(input) => setActionSheetNumber(doc, sheet.id, Number(input), LOCAL_ORIGIN)}
      />
      {sameNumber.length > 0 && (
        <div className="notice notice--warning" role="alert">
          <p>
            Le n° {sheet.number} est aussi celui d’une autre fiche, sans doute créée en même temps sur un autre poste.
            Changez l’un des deux numéros :
          </p>
          <ul>
            {sameNumber.map((other) => (
              <li key={other.id}>
                <Link href={recordHref(missionId, 'actionSheets', other.id)}>{actionSheetLabel(other)}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
