/**
 * Custom ids carry everything a stateless handler needs (Discord allows 100 characters):
 *
 *     <module>:<id>:v<version>:<expiry>:<state>:<state>…
 *
 * `expiry` is the Unix time in base 36 after which the component answers "expired", or `-` for
 * never. State parts are percent-encoded, so they may contain any character, ':' included.
 */
export const CUSTOM_ID_MAX = 100;

export type ParsedCustomId = {
  readonly module: string;
  readonly id: string;
  readonly version: number;
  /** Milliseconds since the epoch, or undefined for components that never expire. */
  readonly expiresAt: number | undefined;
  readonly state: readonly string[];
};

const NAME = /^[a-z0-9_-]{1,24}$/;

export function encodeCustomId(input: {
  module: string;
  id: string;
  version: number;
  state?: readonly string[];
  expiresAt?: number;
}): string {
  if (!NAME.test(input.module) || !NAME.test(input.id))
    throw new TypeError(`custom id parts must match ${NAME}: ${input.module}:${input.id}`);
  const expiry = input.expiresAt === undefined ? '-' : Math.ceil(input.expiresAt / 1000).toString(36);
  const parts = [
    input.module,
    input.id,
    `v${input.version}`,
    expiry,
    ...(input.state ?? []).map(encodeURIComponent),
  ];
  const text = parts.join(':');
  if (text.length > CUSTOM_ID_MAX)
    throw new RangeError(
      `custom id longer than ${CUSTOM_ID_MAX} characters (${text.length}): keep state short`,
    );
  return text;
}

/** The parts of a custom id, or undefined when it is not one of ours. */
export function decodeCustomId(text: string): ParsedCustomId | undefined {
  if (text.length > CUSTOM_ID_MAX) return undefined;
  const [module, id, version, expiry, ...state] = text.split(':');
  if (!module || !id || !version || expiry === undefined) return undefined;
  if (!NAME.test(module) || !NAME.test(id) || !/^v\d{1,6}$/.test(version)) return undefined;
  if (expiry !== '-' && !/^[0-9a-z]{1,10}$/.test(expiry)) return undefined;
  try {
    return {
      module,
      id,
      version: Number(version.slice(1)),
      expiresAt: expiry === '-' ? undefined : Number.parseInt(expiry, 36) * 1000,
      state: state.map(decodeURIComponent),
    };
  } catch {
    return undefined;
  }
}
