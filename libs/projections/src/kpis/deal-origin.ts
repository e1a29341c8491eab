import { DealSummary } from '../deal-summary/deal-summary';

/** Where a deal came from, read from its first contact's channel (docs/kpis.md). */
export type DealOrigin = 'inbound' | 'outbound' | 'unknown';
export const DEAL_ORIGINS: readonly DealOrigin[] = ['inbound', 'outbound', 'unknown'];

/**
 * The buyer came to us (a referral, an event, social media) or we reached out cold (email,
 * phone, a meeting we asked for). `other`, any channel not listed and no recorded contact: unknown.
 */
export const CHANNEL_ORIGINS: Readonly<Record<string, DealOrigin>> = {
  referral: 'inbound', event: 'inbound', social: 'inbound',
  email: 'outbound', phone: 'outbound', meeting: 'outbound',
};

/** The origin of a deal; a first contact dated at or after `cutoffMs` is not known yet. */
export function originOf(doc: DealSummary, cutoffMs = Infinity): DealOrigin {
  const contact = doc.firstContact;
  if (contact === undefined || Date.parse(contact.at) >= cutoffMs) return 'unknown';
  return CHANNEL_ORIGINS[contact.channel] ?? 'unknown';
}
