import { describe, expect, test } from 'vitest';
import { WORKSPACE_ID, missionDocumentName, parseDocumentName, workspaceDocumentName } from '@shared/documents/document-names';
import { newId } from '@shared/model/ids';

describe('document names', () => {
  test('names keep the exact form the sync server stores documents under', () => {
    expect(workspaceDocumentName()).toBe('bocage.workspace.default');
    expect(WORKSPACE_ID).toBe('default');
    expect(missionDocumentName('3b1f0c9e-1d2a-4c55-9f0e-7a1b2c3d4e5f')).toBe('bocage.mission.3b1f0c9e-1d2a-4c55-9f0e-7a1b2c3d4e5f');
  });

  test('a name read back gives the kind and id it was made from', () => {
    const id = newId();
    expect(parseDocumentName(missionDocumentName(id))).toEqual({ kind: 'mission', id });
    expect(parseDocumentName(workspaceDocumentName())).toEqual({ kind: 'workspace', id: 'default' });
  });

  test('ids handed out on two machines never collide and always make valid names', () => {
    const ids = Array.from({ length: 1_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(parseDocumentName(missionDocumentName(id))).not.toBeNull();
  });

  test.each([
    'bocage.mission.',
    'bocage.contacts.abc',
    'bocage.mission.abc/../secret',
    'bocage.mission.abc def',
    'bocage.mission.abc\n',
    'xbocage.mission.abc',
    'bocage.mission.abc.extra',
    `bocage.mission.${'a'.repeat(65)}`,
    'Bocage.Mission.abc',
  ])('a name the app never makes (%j) is not taken for a document', (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});
