import { orderedMigrations } from '../../migration.js';
import { initial } from './0001-initial.js';
import { publishedViews } from './0002-published-views.js';

/** The PostgreSQL store's migrations, oldest first. Append only: an applied migration is never edited. */
export const postgresMigrations = orderedMigrations([initial, publishedViews]);
