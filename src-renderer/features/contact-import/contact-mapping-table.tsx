import { useId } from 'react';
import { CONTACT_IMPORT_FIELDS, type ContactImportField, type ContactMapping } from '@shared/directory/contact-import-mapping';
import type { TableInspection } from '@shared/import/table-inspection';

const SPLIT_PREFIX = 'split:';

function columnName(inspection: TableInspection, index: number): string {
  return inspection.columns[index]?.label || `Colonne ${index + 1}`;
}

/** The commune code's choice as a select value: a column, or a département column + a commune column. */
function communeCodeValue(mapping: ContactMapping): string {
  if (mapping.splitCommuneCode) return `${SPLIT_PREFIX}${mapping.splitCommuneCode.departementColumn}:${mapping.splitCommuneCode.communeColumn}`;
  return mapping.columns.communeCode === undefined ? '' : String(mapping.columns.communeCode);
}

function withField(mapping: ContactMapping, field: ContactImportField, value: string): ContactMapping {
  const columns = { ...mapping.columns };
  if (field === 'communeCode' && value.startsWith(SPLIT_PREFIX)) {
    const [departementColumn, communeColumn] = value.slice(SPLIT_PREFIX.length).split(':').map(Number);
    delete columns.communeCode;
    return { columns, splitCommuneCode: { departementColumn: departementColumn ?? 0, communeColumn: communeColumn ?? 0 } };
  }
  if (value === '') delete columns[field];
  else columns[field] = Number(value);
  return { columns, splitCommuneCode: field === 'communeCode' ? null : mapping.splitCommuneCode };
}

function example(inspection: TableInspection, mapping: ContactMapping, field: ContactImportField): string {
  const row = inspection.rows[0];
  if (!row) return '';
  if (field === 'communeCode' && mapping.splitCommuneCode) {
    return `${row[mapping.splitCommuneCode.departementColumn] ?? ''} + ${row[mapping.splitCommuneCode.communeColumn] ?? ''}`;
  }
  const column = mapping.columns[field];
  return column === undefined ? '' : (row[column] ?? '');
}

interface ContactMappingTableProps {
  inspection: TableInspection;
  mapping: ContactMapping;
  onChange: (mapping: ContactMapping) => void;
}

/** One line per field of a contact: the column of the file it comes from, pre-filled from the headers. */
export function ContactMappingTable({ inspection, mapping, onChange }: ContactMappingTableProps) {
  const id = useId();
  return (
    <div className="table-wrapper">
      <table className="data-table contact-mapping-table">
        <caption>Correspondance des colonnes : d’où vient chaque information (« Ne pas importer » pour l’ignorer)</caption>
        <thead>
          <tr>
            <th scope="col">Information du contact</th>
            <th scope="col">Colonne du fichier</th>
            <th scope="col">Exemple (première ligne)</th>
          </tr>
        </thead>
        <tbody>
          {CONTACT_IMPORT_FIELDS.map((field) => (
            <tr key={field.id}>
              <th scope="row">
                <label htmlFor={`${id}-${field.id}`}>{field.label}</label>
              </th>
              <td>
                <select
                  id={`${id}-${field.id}`}
                  value={field.id === 'communeCode' ? communeCodeValue(mapping) : String(mapping.columns[field.id] ?? '')}
                  onChange={(event) => onChange(withField(mapping, field.id, event.target.value))}
                >
                  <option value="">Ne pas importer</option>
                  {field.id === 'communeCode' &&
                    inspection.geo.splitCodes.map((split) => (
                      <option key={`${split.departementColumn}:${split.communeColumn}`} value={`${SPLIT_PREFIX}${split.departementColumn}:${split.communeColumn}`}>
                        « {columnName(inspection, split.departementColumn)} » + « {columnName(inspection, split.communeColumn)} » (code en deux colonnes)
                      </option>
                    ))}
                  {inspection.columns.map((column) => (
                    <option key={column.index} value={column.index}>
                      {columnName(inspection, column.index)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{example(inspection, mapping, field.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
