/**
 * Transaction origin of the countdown's start, pause, resume and reset. It is not LOCAL_ORIGIN on
 * purpose: the board's undo history tracks LOCAL_ORIGIN only, and undoing the last card must never
 * stop or restart the timer the room is watching.
 */
export const TIMER_ORIGIN = Object.freeze({ source: 'bocage-board-timer' });
