import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { InvalidOperationError } from '@shared/operations/document-guards';
import { SIGNATURE_BOX, encodeSignature, type SignaturePoint } from '@shared/meetings/signature';

const EMPTY_PAD = 'Le cadre est vide : faites signer la personne, ou utilisez « Signature sur la feuille papier ».';
const LINE_WIDTH = 4;

interface SignaturePadProps {
  /** "Signature de Claire Dupont — Matin". */
  label: string;
  disabled: boolean;
  /** Saves the encoded signature; returns the refusal, or null once saved. */
  onValidate: (encoded: string) => string | null;
}

/**
 * A box to sign in with a pen, a finger or a mouse. The strokes are recorded in the fixed
 * coordinates of SIGNATURE_BOX whatever the size the box is shown at. From the keyboard, Entrée
 * validates and Échap clears; someone who cannot draw signs the paper sheet instead.
 */
export function SignaturePad({ label, disabled, onValidate }: SignaturePadProps) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<SignaturePoint[][]>([]);
  const drawing = useRef<number | null>(null);
  const [hasInk, setHasInk] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  function context(): CanvasRenderingContext2D | null {
    const context = canvasRef.current?.getContext('2d') ?? null;
    if (context) {
      context.lineWidth = LINE_WIDTH;
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.strokeStyle = '#000000';
    }
    return context;
  }

  function pointOf(event: { clientX: number; clientY: number }): SignaturePoint {
    const canvas = canvasRef.current;
    if (!canvas) return { x: 0, y: 0 };
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * SIGNATURE_BOX.width,
      y: ((event.clientY - box.top) / box.height) * SIGNATURE_BOX.height,
    };
  }

  function drawTo(point: SignaturePoint) {
    const stroke = strokes.current.at(-1);
    const previous = stroke?.at(-1);
    stroke?.push(point);
    const pen = context();
    if (!pen || !previous) return;
    pen.beginPath();
    pen.moveTo(previous.x, previous.y);
    pen.lineTo(point.x, point.y);
    pen.stroke();
  }

  function start(event: PointerEvent<HTMLCanvasElement>) {
    if (disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = event.pointerId;
    const point = pointOf(event);
    strokes.current.push([point]);
    const pen = context();
    if (pen) {
      // A tap leaves a dot, as a pen would.
      pen.beginPath();
      pen.arc(point.x, point.y, LINE_WIDTH / 2, 0, Math.PI * 2);
      pen.fillStyle = '#000000';
      pen.fill();
    }
    setHasInk(true);
    setMessage(null);
  }

  function move(event: PointerEvent<HTMLCanvasElement>) {
    if (drawing.current !== event.pointerId) return;
    const coalesced = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const sample of coalesced.length > 0 ? coalesced : [event]) drawTo(pointOf(sample));
  }

  function end(event: PointerEvent<HTMLCanvasElement>) {
    if (drawing.current !== event.pointerId) return;
    drawing.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }

  function clear() {
    strokes.current = [];
    drawing.current = null;
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    setHasInk(false);
    setMessage(null);
  }

  function validate() {
    if (!hasInk) {
      setMessage(EMPTY_PAD);
      canvasRef.current?.focus();
      return;
    }
    let encoded: string;
    try {
      encoded = encodeSignature(strokes.current);
    } catch (error) {
      if (!(error instanceof InvalidOperationError)) throw error;
      setMessage(error.message);
      return;
    }
    const refusal = onValidate(encoded);
    setMessage(refusal);
    if (!refusal) clear();
  }

  function onKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      validate();
    } else if (event.key === 'Escape' || event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      clear();
    }
  }

  return (
    <div className="signature-pad">
      <canvas
        ref={canvasRef}
        className="signature-pad__canvas"
        width={SIGNATURE_BOX.width}
        height={SIGNATURE_BOX.height}
        tabIndex={disabled ? -1 : 0}
        role="img"
        aria-roledescription="zone de signature"
        aria-label={label}
        aria-describedby={`${id}-instructions${message ? ` ${id}-message` : ''}`}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-instructions`} className="hint">
        Signez dans le cadre avec le stylet, le doigt ou la souris. Au clavier : Entrée valide, Échap efface.
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={disabled} onClick={clear}>
          Effacer
        </button>
        <button type="button" className="button button--primary" disabled={disabled} onClick={validate}>
          Valider la signature
        </button>
      </div>
      {message && (
        <p id={`${id}-message`} className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
