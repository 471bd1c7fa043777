export * from './checklist';
export * from './organizations';
