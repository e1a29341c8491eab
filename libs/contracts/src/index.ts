// Versioned integration contracts between the engine and other systems: plain data and pure
// functions, no framework or transport, so every app (and any other consumer) can share them.
export * from './deal-lifecycle/deal-lifecycle-data.v1';
export * from './deal-lifecycle/deal-lifecycle-event.v1';
export * from './deal-lifecycle/deal-lifecycle-time-fields.generated';
export * from './deal-lifecycle/time';
export * from './deal-lifecycle/to-deal-lifecycle-event';
export * from './buyer-signal/buyer-signal.v1';
export * from './buyer-signal/parse-buyer-signal';
