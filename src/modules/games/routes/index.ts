import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { AccessPolicy } from '#modules/core/access.ts';
import { principalOf } from '#platform/http/auth.ts';
import { GuildParams, problems } from '#platform/http/schemas.ts';
import type { HttpApp } from '#platform/http/types.ts';
import type { GamesService } from '../service/contract.ts';
import type {
  Actor,
  GameInput,
  GamePatch,
  GameStatus,
  ParticipationResult,
  TemplateInput,
} from '../types.ts';
import {
  CancelQuery,
  CloneSchema,
  ConfigInputSchema,
  ConfigSchema,
  EditQuery,
  GameInputSchema,
  GamePageSchema,
  GameParams,
  GamePatchSchema,
  GameSchema,
  ListQuery,
  NoteBody,
  ParticipantParams,
  ParticipationSchema,
  ReminderPreferenceInputSchema,
  ReminderPreferenceSchema,
  TemplateInputSchema,
  TemplateParams,
  TemplateSchema,
} from './schemas.ts';

const READ = { access: { scope: 'games:read' } };
const WRITE = { access: { scope: 'games:write' } };
const tags = ['games'];
const base = '/api/v1/guilds/:guildId/games';

/**
 * The games API. Every route first establishes that the caller is a member of the guild (404
 * otherwise, hiding whether the guild exists); the service then decides host and admin rights
 * and checks the input (problem+json with field pointers).
 */
export function gamesRoutes(deps: { readonly service: GamesService; readonly access: AccessPolicy }) {
  const { service, access } = deps;

  async function actorOf(request: FastifyRequest, guildId: string): Promise<Actor & object> {
    const principal = principalOf(request);
    const membership = await access.requireMember(principal, guildId);
    return { userId: principal.userId, principal, requestId: request.id, membership };
  }

  /**
   * A read runs alongside the membership check (it is confined to the guild by row-level
   * security and returned only when the check passes): one transaction's latency instead of two.
   */
  async function memberRead<T>(
    request: FastifyRequest,
    guildId: string,
    read: (userId: string) => Promise<T>,
  ) {
    const principal = principalOf(request);
    const [member, result] = await Promise.allSettled([
      access.requireMember(principal, guildId),
      read(principal.userId),
    ]);
    if (member.status === 'rejected') throw member.reason;
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  return (app: HttpApp) => {
    // Sign-up routes take an optional body: none at all reads as {} (then checked by the schema).
    const optionalBody = async (request: FastifyRequest) => {
      if (request.body === undefined || request.body === null) request.body = {};
    };

    app.get(
      base,
      {
        config: READ,
        schema: {
          tags,
          summary: 'Games of a guild, by start time, with keyset pagination',
          params: GuildParams,
          querystring: ListQuery,
          response: { 200: GamePageSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        const q = request.query as Static<typeof ListQuery>;
        return memberRead(request, guildId, (userId) =>
          service.list(
            guildId,
            {
              ...(q.status ? { status: q.status.split(',') as GameStatus[] } : {}),
              ...(q.hostId ? { hostId: q.hostId } : {}),
              ...(q.participantId ? { participantId: q.participantId } : {}),
              ...(q.mine ? { involvedUserId: userId } : {}),
              ...(q.from ? { from: q.from } : {}),
              ...(q.to ? { to: q.to } : {}),
              ...(q.order ? { order: q.order } : {}),
              ...(q.limit ? { limit: q.limit } : {}),
            },
            q.cursor ?? null,
          ),
        );
      },
    );

    app.post(
      base,
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Create a game (hosts); schedules its reminders and status changes',
          params: GuildParams,
          body: GameInputSchema,
          response: { 201: GameSchema, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const { guildId } = request.params;
        const game = await service.create(
          guildId,
          await actorOf(request, guildId),
          request.body as GameInput,
        );
        return reply.code(201).send(game);
      },
    );

    app.get(
      '/api/v1/guilds/:guildId/games/:gameId',
      {
        config: READ,
        schema: {
          tags,
          summary: 'A game with its participants',
          params: GameParams,
          response: { 200: GameSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId, gameId } = request.params;
        return memberRead(request, guildId, () => service.get(guildId, gameId));
      },
    );

    app.patch(
      '/api/v1/guilds/:guildId/games/:gameId',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Edit a game (its host or an admin); a new time moves every schedule',
          description:
            'For an instance of a recurring game, `scope` chooses: `occurrence` (the default) changes this game only — the series goes on with its own settings and rhythm, so moving this week’s game to Wednesday leaves the later weeks on Tuesday; `series` changes this game and every later one (a new time moves the rhythm from here on). Only the current instance of a series exists; later ones are created when it ends. `recurrence` belongs to the series with either scope: `null` stops repeating after this game, a new rule applies from this game on. On a game that does not repeat both scopes mean the same.',
          params: GameParams,
          querystring: EditQuery,
          body: GamePatchSchema,
          response: { 200: GameSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const { guildId, gameId } = request.params;
        const { scope } = request.query as Static<typeof EditQuery>;
        return service.update(
          guildId,
          await actorOf(request, guildId),
          gameId,
          request.body as GamePatch,
          scope,
        );
      },
    );

    app.delete(
      '/api/v1/guilds/:guildId/games/:gameId',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Cancel a game (its host or an admin); nothing of it fires later',
          description:
            'For an instance of a recurring game, `scope` chooses: `occurrence` (the default) cancels this instance and the series goes on — its next instance is still created when this one would have ended; `series` cancels this and every later instance and nothing more is created. On a game that does not repeat both mean the same. `series` on an occurrence cancelled before widens that cancellation; anything else on a cancelled or completed game is 409 `GAME_CLOSED`. `GAME_CANCELLED` carries the scope.',
          params: GameParams,
          querystring: CancelQuery,
          response: { 200: GameSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { guildId, gameId } = request.params;
        const { reason, scope } = request.query as Static<typeof CancelQuery>;
        return service.cancel(guildId, await actorOf(request, guildId), gameId, reason, scope);
      },
    );

    app.post(
      '/api/v1/guilds/:guildId/games/:gameId/clone',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'A new game with the same settings at another time (the caller hosts it)',
          params: GameParams,
          body: CloneSchema,
          response: { 201: GameSchema, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const { guildId, gameId } = request.params;
        const body = request.body as GamePatch & { startsAt: string };
        const game = await service.clone(guildId, await actorOf(request, guildId), gameId, body);
        return reply.code(201).send(game);
      },
    );

    const self = (
      path: 'join' | 'leave' | 'decline',
      summary: string,
      fn: (
        guildId: string,
        userId: string,
        gameId: string,
        note: string | null,
        actor: Actor & object,
      ) => Promise<ParticipationResult>,
    ) =>
      app.post(
        `/api/v1/guilds/:guildId/games/:gameId/${path}`,
        {
          config: WRITE,
          schema: {
            tags,
            summary,
            params: GameParams,
            ...(path === 'join' ? { body: NoteBody } : {}),
            response: { 200: ParticipationSchema, ...problems(400, 401, 403, 404, 409) },
          },
          preValidation: optionalBody,
        },
        async (request) => {
          const { guildId, gameId } = request.params;
          const actor = await actorOf(request, guildId);
          const note = (request.body as Static<typeof NoteBody> | undefined)?.note ?? null;
          return fn(guildId, actor.userId, gameId, note, actor);
        },
      );

    self(
      'join',
      'Sign up as the signed-in user (confirmed or waitlisted), with an optional note',
      (g, u, id, note, actor) => service.join(g, u, id, { note, actor }),
    );
    self('leave', 'Leave the game; the first waitlisted player moves up', (g, u, id) =>
      service.leave(g, u, id),
    );
    self('decline', 'Answer "can’t come" (frees a slot like leaving)', (g, u, id) =>
      service.decline(g, u, id),
    );

    app.put(
      '/api/v1/guilds/:guildId/games/:gameId/participants/:userId',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Host adds a player (may push the last self-joined player back to the waitlist)',
          params: ParticipantParams,
          body: NoteBody,
          response: { 200: ParticipationSchema, ...problems(400, 401, 403, 404, 409) },
        },
        preValidation: optionalBody,
      },
      async (request) => {
        const { guildId, gameId, userId } = request.params;
        const note = (request.body as Static<typeof NoteBody> | undefined)?.note ?? null;
        return service.addParticipant(guildId, await actorOf(request, guildId), gameId, userId, { note });
      },
    );

    app.delete(
      '/api/v1/guilds/:guildId/games/:gameId/participants/:userId',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Host removes a player; the first waitlisted player moves up',
          params: ParticipantParams,
          response: { 200: ParticipationSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { guildId, gameId, userId } = request.params;
        return service.removeParticipant(guildId, await actorOf(request, guildId), gameId, userId);
      },
    );

    app.post(
      '/api/v1/guilds/:guildId/games/:gameId/participants/:userId/promote',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Host moves a waitlisted player to confirmed',
          params: ParticipantParams,
          response: { 200: ParticipationSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { guildId, gameId, userId } = request.params;
        return service.promote(guildId, await actorOf(request, guildId), gameId, userId);
      },
    );

    app.get(
      `${base}/templates`,
      {
        config: READ,
        schema: {
          tags,
          summary: 'Game templates of a guild',
          params: GuildParams,
          response: {
            200: Type.Object({ templates: Type.Array(TemplateSchema) }),
            ...problems(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        return { templates: await memberRead(request, guildId, () => service.listTemplates(guildId)) };
      },
    );

    app.post(
      `${base}/templates`,
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Create a template (hosts): defaults and locked fields for new games',
          params: GuildParams,
          body: TemplateInputSchema,
          response: { 201: TemplateSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const { guildId } = request.params;
        const t = await service.createTemplate(
          guildId,
          await actorOf(request, guildId),
          request.body as TemplateInput,
        );
        return reply.code(201).send(t);
      },
    );

    app.get(
      `${base}/templates/:templateId`,
      {
        config: READ,
        schema: {
          tags,
          summary: 'A game template',
          params: TemplateParams,
          response: { 200: TemplateSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId, templateId } = request.params;
        return memberRead(request, guildId, () => service.getTemplate(guildId, templateId));
      },
    );

    app.put(
      `${base}/templates/:templateId`,
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Replace a template (hosts)',
          params: TemplateParams,
          body: TemplateInputSchema,
          response: { 200: TemplateSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const { guildId, templateId } = request.params;
        return service.updateTemplate(
          guildId,
          await actorOf(request, guildId),
          templateId,
          request.body as TemplateInput,
        );
      },
    );

    app.delete(
      `${base}/templates/:templateId`,
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Delete a template (games created from it keep their settings)',
          params: TemplateParams,
          response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { guildId, templateId } = request.params;
        await service.deleteTemplate(guildId, await actorOf(request, guildId), templateId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      `${base}/config`,
      {
        config: READ,
        schema: {
          tags,
          summary: "The guild's games configuration",
          params: GuildParams,
          response: { 200: ConfigSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        return memberRead(request, guildId, () => service.getConfig(guildId));
      },
    );

    app.put(
      `${base}/config`,
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Change the games configuration (guild admins); fields left out stay',
          params: GuildParams,
          body: ConfigInputSchema,
          response: { 200: ConfigSchema, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        return service.putConfig(guildId, await actorOf(request, guildId), request.body as never);
      },
    );

    app.get(
      `${base}/reminder-preferences`,
      {
        config: READ,
        schema: {
          tags,
          summary: "The signed-in user's reminder preferences (gameId null: every game)",
          params: GuildParams,
          response: {
            200: Type.Object({ preferences: Type.Array(ReminderPreferenceSchema) }),
            ...problems(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        return {
          preferences: await memberRead(request, guildId, (userId) =>
            service.getReminderPreferences(guildId, userId),
          ),
        };
      },
    );

    app.put(
      `${base}/reminder-preferences`,
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Mute reminders (one game or all) or choose your own lead time',
          params: GuildParams,
          body: ReminderPreferenceInputSchema,
          response: { 200: ReminderPreferenceSchema, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        const actor = await actorOf(request, guildId);
        return service.setReminderPreference(guildId, actor.userId, request.body as never);
      },
    );
  };
}
