export * from './credential.events';
export * from './credential.commands';
export * from './credential.state';
export * from './credential.errors';
export * from './credential.decider';
export * from './password-rules';
export * from './sign-in-throttle';
export * from './account-activity.event';
