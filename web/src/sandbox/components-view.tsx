import { type ReactNode, useId, useState } from 'react';
import type { SandboxWorld } from '../api/queries.ts';
import { useT } from '../i18n/i18n.ts';
import { Markdown } from './markdown.tsx';
import type { Names } from './names.ts';

/** A message component as the API stores it (Discord's JSON), loosely: unknown kinds are skipped. */
export type AnyComponent = {
  type: number;
  custom_id?: string;
  style?: number;
  label?: string;
  url?: string;
  disabled?: boolean;
  emoji?: { name?: string | null; id?: string | null } | null;
  options?: Array<{ label: string; value: string; description?: string; default?: boolean }>;
  placeholder?: string;
  min_values?: number;
  max_values?: number;
  components?: AnyComponent[];
  content?: string;
  accessory?: AnyComponent;
};

export type PressControls = {
  onPress(customId: string, values?: string[]): void;
  /** The custom id (on this message) whose interaction is on its way. */
  pending: string | undefined;
  /** Deleted messages and sandbox views without a person to act as. */
  disabled: boolean;
};

const BUTTON_STYLE: Record<number, string> = {
  1: 'dbutton-primary',
  2: 'dbutton-secondary',
  3: 'dbutton-success',
  4: 'dbutton-danger',
  5: 'dbutton-secondary',
};

type Ctx = PressControls & { names: Names; world: SandboxWorld | undefined; guildId: string | null };

/** Buttons and menus under a message, pressable as the person the sandbox acts as. */
export function ComponentsView(props: { components: AnyComponent[] } & Ctx) {
  return <div className="dcomponents">{props.components.map((c, i) => render(c, `${i}`, props))}</div>;
}

function render(c: AnyComponent, key: string, ctx: Ctx): ReactNode {
  switch (c.type) {
    case 1: // action row
      return (
        <div key={key} className="drow">
          {(c.components ?? []).map((child, i) => render(child, `${key}.${i}`, ctx))}
        </div>
      );
    case 2:
      return <DiscordButton key={key} component={c} ctx={ctx} />;
    case 3:
    case 5:
    case 6:
    case 7:
    case 8:
      return <DiscordSelect key={key} component={c} ctx={ctx} />;
    case 9: // section: text beside an accessory (a button or a thumbnail)
      return (
        <div key={key} className="dsection">
          <div>{(c.components ?? []).map((child, i) => render(child, `${key}.${i}`, ctx))}</div>
          {c.accessory ? render(c.accessory, `${key}.a`, ctx) : null}
        </div>
      );
    case 10: // text display
      return <Markdown key={key} text={c.content ?? ''} names={ctx.names} />;
    case 14: // separator
      return <hr key={key} className="dseparator" />;
    case 17: // container
      return (
        <div key={key} className="dcontainer">
          {(c.components ?? []).map((child, i) => render(child, `${key}.${i}`, ctx))}
        </div>
      );
    default:
      return null;
  }
}

function emojiOf(c: AnyComponent): string {
  return c.emoji?.name && !c.emoji.id ? `${c.emoji.name} ` : c.emoji?.name ? `:${c.emoji.name}: ` : '';
}

function DiscordButton({ component: c, ctx }: { component: AnyComponent; ctx: Ctx }) {
  const label = `${emojiOf(c)}${c.label ?? ''}`.trim();
  const className = `dbutton ${BUTTON_STYLE[c.style ?? 2] ?? 'dbutton-secondary'}`;
  if (c.style === 5 && c.url)
    return (
      <a className={className} href={c.url} target="_blank" rel="noopener noreferrer">
        {label} <span aria-hidden="true">↗</span>
      </a>
    );
  const customId = c.custom_id;
  const busy = customId !== undefined && ctx.pending === customId;
  return (
    <button
      type="button"
      className={className}
      disabled={c.disabled || ctx.disabled || !customId || ctx.pending !== undefined}
      aria-busy={busy || undefined}
      onClick={() => customId && ctx.onPress(customId)}
    >
      {busy ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
      {label}
    </button>
  );
}

function DiscordSelect({ component: c, ctx }: { component: AnyComponent; ctx: Ctx }) {
  const { t } = useT();
  const id = useId();
  const multiple = (c.max_values ?? 1) > 1;
  const [chosen, setChosen] = useState<string[]>(() =>
    (c.options ?? []).filter((o) => o.default).map((o) => o.value),
  );
  const options = choicesOf(c, ctx);
  const customId = c.custom_id;
  const disabled = c.disabled || ctx.disabled || !customId || ctx.pending !== undefined;
  const label = c.placeholder ?? t('dashboard.sandbox.choose');
  return (
    <div className="dselect">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        multiple={multiple}
        disabled={disabled}
        value={multiple ? chosen : (chosen[0] ?? '')}
        onChange={(e) => {
          const values = [...e.target.selectedOptions].map((o) => o.value).filter(Boolean);
          setChosen(values);
          // A single choice is sent at once, as Discord does when its menu closes.
          if (!multiple && values.length > 0 && customId) ctx.onPress(customId, values);
        }}
      >
        {multiple ? null : <option value="">{label}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {multiple ? (
        <button
          type="button"
          className="dbutton dbutton-primary"
          disabled={disabled || chosen.length < (c.min_values ?? 1)}
          onClick={() => customId && ctx.onPress(customId, chosen)}
        >
          {t('dashboard.sandbox.send')}
        </button>
      ) : null}
    </div>
  );
}

/** A menu's choices: its own options, or the guild's people, roles or channels for the typed menus. */
function choicesOf(c: AnyComponent, ctx: Ctx): Array<{ value: string; label: string }> {
  const guild = ctx.world?.guilds.find((g) => g.id === ctx.guildId);
  const people = (ctx.world?.people ?? [])
    .filter((p) => !p.bot)
    .map((p) => ({ value: p.id, label: p.globalName ?? p.username }));
  const roles = (guild?.roles ?? [])
    .filter((r) => r.id !== guild?.id)
    .map((r) => ({ value: r.id, label: `@${r.name}` }));
  switch (c.type) {
    case 3:
      return (c.options ?? []).map((o) => ({
        value: o.value,
        label: o.description ? `${o.label} — ${o.description}` : o.label,
      }));
    case 5:
      return people;
    case 6:
      return roles;
    case 7:
      return [...people, ...roles];
    case 8:
      return (ctx.world?.channels ?? [])
        .filter((ch) => ch.guildId === ctx.guildId)
        .map((ch) => ({ value: ch.id, label: `#${ch.name ?? ch.id}` }));
    default:
      return [];
  }
}
