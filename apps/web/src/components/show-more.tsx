/** The foot of a long list: how many it shows of how many, and a way to see more. Nothing is cut off silently. */
export function ShowMore({ shown, total, step, onMore, what }: { shown: number; total: number; step: number; onMore: (n: number) => void; what: string }) {
  if (shown >= total) return null;
  const next = Math.min(step, total - shown);
  return (
    <p class="show-more" data-testid="show-more">
      <span class="muted">Showing {shown} of {total} {what}</span>{' '}
      <button type="button" class="link" onClick={() => onMore(shown + next)}>Show {next} more</button>
    </p>
  );
}
