import { describe } from 'node:test';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { gamesApiSuite } from './api.suite.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => gamesApiSuite(postgresFactory));
