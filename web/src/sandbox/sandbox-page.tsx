import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import {
  demoUsersQuery,
  meQuery,
  type SandboxChannel,
  type SandboxMessage,
  sandboxCommandsQuery,
  sandboxMessagesQuery,
  sandboxWorldQuery,
} from '../api/queries.ts';
import type { paths } from '../api/schema.d.ts';
import { currentLocale, useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { Empty, ErrorState, errorText, Loading } from '../ui/states.tsx';
import { CommandForm, type CommandRun } from './command-form.tsx';
import { MessageView } from './message-view.tsx';
import { type ModalData, ModalDialog } from './modal-dialog.tsx';
import { namesOf } from './names.ts';
import './sandbox.css';

const route = getRouteApi('/app/sandbox');

type Press = paths['/api/v1/sandbox/interactions']['post']['requestBody']['content']['application/json'];
type Reply = { type: number; data?: unknown };
/** Discord's interaction response types the sandbox reacts to. */
const MODAL = 9;

/** Discord's locale for the dashboard's language: the bot answers the acting person in it. */
const discordLocale = () => (currentLocale() === 'de' ? 'de' : 'en-US');

/** A form to show: what the bot sent, and where the interaction that opened it happened. */
type OpenModal = { data: ModalData; channelId: string; messageId?: string };

/**
 * One interaction kind (press, form, command), with its own pending state and error. A reply
 * that is a form opens it, in the channel (and on the message) the interaction came from.
 */
function useInteraction(actAs: string, openModal: (modal: OpenModal) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { press: Press; channelId: string; messageId?: string }): Promise<Reply> =>
      unwrap(
        await api.POST('/api/v1/sandbox/interactions', {
          body: { ...input.press, actAs, locale: discordLocale() },
        }),
      ).response,
    onSuccess: async (reply, { channelId, messageId }) => {
      if (reply.type === MODAL)
        openModal({ data: reply.data as ModalData, channelId, ...(messageId ? { messageId } : {}) });
      // The answer was recorded like any message: show it now rather than at the next poll.
      await queryClient.invalidateQueries({ queryKey: ['sandbox', actAs, 'messages'] });
    },
  });
}

/**
 * The Discord sandbox: with no bot token, everything the bot would have sent, as a chosen demo
 * person sees it (their guilds' channels, their DMs, answers only they can see), live, with its
 * buttons, menus, forms and slash commands working as that person.
 */
export function SandboxPage() {
  const { t } = useT();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/sandbox' });
  const me = useQuery(meQuery);
  const people = useQuery(demoUsersQuery);
  const actAs = search.actAs ?? me.data?.user.id ?? '';
  const world = useQuery({ ...sandboxWorldQuery(actAs), enabled: actAs !== '' });
  const channels = world.data?.channels ?? [];
  // A channel the person acted as cannot see (after switching person) falls back to everything.
  const channelId = channels.some((c) => c.id === search.channel) ? search.channel : undefined;
  const names = useMemo(() => namesOf(world.data), [world.data]);
  // Besides the demo people who can sign in, anyone in the viewer's guilds can be acted as (a game
  // night needs more than five people to fill up).
  const mine = useQuery({ ...sandboxWorldQuery(me.data?.user.id ?? ''), enabled: Boolean(me.data) });
  const others = (mine.data?.people ?? []).filter(
    (p) => !p.bot && !(people.data ?? []).some((d) => d.id === p.id),
  );

  const [modal, setModal] = useState<OpenModal>();
  const pressButton = useInteraction(actAs, setModal);
  const runCommand = useInteraction(actAs, setModal);
  // A form answered with another form replaces it; any other answer closes it.
  const submitModal = useInteraction(actAs, setModal);

  if (world.isError && world.error instanceof ApiError && world.error.status === 404)
    return (
      <Page title={t('dashboard.sandbox.title')}>
        <p className="notice">{t('sandbox.errors.onlyWithoutDiscord')}</p>
      </Page>
    );

  const current = channels.find((c) => c.id === channelId);
  const pressing = pressButton.isPending ? pressButton.variables.press : undefined;
  const pending = pressing?.type === 'component' ? `${pressing.messageId} ${pressing.customId}` : undefined;

  return (
    <Page title={t('dashboard.sandbox.title')} intro={t('dashboard.sandbox.intro')} wide>
      <div className="sandbox">
        <aside className="sandbox-side">
          <label className="field">
            <span className="field-label">{t('dashboard.sandbox.actingAs')}</span>
            <select
              value={actAs}
              disabled={!people.data}
              onChange={(e) => void navigate({ search: (s) => ({ ...s, actAs: e.target.value }) })}
            >
              {(people.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.globalName}
                  {p.id === me.data?.user.id ? ` · ${t('dashboard.sandbox.you')}` : ''}
                </option>
              ))}
              {others.length > 0 ? (
                <optgroup label={t('dashboard.sandbox.otherMembers')}>
                  {others.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.globalName ?? p.username}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            <span className="field-help">{t('dashboard.sandbox.actingAsHelp')}</span>
          </label>
          {people.isError ? <ErrorState error={people.error} retry={() => people.refetch()} /> : null}
          <ChannelNav channels={channels} current={channelId} guildName={names.guild} />
        </aside>
        <section className="sandbox-main" aria-labelledby="sandbox-channel">
          <h2 id="sandbox-channel" className="sandbox-channel">
            {current
              ? current.name
                ? `#${current.name}`
                : t('dashboard.sandbox.directMessages')
              : t('dashboard.sandbox.allMessages')}
            {current?.guildId ? <span className="muted"> · {names.guild(current.guildId)}</span> : null}
          </h2>
          {world.isPending && actAs ? <Loading /> : null}
          {world.isError ? <ErrorState error={world.error} retry={() => world.refetch()} /> : null}
          {world.data ? (
            <MessageLog
              actAs={actAs}
              channelId={channelId}
              showPlace={channelId === undefined}
              render={(message) => (
                <MessageView
                  key={message.id}
                  message={message}
                  names={names}
                  world={world.data}
                  showPlace={channelId === undefined}
                  press={{
                    pending,
                    disabled: false,
                    onPress: (m, customId, values) =>
                      pressButton.mutate({
                        press: {
                          type: 'component',
                          messageId: m.id,
                          customId,
                          ...(values ? { values } : {}),
                        },
                        channelId: m.channelId,
                        messageId: m.id,
                      }),
                  }}
                />
              )}
            />
          ) : null}
          {pressButton.isError ? (
            <p className="inline-error" role="alert">
              {t('dashboard.sandbox.pressFailed', { reason: errorText(pressButton.error, t) })}
            </p>
          ) : null}
          <Commands
            channels={current ? [current] : channels.filter((c) => c.guildId !== null)}
            channelId={channelId}
            world={world.data}
            onRun={(run: CommandRun) =>
              runCommand.mutate({ press: { type: 'command', ...run }, channelId: run.channelId })
            }
            pending={runCommand.isPending}
            error={runCommand.error}
          />
        </section>
      </div>
      {modal ? (
        <ModalDialog
          key={modal.data.custom_id}
          data={modal.data}
          pending={submitModal.isPending}
          error={submitModal.error}
          onClose={() => {
            setModal(undefined);
            submitModal.reset();
          }}
          onSubmit={(fields) =>
            submitModal.mutate(
              {
                press: {
                  type: 'modal',
                  channelId: modal.channelId,
                  customId: modal.data.custom_id,
                  fields,
                  ...(modal.messageId ? { messageId: modal.messageId } : {}),
                },
                channelId: modal.channelId,
                ...(modal.messageId ? { messageId: modal.messageId } : {}),
              },
              { onSuccess: (reply) => reply.type !== MODAL && setModal(undefined) },
            )
          }
        />
      ) : null}
    </Page>
  );
}

function ChannelNav({
  channels,
  current,
  guildName,
}: {
  channels: SandboxChannel[];
  current: string | undefined;
  guildName: (id: string) => string | undefined;
}) {
  const { t } = useT();
  const groups = new Map<string, SandboxChannel[]>();
  for (const c of channels) {
    const key = c.guildId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return (
    <nav className="channel-nav" aria-label={t('dashboard.sandbox.channels')}>
      <ul>
        <li>
          <Link
            to="/sandbox"
            search={(s) => ({ ...(s.actAs ? { actAs: s.actAs } : {}) })}
            aria-current={current === undefined ? 'page' : undefined}
            activeOptions={{ includeSearch: true, exact: true }}
          >
            {t('dashboard.sandbox.allMessages')}
          </Link>
        </li>
      </ul>
      {[...groups].map(([guildId, list]) => (
        <div key={guildId} className="channel-group">
          <p className="channel-group-name">
            {guildId ? guildName(guildId) : t('dashboard.sandbox.directMessages')}
          </p>
          <ul>
            {list.map((c) => (
              <li key={c.id}>
                <Link
                  to="/sandbox"
                  search={(s) => ({ ...(s.actAs ? { actAs: s.actAs } : {}), channel: c.id })}
                  aria-current={current === c.id ? 'page' : undefined}
                >
                  {c.name ? `# ${c.name}` : t('dashboard.sandbox.directMessages')}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/**
 * The messages, oldest at the top like a chat, polled while the page is visible. It keeps to the
 * bottom as new messages come, unless the reader scrolled up to read older ones.
 */
function MessageLog({
  actAs,
  channelId,
  showPlace,
  render,
}: {
  actAs: string;
  channelId: string | undefined;
  showPlace: boolean;
  render: (message: SandboxMessage) => React.ReactNode;
}) {
  const { t } = useT();
  const messages = useInfiniteQuery(sandboxMessagesQuery(actAs, channelId));
  const list = useMemo(() => (messages.data?.pages.flat() ?? []).slice().reverse(), [messages.data]);
  const log = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const newest = list[list.length - 1]?.id;

  useLayoutEffect(() => {
    const el = log.current;
    if (el && stickToBottom.current && newest) el.scrollTop = el.scrollHeight;
  }, [newest]);

  if (messages.isPending) return <Loading />;
  if (messages.isError) return <ErrorState error={messages.error} retry={() => messages.refetch()} />;
  return (
    // Browsers make a scrolling region keyboard-focusable themselves (Chrome 130+, Firefox).
    <div
      className="sandbox-log"
      ref={log}
      role="log"
      aria-live="polite"
      aria-label={t('dashboard.sandbox.log')}
      data-show-place={showPlace || undefined}
      onScroll={(e) => {
        const el = e.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {messages.hasNextPage ? (
        <button
          type="button"
          className="button button-quiet load-older"
          onClick={() => messages.fetchNextPage()}
          disabled={messages.isFetchingNextPage}
        >
          {t('dashboard.sandbox.loadOlder')}
        </button>
      ) : null}
      {list.length === 0 ? <Empty>{t('dashboard.sandbox.empty')}</Empty> : list.map(render)}
    </div>
  );
}

function Commands(props: Omit<Parameters<typeof CommandForm>[0], 'commands'>) {
  const commands = useQuery(sandboxCommandsQuery);
  if (commands.isPending) return <Loading />;
  if (commands.isError) return <ErrorState error={commands.error} retry={() => commands.refetch()} />;
  // No module declares a command: nothing to run, so no form at all.
  if (commands.data.length === 0 || props.channels.length === 0) return null;
  return <CommandForm key={props.channelId ?? 'all'} commands={commands.data} {...props} />;
}
