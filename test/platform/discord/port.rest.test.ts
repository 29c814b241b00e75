import { discordContract } from '../../contracts/discord.ts';
import { restWorld } from '../../support/discord-worlds.ts';

discordContract(restWorld());
