import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';

/** Discord's embed limits (characters, counted as UTF-16 code units like Discord's API does). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All text of all embeds of one message together. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

/** Cuts `text` to `max` characters, ending in "…" when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** The characters Discord counts towards the 6,000 total. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * One embed within every limit: texts truncated, at most 25 fields, and if the total still
 * exceeds 6,000 the description and then trailing fields give way.
 */
export function embed(input: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...input };
  if (out.title) out.title = truncate(out.title, EMBED_LIMITS.title);
  if (out.description) out.description = truncate(out.description, EMBED_LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, EMBED_LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, EMBED_LIMITS.author) };
  if (out.fields)
    out.fields = out.fields.slice(0, EMBED_LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name || '\u200b', EMBED_LIMITS.fieldName),
      value: truncate(f.value || '\u200b', EMBED_LIMITS.fieldValue),
    }));
  let over = embedLength(out) - EMBED_LIMITS.total;
  if (over > 0 && out.description) {
    out.description = truncate(out.description, Math.max(1, out.description.length - over));
    over = embedLength(out) - EMBED_LIMITS.total;
  }
  while (over > 0 && out.fields && out.fields.length > 0) {
    out.fields = out.fields.slice(0, -1);
    over = embedLength(out) - EMBED_LIMITS.total;
  }
  return out;
}

/** Splits text into chunks of at most `max`, at line breaks where possible, else at spaces. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/**
 * Long content as several embeds instead of a cut-off one: the description split at line breaks,
 * fields 25 at a time, each within the 6,000 total; later embeds get `continuedTitle` (e.g. the
 * catalogue's "{{title}} (continued)"). Send them with `packMessages` or page through them.
 */
export function splitEmbeds(
  base: APIEmbed,
  continuedTitle: (title: string) => string = (title) => title,
): APIEmbed[] {
  const { description = '', fields = [], ...rest } = base;
  const head = embed({ ...rest });
  const room = (e: APIEmbed) => EMBED_LIMITS.total - embedLength(e);
  const out: APIEmbed[] = [];
  let current: APIEmbed = { ...head };
  const push = () => {
    out.push(embed(current));
    current = {
      ...head,
      ...(head.title ? { title: truncate(continuedTitle(head.title), EMBED_LIMITS.title) } : {}),
    };
  };
  for (const chunk of description
    ? splitText(description, Math.min(EMBED_LIMITS.description, room(head) - 1))
    : []) {
    if (current.description) push();
    current.description = chunk;
  }
  for (const raw of fields) {
    const f: APIEmbedField = {
      ...raw,
      name: truncate(raw.name || '\u200b', EMBED_LIMITS.fieldName),
      value: truncate(raw.value || '\u200b', EMBED_LIMITS.fieldValue),
    };
    const count = current.fields?.length ?? 0;
    if (count >= EMBED_LIMITS.fields || room(current) < f.name.length + f.value.length) push();
    current.fields = [...(current.fields ?? []), f];
  }
  if (out.length === 0 || current.description || current.fields?.length) push();
  return out;
}

/** Groups embeds into messages: at most 10 embeds and 6,000 characters per message. */
export function packMessages(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds.map(embed)) {
    const n = embedLength(e);
    if (current.length >= EMBED_LIMITS.embedsPerMessage || size + n > EMBED_LIMITS.total) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += n;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
