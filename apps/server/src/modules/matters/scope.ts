// Transition: moved to platform/scope.ts (scripts/rewrite-platform-imports.mjs rewrites the importers).
export * from '../../platform/scope';
