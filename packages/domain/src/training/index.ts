export * from './gold';
export * from './requirements';
