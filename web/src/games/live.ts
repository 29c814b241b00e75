import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { gamesKey } from './keys.ts';
import { sseParser } from './sse.ts';

export type LiveState = 'connecting' | 'open' | 'retrying';

/** Waits between reconnection attempts: 1 s, doubling to at most 30 s, reset once connected. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
/** Many events at once (a 200-player join storm) refetch once, not 200 times. */
const COALESCE_MS = 250;

/**
 * Keeps a guild's games pages current: listens to `GET …/games/events` and refetches what is on
 * screen when anything happens (the events say what changed; the queries know how to show it).
 * Reconnects with back-off, sending the last event id so the server replays what was missed, and
 * refetches on reconnect in case it could not (the change feed is a hint; the API is the truth).
 *
 * fetch rather than EventSource: it reports why a connection failed (a 404 for a guild one left
 * stops retrying) and hears events of every name without knowing the names in advance.
 */
export function useGamesLive(guildId: string): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    let stopped = false;
    let controller: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let lastId: string | undefined;
    let wait = FIRST_RETRY_MS;

    const refresh = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        void queryClient.invalidateQueries({ queryKey: gamesKey(guildId) });
      }, COALESCE_MS);
    };

    const connect = async () => {
      controller = new AbortController();
      setState((s) => (s === 'open' ? 'retrying' : s));
      try {
        const response = await fetch(`/api/v1/guilds/${guildId}/games/events`, {
          headers: { accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) },
          signal: controller.signal,
          cache: 'no-store',
        });
        // Not a member (any more), or signed out: retrying would not help.
        if ([401, 403, 404].includes(response.status)) {
          setState('retrying');
          return;
        }
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        setState('open');
        wait = FIRST_RETRY_MS;
        // 'change' and 'reset' (the server lost track) mean fetch again; so does 'ready', which
        // opens the stream: a change between the page's first fetch and it would go unseen.
        const parse = sseParser((e) => {
          if (e.id) lastId = e.id;
          refresh();
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
      } catch {
        if (stopped) return;
      }
      if (stopped) return;
      setState('retrying');
      timer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, MAX_RETRY_MS);
    };
    void connect();
    return () => {
      stopped = true;
      controller?.abort();
      clearTimeout(timer);
      clearTimeout(pending);
    };
  }, [guildId, queryClient]);

  return state;
}
