export type { Period } from './period';
export type { DurationStats, Ratio } from './statistics';
export type { CatalogOption } from './pipeline-stages';
export * from './pipeline-by-stage.query';
export * from './stage-conversion.query';
export * from './sales-cycle.query';
export * from './time-in-stage.query';
export * from './stuck-deals.query';
export * from './rep-activity.query';
