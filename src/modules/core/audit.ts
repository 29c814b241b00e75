import type { Tx } from '#platform/db/database.ts';
import type { Principal } from '#platform/http/types.ts';
import { auditLog } from './schema.ts';

export type AuditEntry = {
  guildId: string | null;
  actor: Principal | 'system';
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
};

/** Records who changed what, inside the transaction that made the change. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  const actor = entry.actor;
  await tx.insert(auditLog).values({
    guildId: entry.guildId,
    actorKind: actor === 'system' ? 'system' : actor.via === 'token' ? 'token' : 'user',
    actorId:
      actor === 'system' ? null : actor.via === 'token' ? `${actor.userId}:${actor.tokenId}` : actor.userId,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}
