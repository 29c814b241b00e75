import { pgliteFactory } from '../../support/databases.ts';
import { gamesLiveSuite } from './live.suite.ts';

gamesLiveSuite(pgliteFactory);
