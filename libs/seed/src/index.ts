export * from './random';
export * from './seed-org';
export * from './seed-commission';
export * from './deal-script';
export * from './seed-deal';
export * from './seed-dataset';
export * from './write-seed';
