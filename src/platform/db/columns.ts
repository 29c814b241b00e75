import { customType } from 'drizzle-orm/pg-core';

/**
 * Discord ids ("snowflakes") are 64-bit: stored as bigint, handled as decimal strings in
 * JavaScript because they exceed Number.MAX_SAFE_INTEGER.
 */
export const snowflake = customType<{ data: string; driverData: string }>({
  dataType: () => 'bigint',
  toDriver: (value) => value,
  fromDriver: (value) => String(value),
});
