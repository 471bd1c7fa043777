export * from './next-steps';
export * from './rules';
