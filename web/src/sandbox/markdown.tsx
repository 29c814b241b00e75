import { type ReactNode, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { DiscordTime } from './discord-time.tsx';
import { cssColor, type Names } from './names.ts';

/**
 * The part of Discord's markdown the bot writes: code, `<t:…>` times, mentions, custom emoji,
 * links, bold, italics, underline, strike-through, spoilers, headings, quotes, lists and subtext.
 * Built as React elements from the text, never as HTML, so message content cannot inject markup.
 */
export function Markdown({ text, names }: { text: string; names: Names }) {
  const { t } = useT();
  const parts = text.split(/```(?:[\w+-]*\n)?([\s\S]*?)```/);
  return (
    <div className="md">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text, in order
          <pre key={i} className="md-codeblock">
            <code>{part}</code>
          </pre>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <Lines key={i} text={part} names={names} unknown={t} />
        ),
      )}
    </div>
  );
}

type Ctx = { names: Names; unknown: ReturnType<typeof useT>['t'] };

/** Line-level formatting: the first block rule whose pattern fits a line draws it. */
const BLOCKS: Array<{ re: RegExp; render: (m: RegExpExecArray, key: string, ctx: Ctx) => ReactNode }> = [
  {
    re: /^(#{1,3}) (.*)$/,
    render: (m, key, ctx) => (
      <span key={key} className={`md-h md-h${m[1]?.length}`}>
        {inline(m[2] ?? '', ctx, key)}
      </span>
    ),
  },
  {
    re: /^-# (.*)$/,
    render: (m, key, ctx) => (
      <span key={key} className="md-subtext">
        {inline(m[1] ?? '', ctx, key)}
      </span>
    ),
  },
  {
    re: /^>>? ?(.*)$/,
    render: (m, key, ctx) => (
      <blockquote key={key} className="md-quote">
        {inline(m[1] ?? '', ctx, key)}
      </blockquote>
    ),
  },
  {
    re: /^(\s*)[-*] (.*)$/,
    render: (m, key, ctx) => (
      <span key={key} className="md-bullet" style={{ marginInlineStart: `${(m[1]?.length ?? 0) / 2}rem` }}>
        {inline(m[2] ?? '', ctx, key)}
      </span>
    ),
  },
];

function Lines({ text, names, unknown }: { text: string } & Ctx) {
  const lines = text.replace(/^\n+|\n+$/g, '').split('\n');
  const ctx = { names, unknown };
  const out: ReactNode[] = [];
  lines.forEach((line, i) => {
    const key = `l${i}`;
    for (const block of BLOCKS) {
      const m = block.re.exec(line);
      if (m) {
        out.push(block.render(m, key, ctx));
        return;
      }
    }
    out.push(<span key={key}>{inline(line, ctx, key)}</span>);
    if (i < lines.length - 1) out.push(<br key={`${key}br`} />);
  });
  return <>{out}</>;
}

type Rule = { re: RegExp; render: (m: RegExpExecArray, key: string, ctx: Ctx) => ReactNode };

const RULES: Rule[] = [
  {
    re: /`([^`\n]+)`/,
    render: (m, key) => (
      <code key={key} className="md-code">
        {m[1]}
      </code>
    ),
  },
  {
    re: /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/,
    render: (m, key) => <DiscordTime key={key} unix={Number(m[1])} style={m[2] ?? 'f'} />,
  },
  {
    re: /<@!?(\d{15,21})>/,
    render: (m, key, { names, unknown }) => (
      <span key={key} className="md-mention">
        @{names.person(m[1] ?? '')?.name ?? unknown('dashboard.sandbox.unknownPerson')}
      </span>
    ),
  },
  {
    re: /<@&(\d{15,21})>/,
    render: (m, key, { names, unknown }) => {
      const role = names.role(m[1] ?? '');
      const color = cssColor(role?.color);
      return (
        <span
          key={key}
          className="md-mention md-role"
          style={color ? { color, borderColor: color } : undefined}
        >
          @{role?.name ?? unknown('dashboard.sandbox.unknownRole')}
        </span>
      );
    },
  },
  {
    re: /<#(\d{15,21})>/,
    render: (m, key, { names, unknown }) => (
      <span key={key} className="md-mention">
        #{names.channel(m[1] ?? '')?.name ?? unknown('dashboard.sandbox.unknownChannel')}
      </span>
    ),
  },
  {
    re: /@(everyone|here)\b/,
    render: (m, key) => (
      <span key={key} className="md-mention">
        @{m[1]}
      </span>
    ),
  },
  { re: /<a?:(\w{2,32}):\d{15,21}>/, render: (m, key) => <span key={key}>:{m[1]}:</span> },
  {
    re: /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/,
    render: (m, key, ctx) => (
      <a key={key} href={m[2]} target="_blank" rel="noopener noreferrer">
        {inline(m[1] ?? '', ctx, key)}
      </a>
    ),
  },
  {
    re: /https?:\/\/[^\s<]+[^\s<.,:;"')\]]/,
    render: (m, key) => (
      <a key={key} href={m[0]} target="_blank" rel="noopener noreferrer">
        {m[0]}
      </a>
    ),
  },
  {
    re: /\*\*([\s\S]+?)\*\*/,
    render: (m, key, ctx) => <strong key={key}>{inline(m[1] ?? '', ctx, key)}</strong>,
  },
  { re: /__([\s\S]+?)__/, render: (m, key, ctx) => <u key={key}>{inline(m[1] ?? '', ctx, key)}</u> },
  { re: /~~([\s\S]+?)~~/, render: (m, key, ctx) => <s key={key}>{inline(m[1] ?? '', ctx, key)}</s> },
  {
    re: /\|\|([\s\S]+?)\|\|/,
    render: (m, key, ctx) => <Spoiler key={key}>{inline(m[1] ?? '', ctx, key)}</Spoiler>,
  },
  {
    re: /\*([^*\n]+)\*|(?<![\w])_([^_\n]+)_(?![\w])/,
    render: (m, key, ctx) => <em key={key}>{inline(m[1] ?? m[2] ?? '', ctx, key)}</em>,
  },
];

/** Inline formatting, earliest match first, recursing into what bold, italics and links wrap. */
function inline(text: string, ctx: Ctx, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest) {
    let best: { index: number; match: RegExpExecArray; rule: Rule } | undefined;
    for (const rule of RULES) {
      const match = rule.re.exec(rest);
      if (match && (!best || match.index < best.index)) best = { index: match.index, match, rule };
    }
    if (!best) {
      out.push(rest);
      break;
    }
    if (best.index > 0) out.push(rest.slice(0, best.index));
    out.push(best.rule.render(best.match, `${keyPrefix}.${n++}`, ctx));
    rest = rest.slice(best.index + best.match[0].length);
  }
  return out;
}

/** Hidden until pressed, as in Discord; a button, so a keyboard can reveal it too. */
function Spoiler({ children }: { children: ReactNode }) {
  const { t } = useT();
  const [shown, setShown] = useState(false);
  if (shown) return <span className="md-spoiler md-spoiler-shown">{children}</span>;
  return (
    <button
      type="button"
      className="md-spoiler"
      onClick={() => setShown(true)}
      aria-label={t('dashboard.sandbox.spoiler')}
    >
      {children}
    </button>
  );
}
