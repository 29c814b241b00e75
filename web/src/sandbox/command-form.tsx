import { type FormEvent, useId, useState } from 'react';
import type { SandboxChannel, SandboxCommand, SandboxWorld } from '../api/queries.ts';
import { useT } from '../i18n/i18n.ts';
import { Field } from '../ui/field.tsx';
import { InlineError } from '../ui/states.tsx';

type Option = SandboxCommand['options'][number];
export type CommandRun = {
  channelId: string;
  name: string;
  subcommand?: string;
  options: Record<string, string | number | boolean>;
};

/**
 * Running a slash command as the acting person: the command, its subcommand and its options as
 * the bot declared them (types, choices, bounds), in a channel of the sandbox.
 */
export function CommandForm({
  commands,
  channels,
  world,
  channelId,
  onRun,
  pending,
  error,
}: {
  commands: SandboxCommand[];
  /** Channels to run in; when the view shows one channel, just that one. */
  channels: SandboxChannel[];
  world: SandboxWorld | undefined;
  channelId: string | undefined;
  onRun: (run: CommandRun) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useT();
  const headingId = useId();
  const [name, setName] = useState(commands[0]?.name ?? '');
  const [subcommand, setSubcommand] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [where, setWhere] = useState(channelId ?? channels[0]?.id ?? '');
  const command = commands.find((c) => c.name === name);
  const sub = command?.subcommands.find((s) => s.name === (subcommand || command.subcommands[0]?.name));
  const options = sub ? sub.options : (command?.options ?? []);
  const target = channelId ?? where;
  const guildId = channels.find((c) => c.id === target)?.guildId ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!command || !target) return;
    const typed: CommandRun['options'] = {};
    for (const o of options) {
      const raw = values[o.name];
      if (raw === undefined || raw === '') continue;
      typed[o.name] =
        o.type === 'integer' || o.type === 'number'
          ? Number(raw)
          : o.type === 'boolean'
            ? raw === 'true'
            : raw;
    }
    onRun({
      channelId: target,
      name: command.name,
      ...(sub ? { subcommand: sub.name } : {}),
      options: typed,
    });
  };

  return (
    <form className="command-form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId} className="command-form-title">
        {t('dashboard.sandbox.commands.title')}
      </h2>
      <div className="command-form-fields">
        <Field label={t('dashboard.sandbox.commands.command')} help={command?.description}>
          {(control) => (
            <select
              {...control}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setSubcommand('');
                setValues({});
              }}
            >
              {commands.map((c) => (
                <option key={c.name} value={c.name}>
                  /{c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {command && command.subcommands.length > 0 ? (
          <Field label={t('dashboard.sandbox.commands.subcommand')} help={sub?.description}>
            {(control) => (
              <select
                {...control}
                value={sub?.name ?? ''}
                onChange={(e) => {
                  setSubcommand(e.target.value);
                  setValues({});
                }}
              >
                {command.subcommands.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {channelId === undefined ? (
          <Field label={t('dashboard.sandbox.commands.channel')}>
            {(control) => (
              <select {...control} value={where} onChange={(e) => setWhere(e.target.value)}>
                {channels.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name ? `#${c.name}` : t('dashboard.sandbox.directMessages')}
                    {c.guildId ? ` · ${world?.guilds.find((g) => g.id === c.guildId)?.name ?? ''}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {options.map((o) => (
          <OptionField
            key={`${name}/${sub?.name ?? ''}/${o.name}`}
            option={o}
            value={values[o.name] ?? ''}
            onChange={(v) => setValues((all) => ({ ...all, [o.name]: v }))}
            world={world}
            guildId={guildId}
          />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending || !command || !target}>
          {t('dashboard.sandbox.commands.run', {
            name: [command?.name, sub?.name].filter(Boolean).join(' '),
          })}
        </button>
        <InlineError error={error} />
      </div>
    </form>
  );
}

function OptionField({
  option: o,
  value,
  onChange,
  world,
  guildId,
}: {
  option: Option;
  value: string;
  onChange: (value: string) => void;
  world: SandboxWorld | undefined;
  guildId: string | null;
}) {
  const { t } = useT();
  const label = `${o.name}${o.required ? ' *' : ''}`;
  const guild = world?.guilds.find((g) => g.id === guildId);
  const choices: Array<{ value: string; label: string }> | undefined =
    o.choices.length > 0
      ? o.choices.map((c) => ({ value: String(c.value), label: c.name }))
      : o.type === 'boolean'
        ? [
            { value: 'true', label: t('dashboard.common.yes') },
            { value: 'false', label: t('dashboard.common.no') },
          ]
        : o.type === 'user' || o.type === 'mentionable'
          ? [
              ...(world?.people ?? [])
                .filter((p) => !p.bot)
                .map((p) => ({ value: p.id, label: p.globalName ?? p.username })),
              ...(o.type === 'mentionable'
                ? (guild?.roles ?? []).map((r) => ({ value: r.id, label: `@${r.name}` }))
                : []),
            ]
          : o.type === 'role'
            ? (guild?.roles ?? []).map((r) => ({ value: r.id, label: `@${r.name}` }))
            : o.type === 'channel'
              ? (world?.channels ?? [])
                  .filter((c) => c.guildId === guildId)
                  .map((c) => ({ value: c.id, label: `#${c.name ?? c.id}` }))
              : undefined;
  return (
    <Field label={label} help={o.description}>
      {(control) =>
        choices ? (
          <select {...control} required={o.required} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('dashboard.sandbox.choose')}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...control}
            type={o.type === 'integer' || o.type === 'number' ? 'number' : 'text'}
            step={o.type === 'integer' ? 1 : 'any'}
            required={o.required}
            disabled={o.type === 'attachment'}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            {...(o.minValue !== undefined ? { min: o.minValue } : {})}
            {...(o.maxValue !== undefined ? { max: o.maxValue } : {})}
            {...(o.minLength !== undefined ? { minLength: o.minLength } : {})}
            {...(o.maxLength !== undefined ? { maxLength: o.maxLength } : {})}
          />
        )
      }
    </Field>
  );
}
