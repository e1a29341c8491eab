import { parseMoneyToMinor } from '@deals/domain';

/** "-2125.00" → -212500, exactly. */
export function parseSignedMoneyToMinor(text: string): number {
  return text.startsWith('-') ? -parseMoneyToMinor(text.slice(1)) : parseMoneyToMinor(text);
}
