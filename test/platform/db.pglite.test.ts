import { databaseContract } from '../contracts/database.ts';
import { pgliteFactory } from '../support/databases.ts';

databaseContract(pgliteFactory);
