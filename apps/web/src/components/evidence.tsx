/** A piece of evidence: a link when it carries a web or mail address, else its kind and reference. */
export interface Evidence {
  readonly kind: string;
  readonly ref: string;
  readonly url?: string;
  readonly note?: string;
}

const SAFE_URL = /^(https?:|mailto:)/i;

export function EvidenceLink({ e }: { e: Evidence }) {
  const label = `${e.kind}: ${e.ref}`;
  return (
    <span class="evidence" title={e.note}>
      {e.url && SAFE_URL.test(e.url) ? <a href={e.url} target="_blank" rel="noopener noreferrer">{label}</a> : label}
    </span>
  );
}

export function EvidenceList({ items }: { items: readonly Evidence[] }) {
  if (!items.length) return null;
  return <span class="evidence-list">{items.map((e, i) => <EvidenceLink key={i} e={e} />)}</span>;
}
