export * from './shared/message';
export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/common.errors';
export * from './shared/evidence';
export * from './shared/evidence-check';
export * from './shared/money';
export * from './shared/time';
export * from './shared/text';
export * from './shared/required';

export * from './pipeline/fact-key';
export * from './pipeline/recorded-fact';
export * from './pipeline/pipeline-definition';
export * from './pipeline/fact-predicate';
export * from './pipeline/exit-criteria';
export * from './pipeline/pipeline-navigation';
export * from './pipeline/validate-pipeline';
export * from './pipeline/pipeline.errors';
export * from './pipeline/default-pipeline';
export * from './pipeline/pipeline-catalog';
export * from './pipeline/stuck';

export * from './deal/deal-team';
export * from './deal/credit-split';
export * from './commission/commission.events';
export * from './deal/deal.events';
export * from './deal/deal.commands';
export * from './deal/deal.state';
export * from './deal/deal.errors';
export * from './deal/deal.evolve';
export * from './deal/deal.decide';
export * from './deal/deal.decider';
export * from './deal/stage-progress';
export * from './deal/deal-access';

export * from './access';
