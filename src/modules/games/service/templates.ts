import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import { GamesError } from '../errors.ts';
import type { Template, TemplateDefaults, TemplateField, TemplateInput } from '../types.ts';
import { iso, isUuid, pgArray } from './rows.ts';
import {
  checkLocked,
  checkOffsets,
  checkRecurrence,
  checkTemplateFields,
  checkTimezone,
} from './validate.ts';

type TemplateRow = {
  id: string;
  guild_id: string;
  name: string;
  defaults: TemplateDefaults;
  locked: string[] | string;
  created_at: Date | string;
  updated_at: Date | string;
};

const COLUMNS = `t.id::text, t.guild_id::text, t.name, t.defaults, t.locked, t.created_at, t.updated_at`;
export const SELECT_TEMPLATES = `select ${COLUMNS} from games.templates t order by lower(t.name)`;
export const SELECT_TEMPLATE = `select ${COLUMNS} from games.templates t where t.id = $1::uuid`;
export const INSERT_TEMPLATE = `
insert into games.templates (id, guild_id, name, defaults, locked) values ($1::uuid, $2::bigint, $3, $4::jsonb, $5::text[])
on conflict do nothing returning id`;
export const UPDATE_TEMPLATE = `
update games.templates set name = $2, defaults = $3::jsonb, locked = $4::text[], updated_at = now()
 where id = $1::uuid returning id`;
export const DELETE_TEMPLATE = `delete from games.templates where id = $1::uuid returning id`;

function toTemplate(r: TemplateRow): Template {
  const locked = Array.isArray(r.locked)
    ? r.locked
    : r.locked
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);
  return {
    id: r.id,
    guildId: r.guild_id,
    name: r.name,
    defaults: r.defaults,
    locked: locked as TemplateField[],
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function readTemplate(tx: Executor, templateId: string, pointer?: string): Promise<Template> {
  const [row] = isUuid(templateId) ? await run<TemplateRow>(tx, SELECT_TEMPLATE, [templateId]) : [];
  if (!row)
    throw new GamesError('TEMPLATE_NOT_FOUND', 'That template was not found.', pointer ? { pointer } : {});
  return toTemplate(row);
}

export async function listTemplates(tx: Executor): Promise<Template[]> {
  return (await run<TemplateRow>(tx, SELECT_TEMPLATES)).map(toTemplate);
}

/** Checks what a template may hold; values are checked in full again when a game uses them. */
export function checkTemplate(input: TemplateInput): {
  name: string;
  defaults: TemplateDefaults;
  locked: TemplateField[];
} {
  const name = String(input.name ?? '').trim();
  if (!name || name.length > 100)
    throw new GamesError('INVALID_GAME_INPUT', 'A template needs a name of at most 100 characters.', {
      pointer: '/body/name',
      params: { detail: 'a template needs a name of at most 100 characters' },
    });
  const d = input.defaults ?? {};
  const prefixed = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof GamesError)
        throw new GamesError(error.code, error.message, {
          params: error.params,
          pointer: (error.fields[0]?.pointer ?? '/body').replace('/body/', '/body/defaults/'),
        });
      throw error;
    }
  };
  if (d.timezone !== undefined) prefixed(() => checkTimezone(d.timezone as string));
  if (d.reminderOffsetsMinutes !== undefined)
    prefixed(() => checkOffsets(d.reminderOffsetsMinutes, 'reminderOffsetsMinutes'));
  if (d.recurrence !== undefined) prefixed(() => checkRecurrence(d.recurrence));
  if (typeof d.minPlayers === 'number' && typeof d.maxPlayers === 'number' && d.maxPlayers < d.minPlayers)
    throw new GamesError('MAX_BELOW_MIN', 'The maximum number of players is below the minimum.', {
      pointer: '/body/defaults/maxPlayers',
    });
  return { name, defaults: d, locked: checkTemplateFields(input.locked) };
}

export async function insertTemplate(tx: Tx, guildId: string, input: TemplateInput): Promise<Template> {
  const t = checkTemplate(input);
  const id = randomUUID();
  const rows = await run(tx, INSERT_TEMPLATE, [
    id,
    guildId,
    t.name,
    JSON.stringify(t.defaults),
    pgArray(t.locked),
  ]);
  if (rows.length === 0) throw nameTaken(t.name);
  return readTemplate(tx, id);
}

export async function replaceTemplate(tx: Tx, templateId: string, input: TemplateInput): Promise<Template> {
  const t = checkTemplate(input);
  await readTemplate(tx, templateId);
  const [clash] = await run<{ id: string }>(
    tx,
    `select id::text from games.templates where lower(name) = lower($1) and id <> $2::uuid`,
    [t.name, templateId],
  );
  if (clash) throw nameTaken(t.name);
  await run(tx, UPDATE_TEMPLATE, [templateId, t.name, JSON.stringify(t.defaults), pgArray(t.locked)]);
  return readTemplate(tx, templateId);
}

const nameTaken = (name: string) =>
  new GamesError('TEMPLATE_NAME_TAKEN', `A template named “${name}” exists already.`, {
    pointer: '/body/name',
    params: { name },
  });

export { checkLocked };
