/** An error as one plain sentence, with the technical details folded away underneath. */
export function HumanErrorText({ sentence, details, class: className = 'error-text' }: { sentence: string; details: string | null; class?: string }) {
  return (
    <div class={`human-error ${className}`} role="alert">
      <p class="human-error-sentence">{sentence}</p>
      {details && details !== sentence && (
        <details class="human-error-details">
          <summary>Details</summary>
          <p>{details}</p>
        </details>
      )}
    </div>
  );
}
