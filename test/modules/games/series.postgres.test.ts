import { describe } from 'node:test';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { gamesSeriesSuite } from './series.suite.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => gamesSeriesSuite(postgresFactory));
