export * from './numbering';
