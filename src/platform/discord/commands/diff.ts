import type { APIApplicationCommand, RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';

export type CommandDiff = {
  readonly added: string[];
  readonly changed: Array<{ name: string; fields: string[] }>;
  readonly removed: string[];
  readonly unchanged: string[];
};

/** Fields Discord echoes back that we set; the rest (ids, versions) say nothing about a change. */
const FIELDS = [
  'type',
  'description',
  'name_localizations',
  'description_localizations',
  'options',
  'default_member_permissions',
  'contexts',
  'integration_types',
  'nsfw',
] as const;

/** Discord fills defaults in (empty maps, `required: false`): both sides are compared without them. */
function normalize(value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
      if (isEmpty(v)) continue;
      out[k] = normalize(v);
    }
    return out;
  }
  return value;
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

/** What a bulk overwrite with `desired` changes relative to what Discord has now. */
export function diffCommands(
  current: readonly APIApplicationCommand[],
  desired: readonly RESTPostAPIApplicationCommandsJSONBody[],
): CommandDiff {
  const before = new Map(current.map((c) => [c.name, c]));
  const diff: CommandDiff = { added: [], changed: [], removed: [], unchanged: [] };
  for (const want of desired) {
    const have = before.get(want.name);
    before.delete(want.name);
    if (!have) {
      diff.added.push(want.name);
      continue;
    }
    const fields = FIELDS.filter(
      (f) =>
        JSON.stringify(normalize((want as unknown as Record<string, unknown>)[f])) !==
        JSON.stringify(normalize((have as unknown as Record<string, unknown>)[f])),
    );
    if (fields.length > 0) diff.changed.push({ name: want.name, fields });
    else diff.unchanged.push(want.name);
  }
  diff.removed.push(...before.keys());
  return diff;
}
