import { pgliteFactory } from '../../support/databases.ts';
import { liveFeedSuite } from './feed.suite.ts';

liveFeedSuite(pgliteFactory);
