import { parseMoney } from '@deals/domain';

/**
 * Dates as CRM exports write them, read as UTC unless they carry an offset:
 * ISO-8601 (`2025-01-15T10:23:00.000Z`, `…+0000`, `…+01:00`), `2025-01-15 10:23[:00]`,
 * `2025-01-15`, and US-style `1/15/2025[, 10:23 AM]`. Anything else is undefined.
 */
export function parseSourceDate(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    return checked(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`, y, mo, d);
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(v);
  if (m) {
    const [, mo, d, y, h = '0', mi = '00', s = '00', ampm] = m;
    let hour = Number(h);
    if (ampm && (hour < 1 || hour > 12)) return undefined;
    if (ampm?.toUpperCase() === 'PM' && hour < 12) hour += 12;
    if (ampm?.toUpperCase() === 'AM' && hour === 12) hour = 0;
    const pad = (n: string | number) => String(n).padStart(2, '0');
    return checked(`${y}-${pad(mo)}-${pad(d)}T${pad(hour)}:${mi}:${s}Z`, y, pad(mo), pad(d));
  }
  return undefined;
}

function checked(iso: string, y: string, mo: string, d: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2025-02-30 over to March; a calendar day that does not exist is not a date.
  const local = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (local.getUTCMonth() !== Number(mo) - 1 || local.getUTCDate() !== Number(d)) return undefined;
  return new Date(ms).toISOString();
}

/**
 * An amount in the currency's major unit as exports write it ("12500", "12,500.50", "$12,500",
 * "EUR 9,900.00") as integer minor units of that ISO 4217 currency (cents for EUR, yen for
 * JPY). Blank is undefined; garbage, or more decimals than the currency has, is NaN.
 */
export function parseSourceAmount(value: string | undefined, currency: string): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const cleaned = v.replace(/^[A-Z]{3}\s*/, '').replace(/^[$€£]/, '').replace(/,/g, '').trim();
  try {
    return parseMoney(cleaned, currency);
  } catch {
    return NaN;
  }
}

/** A person's name from the export as an engine user id ("Jane O'Neil" → "jane.oneil"); an id stays as it is. */
export function toUserId(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  // Already an id (e.g. a Salesforce user id, case-sensitive): kept as it is.
  if (/^[A-Za-z0-9._@-]{1,100}$/.test(v)) return v;
  const slug = v.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9@._\s-]/g, '').trim().replace(/\s+/g, '.').slice(0, 100);
  return slug || undefined;
}
