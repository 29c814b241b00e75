import { describe } from 'node:test';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { gamesServiceSuite } from './service.suite.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => gamesServiceSuite(postgresFactory));
