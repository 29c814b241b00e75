import { describe } from 'node:test';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { gamesCalendarSuite } from './calendar.suite.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => gamesCalendarSuite(postgresFactory));
