export * from './catalogue';
export * from './money';
export * from './validate';
export * from './label';
export * from './application';
