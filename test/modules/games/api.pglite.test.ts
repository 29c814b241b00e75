import { pgliteFactory } from '../../support/databases.ts';
import { gamesApiSuite } from './api.suite.ts';

gamesApiSuite(pgliteFactory);
