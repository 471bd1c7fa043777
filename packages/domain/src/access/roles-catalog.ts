/** The access catalogue alone (posts, permissions, certificates), for bundles that need nothing else. */
export * from './permissions';
export * from './roles';
export * from './credentials';
