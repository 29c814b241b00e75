import { useQuery } from '@tanstack/react-query';
import { membersQuery } from './queries.ts';

/** Display names of a guild's members by id; an id while they load or for someone who left. */
export function useMemberNames(guildId: string): (userId: string) => string {
  const members = useQuery(membersQuery(guildId));
  const byId = new Map((members.data ?? []).map((m) => [m.id, m.displayName]));
  return (userId) => byId.get(userId) ?? userId;
}
