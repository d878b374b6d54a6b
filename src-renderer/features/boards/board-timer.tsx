import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardTimer as Timer } from '@shared/boards/board-model';
import { pauseTimer, resetTimer, resumeTimer, startTimer } from '@shared/boards/board-operations';
import { formatCountdown, timerRemainingMs } from '@shared/boards/board-results';
import { attempt } from '../diagnostic-links/operation-error';
import { TIMER_ORIGIN } from './board-origins';

const TICK_MS = 250;

export type TimerPhase = 'idle' | 'running' | 'paused' | 'ended';

export interface Countdown {
  phase: TimerPhase;
  remainingMs: number;
  /** True when this window watched the countdown reach zero (not when it opened after the end). */
  endedWhileWatching: boolean;
}

/**
 * The countdown as every window shows it, from the end time in the document. `onEnd` runs once,
 * in a window that saw the countdown running and then reaching zero.
 */
export function useCountdown(timer: Timer, onEnd?: () => void): Countdown {
  const endsAt = timer.endsAt;
  const [tick, setTick] = useState<{ endsAt: number; now: number; sawRunning: boolean } | null>(null);
  useEffect(() => {
    if (endsAt === null) return undefined;
    let sawRunning = false;
    let interval = 0;
    const update = () => {
      const now = Date.now();
      if (now < endsAt) sawRunning = true;
      setTick({ endsAt, now, sawRunning });
      if (now >= endsAt) {
        window.clearInterval(interval);
        if (sawRunning) onEnd?.();
      }
    };
    interval = window.setInterval(update, TICK_MS);
    const first = window.setTimeout(update, 0);
    return () => {
      window.clearInterval(interval);
      window.clearTimeout(first);
    };
  }, [endsAt, onEnd]);

  if (endsAt !== null) {
    // Until the first tick (a few milliseconds), the full duration stands for what is left.
    const current = tick?.endsAt === endsAt ? tick : null;
    const remainingMs = current ? timerRemainingMs(timer, current.now) : timer.durationMs;
    const ended = current !== null && remainingMs === 0;
    return { phase: ended ? 'ended' : 'running', remainingMs, endedWhileWatching: ended && current.sawRunning };
  }
  if (timer.remainingMs !== null) return { phase: 'paused', remainingMs: Math.max(0, timer.remainingMs), endedWhileWatching: false };
  return { phase: 'idle', remainingMs: timer.durationMs, endedWhileWatching: false };
}

let audio: AudioContext | null = null;

/**
 * Browsers let a page make sound only after a user gesture: the context is made (or woken) by the
 * click that starts the countdown, and the end sound plays through it minutes later.
 */
function prepareSound(): void {
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  void audio.resume();
}

/** Three short beeps from an oscillator: no sound file to ship, nothing to download. */
function playEndSound(): void {
  if (!audio) return;
  const start = audio.currentTime + 0.05;
  for (let beep = 0; beep < 3; beep += 1) {
    const at = start + beep * 0.35;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.3);
  }
}

interface BoardTimerProps {
  doc: Y.Doc;
  boardId: string;
  timer: Timer;
  readOnly: boolean;
}

/**
 * The facilitator's countdown in the toolbar: a duration in minutes, start, pause, resume and
 * reset. Its operations run with TIMER_ORIGIN, outside the undo history. At the end this window
 * beeps once and screen readers hear « Temps écoulé ».
 */
export function BoardTimer({ doc, boardId, timer, readOnly }: BoardTimerProps) {
  const id = useId();
  const countdown = useCountdown(timer, playEndSound);
  const [minutes, setMinutes] = useState(String(Math.round(timer.durationMs / 60_000) || 5));
  const [error, setError] = useState<string | null>(null);

  function run(operation: () => void) {
    setError(attempt(operation));
  }

  function start() {
    const value = Number(minutes.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0) {
      setError('Indiquez une durée en minutes, par exemple 5.');
      return;
    }
    prepareSound();
    run(() => startTimer(doc, TIMER_ORIGIN, boardId, Math.round(value * 60_000), Date.now()));
  }

  return (
    <div className="board-timer" role="group" aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="board-timer__title">
        Minuteur
      </span>
      <p className={`board-timer__display board-timer__display--${countdown.phase}`} role="timer" aria-label="Temps restant">
        {formatCountdown(countdown.remainingMs)}
      </p>
      {!readOnly && (
        <>
          {(countdown.phase === 'idle' || countdown.phase === 'ended') && (
            <>
              <label htmlFor={`${id}-minutes`} className="visually-hidden">
                Durée du minuteur (minutes)
              </label>
              <input
                id={`${id}-minutes`}
                className="board-timer__minutes"
                type="number"
                min={1}
                max={240}
                step="any"
                value={minutes}
                onChange={(event) => setMinutes(event.target.value)}
              />
              <span aria-hidden="true">min</span>
              <button type="button" className="button" onClick={start}>
                Démarrer
              </button>
            </>
          )}
          {countdown.phase === 'running' && (
            <button type="button" className="button" onClick={() => run(() => pauseTimer(doc, TIMER_ORIGIN, boardId, Date.now()))}>
              Pause
            </button>
          )}
          {countdown.phase === 'paused' && (
            <button
              type="button"
              className="button"
              onClick={() => {
                prepareSound();
                run(() => resumeTimer(doc, TIMER_ORIGIN, boardId, Date.now()));
              }}
            >
              Reprendre
            </button>
          )}
          {countdown.phase !== 'idle' && (
            <button type="button" className="button" onClick={() => run(() => resetTimer(doc, TIMER_ORIGIN, boardId))}>
              Réinitialiser
            </button>
          )}
        </>
      )}
      <p className="visually-hidden" aria-live="assertive">
        {countdown.endedWhileWatching ? 'Temps écoulé' : ''}
      </p>
      {countdown.phase === 'ended' && (
        <p className="board-timer__ended" aria-hidden="true">
          Temps écoulé
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
