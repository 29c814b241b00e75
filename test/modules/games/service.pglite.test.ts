import { pgliteFactory } from '../../support/databases.ts';
import { gamesServiceSuite } from './service.suite.ts';

gamesServiceSuite(pgliteFactory);
