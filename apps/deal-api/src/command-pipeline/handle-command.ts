// The command path lives in libs/command-pipeline so the operator CLI writes through it too.
export * from '@deals/command-pipeline/handle-command';
