import { SIGNATURE_BOX, signatureToSvgPath, validateSignature } from '@shared/meetings/signature';

/** A captured signature, drawn small; an unreadable one says so instead of drawing garbage. */
export function SignatureImage({ encoded, label }: { encoded: string; label: string }) {
  if (validateSignature(encoded) !== null) return <span className="signature-image signature-image--unreadable">{label} : illisible</span>;
  return (
    <svg className="signature-image" role="img" aria-label={label} viewBox={`0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}`} preserveAspectRatio="xMidYMid meet">
      <path d={signatureToSvgPath(encoded)} fill="none" stroke="currentColor" strokeWidth={6} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
