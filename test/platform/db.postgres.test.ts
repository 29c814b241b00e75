import { describe } from 'node:test';
import { databaseContract } from '../contracts/database.ts';
import { postgresFactory } from '../support/databases.ts';
import { skipWithoutServices } from '../support/services.ts';

describe('PostgreSQL', { skip: skipWithoutServices() }, () => databaseContract(postgresFactory));
