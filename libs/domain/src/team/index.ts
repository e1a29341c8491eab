export * from './team-template';
export * from './team-streams';
export * from './team.commands';
export * from './team.events';
export * from './team.state';
export * from './team.errors';
export * from './team.decider';
export * from './team-at-open';
