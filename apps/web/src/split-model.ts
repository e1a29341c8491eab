import { bp } from './format';

/** One person's credit on a deal, as the API writes it (basis points: 7000 = 70%). */
export interface Share {
  readonly userId: string;
  readonly role: string;
  readonly shareBp: number;
}

export interface Split {
  readonly revenue: readonly Share[];
  readonly overlay?: readonly Share[];
}

/** Team roles that earn credit (the API refuses the others in a split). */
export const CREDIT_ROLES = ['account-executive', 'sales-development-rep', 'sales-engineer', 'executive-sponsor', 'marketing-rep'] as const;

const shares = (list: readonly Share[]) => list.map((s) => `${s.userId} ${bp(s.shareBp)}`).join(', ');

/** "ana.ae 70%, ben.ae 30%; overlay sam.se 50%" */
export function splitText(split: Split): string {
  const overlay = split.overlay ?? [];
  return `${shares(split.revenue)}${overlay.length ? `; overlay ${shares(overlay)}` : ''}`;
}

/** A share typed as a percentage ("70", "33.33") in basis points; undefined when it is not one. */
export function parseShare(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return value >= 1 && value <= 10_000 ? value : undefined;
}

/** A row of the split form. */
export interface ShareRow {
  readonly userId: string;
  readonly role: string;
  readonly share: string;
  readonly overlay: boolean;
}

export const rowsOf = (split: Split): ShareRow[] => [
  ...split.revenue.map((s) => ({ userId: s.userId, role: s.role, share: bp(s.shareBp).replace('%', ''), overlay: false })),
  ...(split.overlay ?? []).map((s) => ({ userId: s.userId, role: s.role, share: bp(s.shareBp).replace('%', ''), overlay: true })),
];

/**
 * The body of `POST /deals/:id/splits` from the form's rows, or what is wrong with them first
 * (the API checks again, and more: who may receive credit, the overlay cap).
 */
export function splitFromRows(rows: readonly ShareRow[]): { split: Split } | { problem: string } {
  const filled = rows.filter((r) => r.userId.trim() || r.share.trim());
  const parsed: { row: ShareRow; shareBp: number }[] = [];
  for (const row of filled) {
    if (!row.userId.trim()) return { problem: 'Every share needs a person.' };
    const shareBp = parseShare(row.share);
    if (shareBp === undefined) return { problem: `${row.userId.trim()}: “${row.share}” is not a share between 0.01 and 100 (percent).` };
    parsed.push({ row, shareBp });
  }
  const toShare = ({ row, shareBp }: { row: ShareRow; shareBp: number }): Share => ({ userId: row.userId.trim(), role: row.role, shareBp });
  const revenue = parsed.filter((p) => !p.row.overlay).map(toShare);
  const overlay = parsed.filter((p) => p.row.overlay).map(toShare);
  const total = revenue.reduce((n, s) => n + s.shareBp, 0);
  if (total !== 10_000) return { problem: `Revenue shares add up to ${bp(total)}; they must add up to 100%.` };
  return { split: overlay.length ? { revenue, overlay } : { revenue } };
}
