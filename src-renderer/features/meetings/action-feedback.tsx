interface ActionFeedbackProps {
  /** What the last action did, read out by screen readers. */
  announcement: string;
  /** Why the last action was refused. */
  error: string | null;
  className?: string;
}

/**
 * The result of the last action on a participant. The status region stays in the page even when
 * empty, so screen readers announce each new message.
 */
export function ActionFeedback({ announcement, error, className }: ActionFeedbackProps) {
  return (
    <>
      <p role="status" className={className ? `confirmation ${className}` : 'confirmation'}>
        {announcement}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
