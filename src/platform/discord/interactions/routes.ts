import { createHash } from 'node:crypto';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Cache } from '../../cache/cache.ts';
import { sendProblem } from '../../http/problem.ts';
import type { HttpApp } from '../../http/types.ts';
import type { I18n } from '../../i18n/i18n.ts';
import type { Bot, DiscordBots } from '../identities.ts';
import { MAX_SIGNATURE_AGE_S, verifyInteraction } from './verify.ts';

export type InteractionRoutesOptions = {
  readonly bots: DiscordBots;
  readonly cache: Cache;
  readonly i18n: I18n;
};

/**
 * `POST /interactions` (the primary identity) and `POST /interactions/:bot` (each identity): the
 * URL to enter as "Interactions Endpoint URL" in the Developer Portal. Stateless: any API replica
 * can answer, and follow-ups go through Discord's webhook, not this connection.
 *
 * The body is kept as raw bytes (the signature covers them exactly) and parsed only after the
 * Ed25519 signature and the timestamp check out. A signature seen before is refused as a replay;
 * with Redis that holds across replicas.
 */
export function registerInteractionRoutes(app: HttpApp, options: InteractionRoutesOptions) {
  const { bots, cache, i18n } = options;

  const handle = async (
    bot: Bot | undefined,
    botName: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const t = i18n.forLocale(request.headers['accept-language']);
    if (!bot)
      return sendProblem(
        request,
        reply,
        404,
        'INTERACTIONS_UNKNOWN_BOT',
        t('interactions.unknownBot', { bot: botName }),
      );
    if (!bot.publicKey)
      return sendProblem(
        request,
        reply,
        404,
        'INTERACTIONS_NOT_CONFIGURED',
        t('interactions.noPublicKey', { bot: bot.name }),
      );
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = header(request, 'x-signature-ed25519');
    const check = verifyInteraction(bot.publicKey, signature, header(request, 'x-signature-timestamp'), raw);
    if (!check.ok) {
      request.log.info({ bot: bot.name, reason: check.reason }, 'interaction refused');
      return sendProblem(
        request,
        reply,
        401,
        'INTERACTION_SIGNATURE_INVALID',
        t('interactions.badSignature'),
      );
    }
    // Valid signatures are unique per request: one seen within the age window is a replay.
    const seenKey = `interaction.seen:${createHash('sha256')
      .update(signature ?? '')
      .digest('base64url')}`;
    if (!(await cache.setIfAbsent(seenKey, 1, { ttlMs: 2 * MAX_SIGNATURE_AGE_S * 1000 }))) {
      request.log.warn({ bot: bot.name }, 'interaction replay refused');
      return sendProblem(request, reply, 401, 'INTERACTION_REPLAYED', t('interactions.badSignature'));
    }
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(raw.toString('utf8'));
      if (typeof interaction !== 'object' || interaction === null || typeof interaction.type !== 'number')
        throw new Error('not an interaction');
    } catch {
      return sendProblem(request, reply, 400, 'INTERACTION_MALFORMED', t('interactions.malformed'));
    }

    const { promise: initial, resolve } = Promise.withResolvers<APIInteractionResponse>();
    const done = bot.dispatcher.dispatch(interaction, async (response) => resolve(response));
    // Whatever the dispatcher does after its first answer (follow-ups) goes on without this request.
    const answer = await Promise.race([initial, done.then(() => initial)]);
    done.catch((err) =>
      request.log.error({ err, interactionId: interaction.id }, 'interaction dispatch failed'),
    );
    return reply.type('application/json').send(answer);
  };

  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    const config = { access: { public: true } };
    const schema = { hide: true };
    scope.post('/interactions', { config, schema }, (request, reply) =>
      handle(bots.primary, bots.primary.name, request, reply),
    );
    scope.post('/interactions/:bot', { config, schema }, (request, reply) => {
      const name = (request.params as { bot: string }).bot;
      return handle(bots.byName(name), name, request, reply);
    });
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
