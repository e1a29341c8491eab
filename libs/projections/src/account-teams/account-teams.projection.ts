import { ACCOUNT_TEAM_STREAM_PREFIX, TeamEventType } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { Projection } from '../projection';
import { AccountTeamDocument } from './account-team.document';

const SET: TeamEventType = 'AccountTeamSet';

const keyOf = (streamId: string): string | undefined =>
  streamId.startsWith(ACCOUNT_TEAM_STREAM_PREFIX) && streamId.length > ACCOUNT_TEAM_STREAM_PREFIX.length
    ? streamId.slice(ACCOUNT_TEAM_STREAM_PREFIX.length) : undefined;

/**
 * Every account's team, one document per account (its stream), so they can be listed. Without
 * `streamOf`: the documents are few, so their versions are kept and the list reads as of any moment.
 */
export const accountTeamsProjection: Projection<AccountTeamDocument> = {
  name: 'account-teams',
  version: 1,
  filter: { streamPrefixes: [ACCOUNT_TEAM_STREAM_PREFIX] },
  keysOf: (event) => {
    const key = keyOf(event.streamId);
    return key !== undefined && event.type === SET ? [key] : [];
  },
  apply: (doc, event: RecordedEvent) => {
    const data = event.data as Partial<Omit<AccountTeamDocument, 'setAt' | 'setBy' | 'position'>>;
    if (typeof data.account !== 'string' || !Array.isArray(data.members)) return doc;
    return {
      account: data.account, accountKey: keyOf(event.streamId) ?? '', mode: data.mode ?? 'offer', members: data.members,
      setAt: String(event.metadata.occurredAt ?? ''), setBy: String((event.metadata.actor as { id?: string } | undefined)?.id ?? ''), position: event.position,
    };
  },
};
