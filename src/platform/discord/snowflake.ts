/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates ids shaped like Discord's: 42 bits of milliseconds since the Discord epoch, 5 bits
 * worker, 5 bits process, 12 bits increment. The log adapter and the test stand-in use it so that
 * recorded messages have ids callers can store, sort by time and edit or delete later.
 */
export function snowflakeGenerator(worker = 1, processId = process.pid & 0x1f) {
  let lastMs = 0n;
  let increment = 0n;
  return (at: number = Date.now()): string => {
    let ms = BigInt(at) - DISCORD_EPOCH;
    if (ms < lastMs) ms = lastMs;
    if (ms === lastMs) {
      increment = (increment + 1n) & 0xfffn;
      // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
      if (increment === 0n) ms += 1n;
    } else increment = 0n;
    lastMs = ms;
    return ((ms << 22n) | (BigInt(worker & 0x1f) << 17n) | (BigInt(processId) << 12n) | increment).toString();
  };
}

/** When a snowflake was made. */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}
