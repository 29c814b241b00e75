import { describe } from 'node:test';
import { discordContract } from '../../contracts/discord.ts';
import { pgliteFactory, postgresFactory } from '../../support/databases.ts';
import { logWorld } from '../../support/discord-worlds.ts';
import { skipWithoutServices } from '../../support/services.ts';

discordContract(logWorld(pgliteFactory));
describe('PostgreSQL', { skip: skipWithoutServices() }, () => discordContract(logWorld(postgresFactory)));
