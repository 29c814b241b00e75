import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { BaseContext, ComponentContext, ComponentSpec, Reply } from './commands/types.ts';

export type Page = { readonly embeds: readonly APIEmbed[]; readonly pageCount: number };

export type PaginatorSpec = {
  /** Component id within the module. */
  readonly id: string;
  readonly version?: number;
  /**
   * After this long the buttons are disabled (default 5 minutes). The interaction token that can
   * edit the message lives 15 minutes, so longer timeouts are cut to 14.
   */
  readonly timeoutMs?: number;
  /**
   * Renders one page (0-based) from the state given to `start`. Pages are rendered again on each
   * press, so the paginator keeps no memory and any replica can serve the next press.
   */
  readonly render: (ctx: BaseContext, state: readonly string[], page: number) => Promise<Page>;
};

export type Paginator = {
  /** Declare it among the module's components. */
  readonly component: ComponentSpec;
  /** The first page with its buttons, as a command's reply; schedules the disabling. */
  start(ctx: BaseContext, state?: readonly string[], options?: { ephemeral?: boolean }): Promise<Reply>;
};

const MAX_TIMEOUT_MS = 14 * 60_000;

/**
 * ⬅️/➡️ buttons over rendered pages (BlissBotV2's `Paginator`), stateless: the custom ids carry
 * the page, the caller's state and the moment the buttons stop working. A timer in the process
 * that opened it disables the buttons at that moment; if that process is gone by then, the next
 * press disables them instead of turning the page.
 */
export function createPaginator(spec: PaginatorSpec): Paginator {
  const timeoutMs = Math.min(spec.timeoutMs ?? 5 * 60_000, MAX_TIMEOUT_MS);

  const buttons = (
    ctx: BaseContext,
    page: number,
    pageCount: number,
    expiresAt: number,
    state: readonly string[],
    disabled: boolean,
  ): APIActionRowComponent<APIButtonComponent>[] => {
    const exp = Math.ceil(expiresAt / 1000).toString(36);
    const id = (action: string, target: number) =>
      ctx.customId(spec.id, [action, String(target), exp, ...state]);
    return [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: id('p', page - 1),
            label: ctx.t('discord.paginator.previous'),
            emoji: { name: '⬅️' },
            disabled: disabled || page <= 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: id('i', page),
            label: ctx.t('discord.paginator.page', { page: page + 1, pages: pageCount }),
            disabled: true,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: id('n', page + 1),
            label: ctx.t('discord.paginator.next'),
            emoji: { name: '➡️' },
            disabled: disabled || page >= pageCount - 1,
          },
        ],
      },
    ];
  };

  const view = async (
    ctx: BaseContext,
    state: readonly string[],
    page: number,
    expiresAt: number,
    disabled = false,
  ) => {
    const first = await spec.render(ctx, state, page);
    const pageCount = Math.max(1, first.pageCount);
    const clamped = Math.min(Math.max(0, page), pageCount - 1);
    const shown = clamped === page ? first : await spec.render(ctx, state, clamped);
    return {
      embeds: [...shown.embeds],
      components: buttons(ctx, clamped, pageCount, expiresAt, state, disabled),
    };
  };

  return {
    component: {
      id: spec.id,
      version: spec.version ?? 1,
      updatesMessage: true,
      async handler(ctx: ComponentContext): Promise<Reply> {
        const [, target = '0', exp = '0', ...state] = ctx.state;
        const expiresAt = Number.parseInt(exp, 36) * 1000;
        const page = Number(target);
        if (!(expiresAt > Date.now()))
          return { update: true, ...(await view(ctx, state, page - 0, expiresAt, true)) };
        return { update: true, ...(await view(ctx, state, page, expiresAt)) };
      },
    },
    async start(ctx, state = [], options = {}) {
      const expiresAt = Date.now() + timeoutMs;
      const first = await view(ctx, state, 0, expiresAt);
      const token = ctx.interaction.token;
      const timer = setTimeout(async () => {
        try {
          const last = await view(ctx, state, 0, expiresAt, true);
          // Only the buttons change: the page the reader is on stays (we do not know it here).
          await ctx.discord.editOriginalResponse(token, { components: last.components });
        } catch {
          // The message may be gone; the next press disables the buttons anyway.
        }
      }, timeoutMs);
      timer.unref();
      return { ...first, ...(options.ephemeral !== undefined ? { ephemeral: options.ephemeral } : {}) };
    },
  };
}
