import type { APIEmbed } from 'discord-api-types/v10';
import type { SandboxMessage, SandboxWorld } from '../api/queries.ts';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/time.ts';
import { type AnyComponent, ComponentsView, type PressControls } from './components-view.tsx';
import { EmbedView } from './embed-view.tsx';
import { Markdown } from './markdown.tsx';
import type { Names } from './names.ts';

const EPHEMERAL = 64;

/** One message the bot sent, drawn like Discord draws it, with where it went when the view mixes channels. */
export function MessageView({
  message,
  names,
  world,
  showPlace,
  press,
}: {
  message: SandboxMessage;
  names: Names;
  world: SandboxWorld | undefined;
  showPlace: boolean;
  press: Omit<PressControls, 'onPress'> & {
    onPress(message: SandboxMessage, customId: string, values?: string[]): void;
  };
}) {
  const { t, locale } = useT();
  const author = names.person(message.authorId)?.name ?? 'Guildhall';
  const ephemeral = (message.flags & EPHEMERAL) !== 0;
  const deleted = message.deletedAt !== null;
  const place =
    message.kind === 'dm'
      ? t('dashboard.sandbox.dmTo', { name: names.person(message.recipientId ?? '')?.name ?? '?' })
      : `#${names.channel(message.channelId)?.name ?? message.channelId}`;
  // Pending interactions are "<message id> <custom id>": only this message's button spins.
  const pendingHere = press.pending?.startsWith(`${message.id} `)
    ? press.pending.slice(message.id.length + 1)
    : undefined;
  const classes = ['dmsg', ephemeral ? 'dmsg-ephemeral' : '', deleted ? 'dmsg-deleted' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes} aria-label={t('dashboard.sandbox.messageLabel', { author, place })}>
      <div className="dmsg-avatar" aria-hidden="true">
        {author.slice(0, 1)}
      </div>
      <div className="dmsg-body">
        <p className="dmsg-head">
          <span className="dmsg-author">{author}</span>
          <span className="dmsg-app">{t('dashboard.sandbox.app')}</span>
          <time
            className="dmsg-time"
            dateTime={message.createdAt}
            title={formatDateTime(message.createdAt, locale, { dateStyle: 'full', timeStyle: 'medium' })}
          >
            {formatDateTime(message.createdAt, locale)}
          </time>
          {showPlace ? <span className="dmsg-place">{place}</span> : null}
        </p>
        {deleted ? <p className="dmsg-note">{t('dashboard.sandbox.deleted')}</p> : null}
        {message.content ? <Markdown text={message.content} names={names} /> : null}
        {(message.embeds as APIEmbed[]).map((embed, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a message's embeds keep their order
          <EmbedView key={i} embed={embed} names={names} />
        ))}
        {message.components.length > 0 ? (
          <ComponentsView
            components={message.components as AnyComponent[]}
            names={names}
            world={world}
            guildId={message.guildId}
            pending={pendingHere}
            disabled={press.disabled || deleted || (press.pending !== undefined && pendingHere === undefined)}
            onPress={(customId, values) => press.onPress(message, customId, values)}
          />
        ) : null}
        {message.editedAt && !deleted ? (
          <span className="dmsg-edited">{t('dashboard.sandbox.edited')}</span>
        ) : null}
        {ephemeral ? (
          <p className="dmsg-note">
            {t('dashboard.sandbox.onlyFor', { name: names.person(message.recipientId ?? '')?.name ?? '?' })}
          </p>
        ) : null}
      </div>
    </article>
  );
}
