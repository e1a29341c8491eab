export * from './aggregate-stream';
export * from './command-ids';
export * from './command-pipeline.errors';
export * from './handle-command';
export * from './request-hash';
export * from './stream-state-cache';
export * from './to-domain-event';
