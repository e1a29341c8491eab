export * from './sales-period';
export * from './deal-origin';
export * from './outcome-at';
export * from './meetings-definition';
export * from './sales-kpis.query';
export * from './quota-standing.query';
