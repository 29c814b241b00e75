import { describe } from 'node:test';
import { schedulerContract } from '../../contracts/scheduler.ts';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => schedulerContract(postgresFactory));
