import { DealSummary } from '../deal-summary/deal-summary';

/** Demos attended (every attended demo) or first meetings held (each deal's first attended demo). */
export type MeetingsDefinition = 'demos-attended' | 'first-meetings';
export const MEETINGS_DEFINITIONS: readonly MeetingsDefinition[] = ['demos-attended', 'first-meetings'];

/** Every attended demo (distinct evidence), or only the deal's first one. */
export function meetingsCounted(doc: DealSummary, definition: MeetingsDefinition): DealSummary['meetingsHeld'] {
  if (definition === 'demos-attended' || doc.meetingsHeld.length === 0) return doc.meetingsHeld;
  const first = doc.meetingsHeld.reduce((a, b) => (Date.parse(b.at) < Date.parse(a.at) ? b : a));
  return [first];
}
