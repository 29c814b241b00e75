import { assertSnowflake, type Tx } from '../db/database.ts';
import { run } from '../db/statement.ts';
import { assertPayload, envelopeOf, type OutgoingEvent } from './events.ts';

/**
 * One statement for any number of events. The guild defaults to the scope of the surrounding
 * `withGuild` transaction (filled into the envelope too), and row-level security lets a guild's
 * transaction publish only its own guild's events. A trigger NOTIFYs the relays on commit.
 */
export const INSERT_OUTBOX = `
insert into bus.outbox (guild_id, type, message)
select g.guild_id, e.type,
       case when e.message->'guildId' = 'null'::jsonb and g.guild_id is not null
            then jsonb_set(e.message, '{guildId}', to_jsonb(g.guild_id::text))
            else e.message end
from jsonb_to_recordset($1::jsonb) as e(guild_id bigint, type text, message jsonb)
cross join lateral (select coalesce(e.guild_id, bus.scope_guild()) as guild_id) g`;

/**
 * Writes events into the outbox inside the caller's transaction: they leave only if it commits.
 * Payloads are validated here, so a producer bug fails the producing request, not a consumer.
 */
export async function publish(tx: Tx, ...events: readonly OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
    assertPayload(event.definition, event.payload);
    if (event.guildId) assertSnowflake(event.guildId);
    return { guild_id: event.guildId ?? null, type: event.definition.type, message: envelopeOf(event) };
  });
  await run(tx, INSERT_OUTBOX, [JSON.stringify(rows)]);
}
