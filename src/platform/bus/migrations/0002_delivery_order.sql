-- Per-guild order of embedded deliveries. A consumer claims its oldest deliveries with SKIP LOCKED;
-- without a check, a second claimer (another loop of the same consumer, a replica, or a restarted
-- worker while the killed one's transaction is still being rolled back) would take a guild's later
-- messages past the earlier ones someone else holds. The claim now leaves a delivery alone while an
-- earlier, due delivery of the same guild for the same consumer is held elsewhere; these indexes
-- keep that check and the oldest-first claim cheap.
create index deliveries_order on bus.deliveries (consumer, id);
create index deliveries_guild_order on bus.deliveries (consumer, (coalesce(message->>'guildId', '')), id);
