import { describe } from 'node:test';
import { busContract } from '../../contracts/bus.ts';
import { BUS_VARIANTS } from '../../support/bus.ts';
import { skipWithoutServices } from '../../support/services.ts';

describe('RabbitMQ', { skip: skipWithoutServices() }, () =>
  busContract(BUS_VARIANTS[2] as (typeof BUS_VARIANTS)[number]),
);
