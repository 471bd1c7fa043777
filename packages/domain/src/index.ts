export * from './access/permissions';
export * from './access/roles';
