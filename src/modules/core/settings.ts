import { eq } from 'drizzle-orm';
import type { HintedMemo } from '#platform/cache/hinted-memo.ts';
import type { Database } from '#platform/db/database.ts';
import { type FieldProblem, UserError } from '#platform/errors.ts';
import type { Principal } from '#platform/http/types.ts';
import { isSupportedLocale, SUPPORTED_LOCALES } from '#platform/i18n/locales.ts';
import { isValidTimeZone } from '#platform/time.ts';
import { CAPABILITIES, type Capability } from './access.ts';
import { audit } from './audit.ts';
import { guildSettings } from './schema.ts';

export type GuildSettings = {
  timezone: string;
  locale: string;
  enabledModules: string[];
  capabilityRoles: Partial<Record<Capability, string[]>>;
  updatedAt: string | null;
};

export const DEFAULT_SETTINGS = { timezone: 'UTC', locale: 'en', capabilityRoles: {} } as const;

/**
 * `memo` (grouped by guild on core's `guildhall_access` hint, which guild_settings' triggers
 * send) spares the read on each interaction, which asks for the locale and the enabled modules.
 */
export function createSettingsService(
  db: Database,
  moduleNames: () => readonly string[],
  onGuildChanged?: (guildId: string) => void,
  memo?: HintedMemo<GuildSettings>,
) {
  function shape(row: typeof guildSettings.$inferSelect | undefined): GuildSettings {
    if (!row)
      return {
        ...DEFAULT_SETTINGS,
        capabilityRoles: {},
        enabledModules: [...moduleNames()],
        updatedAt: null,
      };
    return {
      timezone: row.timezone,
      locale: row.locale,
      // A row no admin saved (the demo seed writes one for its time zone) has the default:
      // every module on, as for a guild without a row.
      enabledModules: row.updatedBy === null ? [...moduleNames()] : row.enabledModules,
      capabilityRoles: row.capabilityRoles as GuildSettings['capabilityRoles'],
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  return {
    async get(guildId: string): Promise<GuildSettings> {
      const load = async () => {
        const [row] = await db.withGuild(guildId, (tx) =>
          tx.select().from(guildSettings).where(eq(guildSettings.guildId, guildId)),
        );
        // Shared by every caller while remembered: nobody may change it in place.
        const settings = shape(row);
        Object.freeze(settings.enabledModules);
        return Object.freeze(settings);
      };
      return memo ? memo.get(guildId, guildId, load) : load();
    },

    /** Replaces the settings after checking every field; all problems are reported together. */
    async put(
      guildId: string,
      input: Omit<GuildSettings, 'updatedAt'>,
      actor: Principal,
      requestId?: string,
    ): Promise<GuildSettings> {
      const problems: FieldProblem[] = [];
      if (!isValidTimeZone(input.timezone))
        problems.push({
          pointer: '/body/timezone',
          detail: `"${input.timezone}" is not an IANA time zone such as Europe/Berlin`,
        });
      if (!isSupportedLocale(input.locale))
        problems.push({ pointer: '/body/locale', detail: `must be one of ${SUPPORTED_LOCALES.join(', ')}` });
      const known = moduleNames();
      input.enabledModules.forEach((m, i) => {
        if (!known.includes(m))
          problems.push({
            pointer: `/body/enabledModules/${i}`,
            detail: `"${m}" is not a module; known: ${known.join(', ')}`,
          });
      });
      for (const key of Object.keys(input.capabilityRoles)) {
        if (!(CAPABILITIES as readonly string[]).includes(key))
          problems.push({
            pointer: `/body/capabilityRoles/${key}`,
            detail: `is not a capability; known: ${CAPABILITIES.join(', ')}`,
          });
      }
      if (problems.length > 0)
        throw new UserError('SETTINGS_INVALID', problems.map((p) => `${p.pointer} ${p.detail}`).join('; '), {
          status: 422,
          fields: problems,
        });

      return db
        .withGuild(guildId, async (tx) => {
          const [before] = await tx
            .select()
            .from(guildSettings)
            .where(eq(guildSettings.guildId, guildId))
            .for('update');
          const values = {
            timezone: input.timezone,
            locale: input.locale,
            enabledModules: [...new Set(input.enabledModules)],
            capabilityRoles: Object.fromEntries(
              Object.entries(input.capabilityRoles).map(([k, v]) => [k, [...new Set(v)]]),
            ),
            updatedAt: new Date(),
            updatedBy: actor.userId,
          };
          const [after] = await tx
            .insert(guildSettings)
            .values({ guildId, ...values })
            .onConflictDoUpdate({ target: guildSettings.guildId, set: values })
            .returning();
          await audit(tx, {
            guildId,
            actor,
            action: 'guild.settings.update',
            target: `guild:${guildId}`,
            before: before ? shape(before) : null,
            after: shape(after),
            ...(requestId ? { requestId } : {}),
          });
          return shape(after);
        })
        .finally(() => {
          memo?.drop(guildId);
          onGuildChanged?.(guildId);
        });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
