import { pgliteFactory } from '../../support/databases.ts';
import { coreApiSuite } from './api.suite.ts';

coreApiSuite(pgliteFactory);
