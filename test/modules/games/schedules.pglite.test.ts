import { pgliteFactory } from '../../support/databases.ts';
import { gamesSchedulesSuite } from './schedules.suite.ts';

gamesSchedulesSuite(pgliteFactory);
