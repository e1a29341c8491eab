export * from './aggregate-stream';
export * from './command-ids';
export * from './command-pipeline.errors';
export * from './handle-command';
