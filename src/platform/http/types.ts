import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';

/** The Fastify instance every module registers its routes on (TypeBox schemas give the types). */
export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Who made a request. Set by the authentication hook; absent on public routes. */
export type Principal = {
  readonly userId: string;
  readonly via: 'token' | 'session';
  /** Scopes granted; sessions of a signed-in person carry every scope. */
  readonly scopes: ReadonlySet<string> | 'all';
  /** A token restricted to one guild may act nowhere else. */
  readonly guildId: string | undefined;
  readonly tokenId?: string;
  readonly sessionId?: string;
};

/** Per-route options read by the platform's hooks. */
export type RouteAccess = {
  /** No authentication at all (health, docs, OAuth callbacks). */
  readonly public?: boolean;
  /** Required scope for token callers. */
  readonly scope?: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
