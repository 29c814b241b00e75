-- Message nonces (`enforce_nonce`): a send repeated with the same nonce by the same author within
-- a few minutes returns the first message instead of posting again, as Discord does.
alter table discord.sandbox_messages add column nonce text;
create index sandbox_messages_nonce on discord.sandbox_messages (author_id, nonce, created_at desc)
  where nonce is not null;
