export * from './config/relay-config';
export * from './deal-event-relay';
export * from './integration-event.publisher';
export * from './kafka-deal-event.publisher';
export * from './relay-checkpoint';
export * from './relay-logger';
export * from './relay-service';
