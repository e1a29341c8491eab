export * from './command-ids';
export * from './command-pipeline.errors';
export * from './handle-command';
export * from './stream-state-cache';
