import { describe, expect, test } from 'vitest';
import { ROUTES, isPresenterRoute } from '../../src-renderer/app/routes';

describe('the presenter window is recognised by its address', () => {
  test('a presenter window never runs the start-up purge that would wipe the facilitator’s live storage', () => {
    expect(isPresenterRoute(`#${ROUTES.boardPresenter('mission-1', 'board-2')}`)).toBe(true);
  });

  test.each([`#${ROUTES.board('mission-1', 'board-2')}`, '#/missions/mission-1', '#/', '#/missions/m/tableaux/b/projection/autre'])(
    'an ordinary page (%s) still finishes an interrupted erasure at start',
    (hash) => {
      expect(isPresenterRoute(hash)).toBe(false);
    },
  );
});
