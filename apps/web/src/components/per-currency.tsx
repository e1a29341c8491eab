/** One currency's figures: its code, its amount, and what goes with it (a weighted amount, a count). */
export interface CurrencyFigure {
  readonly currency: string;
  readonly amount: string;
  readonly extra?: string;
  readonly title?: string;
}

/**
 * Amounts of several currencies, never added together: one labelled item per currency, set
 * apart from the next ("EUR 11M · weighted 3.2M | USD 7.8M · weighted 2.1M").
 */
export function PerCurrency({ figures, label, empty = 'none', testId }: { figures: readonly CurrencyFigure[]; label: string; empty?: string; testId?: string }) {
  if (!figures.length) return <span class="muted" data-testid={testId}>{empty}</span>;
  return (
    <ul class="per-currency" aria-label={label} data-testid={testId}>
      {figures.map((f) => (
        <li key={f.currency} data-currency={f.currency} title={f.title}>
          <span class="ccy">{f.currency}</span> <strong>{f.amount}</strong>{f.extra ? <small> · {f.extra}</small> : null}
        </li>
      ))}
    </ul>
  );
}
