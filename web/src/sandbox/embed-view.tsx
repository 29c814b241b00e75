import type { APIEmbed } from 'discord-api-types/v10';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/time.ts';
import { Markdown } from './markdown.tsx';
import { cssColor, type Names } from './names.ts';

/** One embed as Discord draws it: colour bar, author, title, description, fields in rows of up to three, images, footer. */
export function EmbedView({ embed, names }: { embed: APIEmbed; names: Names }) {
  const { locale } = useT();
  const color = cssColor(embed.color);
  // Discord puts up to three inline fields side by side; a field that is not inline takes a row.
  const rows: Array<NonNullable<APIEmbed['fields']>> = [];
  for (const field of embed.fields ?? []) {
    const last = rows[rows.length - 1];
    if (field.inline && last && last.length < 3 && last.every((f) => f.inline)) last.push(field);
    else rows.push([field]);
  }
  return (
    <div className="embed" style={color ? { borderInlineStartColor: color } : undefined}>
      <div className="embed-grid">
        <div className="embed-content">
          {embed.author ? (
            <p className="embed-author">
              {embed.author.icon_url ? (
                <img src={embed.author.icon_url} alt="" width="24" height="24" />
              ) : null}
              {embed.author.url ? (
                <a href={embed.author.url} target="_blank" rel="noopener noreferrer">
                  {embed.author.name}
                </a>
              ) : (
                embed.author.name
              )}
            </p>
          ) : null}
          {embed.title ? (
            <div className="embed-title">
              {embed.url ? (
                <a href={embed.url} target="_blank" rel="noopener noreferrer">
                  <Markdown text={embed.title} names={names} />
                </a>
              ) : (
                <Markdown text={embed.title} names={names} />
              )}
            </div>
          ) : null}
          {embed.description ? (
            <div className="embed-description">
              <Markdown text={embed.description} names={names} />
            </div>
          ) : null}
          {rows.length > 0 ? (
            <div className="embed-fields">
              {rows.map((row) => (
                <div
                  key={row.map((f) => f.name).join('\u0000')}
                  className={`embed-row embed-row-${row.length}`}
                >
                  {row.map((field, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: field names may repeat within an embed
                    <div key={i} className="embed-field">
                      <div className="embed-field-name">
                        <Markdown text={field.name} names={names} />
                      </div>
                      <div className="embed-field-value">
                        <Markdown text={field.value} names={names} />
                      </div>
                    </div>
                  ))}
                </div>
              ))}
            </div>
          ) : null}
          {embed.image?.url ? <img className="embed-image" src={embed.image.url} alt="" /> : null}
        </div>
        {embed.thumbnail?.url ? <img className="embed-thumbnail" src={embed.thumbnail.url} alt="" /> : null}
      </div>
      {embed.footer || embed.timestamp ? (
        <p className="embed-footer">
          {embed.footer?.icon_url ? <img src={embed.footer.icon_url} alt="" width="20" height="20" /> : null}
          {embed.footer?.text}
          {embed.footer && embed.timestamp ? ' • ' : null}
          {embed.timestamp ? (
            <time dateTime={embed.timestamp}>{formatDateTime(embed.timestamp, locale)}</time>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
