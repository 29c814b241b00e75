import assert from 'node:assert/strict';

export type SseEvent = { id?: string; event: string; data: string };

/** Reads a text/event-stream response, event by event (comments as event ':'). */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: SseEvent[] = [];
  let done = false;
  const pump = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const e: SseEvent = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) e.event = ':';
          else if (line.startsWith('id: ')) e.id = line.slice(4);
          else if (line.startsWith('event: ')) e.event = line.slice(7);
          else if (line.startsWith('data: ')) e.data = line.slice(6);
          else if (line.startsWith('retry: ')) e.event = 'retry';
        }
        events.push(e);
        cut = buffer.indexOf('\n\n');
      }
    }
    done = true;
  })().catch(() => {
    done = true;
  });
  return {
    events,
    get done() {
      return done;
    },
    pump,
    async until(predicate: (events: SseEvent[]) => boolean, what: string, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!predicate(events)) {
        if (Date.now() > deadline)
          assert.fail(`timed out waiting for ${what}; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    cancel: () => reader.cancel().catch(() => {}),
  };
}
