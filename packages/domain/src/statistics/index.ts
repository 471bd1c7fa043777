export * from './compute';
export * from './facts';
export * from './period';
export * from './tables';
