import { pgliteFactory } from '../../support/databases.ts';
import { gamesCalendarSuite } from './calendar.suite.ts';

gamesCalendarSuite(pgliteFactory);
