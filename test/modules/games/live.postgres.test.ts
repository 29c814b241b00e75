import { describe } from 'node:test';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { gamesLiveSuite } from './live.suite.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => gamesLiveSuite(postgresFactory));
