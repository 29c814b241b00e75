import { pgliteFactory } from '../../support/databases.ts';
import { gamesSeriesSuite } from './series.suite.ts';

gamesSeriesSuite(pgliteFactory);
