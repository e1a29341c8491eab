export type { PostCloseWaitingFor } from './post-close-wait';
export * from './post-close-deals.query';
export * from './post-close-durations.query';
