export * from './access-token';
export * from './auth-secret';
