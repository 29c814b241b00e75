import { schedulerContract } from '../../contracts/scheduler.ts';
import { pgliteFactory } from '../../support/databases.ts';

schedulerContract(pgliteFactory);
