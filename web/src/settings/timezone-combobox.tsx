import { useId, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { timeZones } from '../ui/time.ts';

const MAX_SHOWN = 60;
const offsets = new Map<string, string>();

/** "GMT+1", computed once per zone (for now: it changes with daylight saving time). */
function offsetOf(zone: string): string {
  let offset = offsets.get(zone);
  if (offset === undefined) {
    try {
      offset =
        new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
          .formatToParts(new Date())
          .find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      offset = '';
    }
    offsets.set(zone, offset);
  }
  return offset;
}

const normalize = (text: string) => text.toLowerCase().replaceAll('_', ' ');

/**
 * A searchable list of every IANA time zone (ARIA 1.2 combobox: type to filter, arrows to move,
 * Enter to choose, Escape to close). Free text is allowed on purpose: the API is the one judge of
 * what a time zone is, and says so next to the field.
 */
export function TimezoneCombobox({
  value,
  onChange,
  control,
}: {
  value: string;
  onChange: (zone: string) => void;
  control: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };
}) {
  const { t } = useT();
  const listId = useId();
  const all = useMemo(timeZones, []);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [query, setQuery] = useState<string | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);

  const matches = useMemo(() => {
    const q = normalize(query ?? '');
    const found = q ? all.filter((z) => normalize(z).includes(q)) : all;
    return found.slice(0, MAX_SHOWN);
  }, [all, query]);

  const choose = (zone: string) => {
    onChange(zone);
    setQuery(undefined);
    setOpen(false);
    setActive(-1);
  };
  const move = (to: number) => {
    setOpen(true);
    const next = Math.max(0, Math.min(matches.length - 1, to));
    setActive(next);
    list.current?.children[next]?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <div className="combobox">
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setQuery(undefined)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            move(open ? active + 1 : 0);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            move(active - 1);
          } else if (e.key === 'Enter' && open && active >= 0) {
            e.preventDefault();
            const zone = matches[active];
            if (zone) choose(zone);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      <div
        className="combobox-list"
        id={listId}
        role="listbox"
        ref={list}
        aria-label={t('dashboard.settings.timezone.list')}
        hidden={!open}
      >
        {matches.length === 0 ? (
          <div className="combobox-empty">{t('dashboard.settings.timezone.noMatch')}</div>
        ) : null}
        {matches.map((zone, i) => (
          <div
            key={zone}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={zone === value}
            // Focus stays in the input (aria-activedescendant); -1 only makes the option a target.
            tabIndex={-1}
            className={i === active ? 'combobox-option combobox-active' : 'combobox-option'}
            // mousedown, not click: the input would lose focus and close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(zone);
            }}
          >
            <span>{zone.replaceAll('_', ' ')}</span>
            <span className="muted small">{offsetOf(zone)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
