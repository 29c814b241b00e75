import { busContract } from '../../contracts/bus.ts';
import { BUS_VARIANTS } from '../../support/bus.ts';

busContract(BUS_VARIANTS[0] as (typeof BUS_VARIANTS)[number]);
