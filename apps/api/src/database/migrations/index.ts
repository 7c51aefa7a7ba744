import { Foundation1763683200000 } from './1763683200000-foundation';

/** Every migration, oldest first. Listed by hand so the bundled api needs no file globbing. */
export const migrations = [Foundation1763683200000];
