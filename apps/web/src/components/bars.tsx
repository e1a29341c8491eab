/** One bar: a label, its value and an optional second value drawn as a tick (e.g. p90 over a median). */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly mark?: number;
  readonly text: string;
}

/**
 * Horizontal bars with their labels beside them, drawn as plain SVG: a few lines instead of a
 * chart library, and they scale with the page (phone or desk).
 */
export function BarList({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.mark ?? 0)));
  return (
    <ul class="bars" aria-label={label}>
      {bars.map((b) => (
        <li key={b.label}>
          <span class="bar-label">{b.label}</span>
          <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect class="bar" x="0" y="1" height="8" width={(b.value / max) * 100} />
            {b.mark !== undefined && <rect class="mark" x={Math.min(99.4, (b.mark / max) * 100)} y="0" width="0.6" height="10" />}
          </svg>
          <span class="bar-text">{b.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Vertical bars over time (one per period), labels underneath. */
export function Columns({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 100 / Math.max(1, bars.length);
  return (
    <figure class="columns" aria-label={label}>
      <svg viewBox="0 0 100 50" preserveAspectRatio="none" role="img" aria-label={label}>
        {bars.map((b, i) => (
          <rect key={b.label} class="bar" x={i * w + w * 0.15} width={w * 0.7} y={50 - (b.value / max) * 48} height={(b.value / max) * 48}>
            <title>{`${b.label}: ${b.text}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption class="columns-labels">
        {bars.map((b) => <span key={b.label}><b>{b.text}</b>{b.label}</span>)}
      </figcaption>
    </figure>
  );
}
