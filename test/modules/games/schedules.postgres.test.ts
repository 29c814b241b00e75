import { describe } from 'node:test';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { gamesSchedulesSuite } from './schedules.suite.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => gamesSchedulesSuite(postgresFactory));
