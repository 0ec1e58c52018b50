/**
 * The backend's own words about a failure, tucked away for a support request. The headline the
 * admin reads is always the page's plain sentence; this is only the first line, never a stack.
 */
export function SupportDetails({ text }: { text: string | null }) {
  const line = text?.split('\n', 1)[0]?.trim();
  if (!line) return null;
  return (
    <details className="error-details">
      <summary>Details for support</summary>
      <p>{line}</p>
    </details>
  );
}
