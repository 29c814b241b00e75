import type { Messages } from '#platform/i18n/i18n.ts';
import type { Locale } from '#platform/i18n/locales.ts';

/**
 * The Discord side's texts (`games.discord.*`): the announcement, the buttons' answers, the
 * `/game` command (names, descriptions, options) and its forms. Errors of the core (GamesError)
 * come from `errors.<CODE>`, which G1's catalogue provides.
 */
const en = {
  announcement: {
    when: 'When',
    duration: 'Duration',
    host: 'Host',
    activity: 'Game',
    players: 'Players',
    playersCount: '{{count}}',
    playersOf: '{{count}}/{{max}}',
    minPlayers: 'at least {{min}}',
    participants: 'Signed up',
    nobody: 'Nobody yet — be the first!',
    waitlist: 'Waitlist',
    declined: 'Can’t come',
    more: '… and {{count}} more',
    status: 'Status',
    repeats: 'Repeats',
    cancelledTitle: '❌ Cancelled: {{title}}',
    completedTitle: '✅ Over: {{title}}',
    startedTitle: '▶️ Now playing: {{title}}',
    footer: 'Game {{id}}',
    join: 'Join',
    leave: 'Leave',
    decline: 'Can’t come',
  },
  duration: { minutes: '{{m}} min', hours: '{{h}} h', hoursMinutes: '{{h}} h {{m}} min' },
  status: {
    SCHEDULED: 'Scheduled',
    IN_PROGRESS: 'In progress',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
  },
  recurrence: {
    weekly_one: 'every week',
    weekly_other: 'every {{count}} weeks',
    monthly_date_one: 'every month on the same date',
    monthly_date_other: 'every {{count}} months on the same date',
    monthly_weekday_one: 'every month on the {{nth}} weekday',
    monthly_weekday_other: 'every {{count}} months on the {{nth}} weekday',
    nth: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last' },
  },
  answers: {
    joined: 'You are in: “{{title}}” {{when}}.',
    waitlisted: 'The game is full: you are number {{position}} on the waitlist of “{{title}}”.',
    left: 'You left “{{title}}”.',
    declined: 'Noted: you can’t come to “{{title}}”.',
  },
  dm: {
    cancelled: '“{{title}}” ({{when}}) was cancelled by the host.',
    cancelledReason: '“{{title}}” ({{when}}) was cancelled by the host: {{reason}}',
    cancelledSeries: '“{{title}}” ({{when}}) was cancelled by the host, with the rest of its series.',
    cancelledSeriesReason:
      '“{{title}}” ({{when}}) was cancelled by the host, with the rest of its series: {{reason}}',
    removed: 'The host removed you from “{{title}}” ({{when}}).',
    promoted: '🎉 A slot opened: you are now confirmed for “{{title}}” ({{when}}).',
    demoted: 'The host added a player to “{{title}}” ({{when}}), so you are back on the waitlist.',
    reminder: '⏰ “{{title}}” starts {{when}}.',
  },
  thread: { name: '{{title}} — {{date}}', welcome: 'Chat for “{{title}}”, starting {{when}}.' },
  role: { name: '🎲 {{title}}' },
  create: {
    modalTitle: 'New game',
    title: 'Title',
    titlePlaceholder: 'Friday raid',
    when: 'When',
    whenPlaceholder: 'friday 8pm, tomorrow 20:30, dec 24 18:00',
    duration: 'Duration in minutes',
    maxPlayers: 'Maximum players',
    description: 'Description',
    confirm: '**{{title}}** on {{full}} ({{relative}}), read from “{{input}}” in {{timezone}}. Create it?',
    confirmButton: 'Create',
    cancelButton: 'Cancel',
    created: 'Created “{{title}}” for {{when}}; the announcement follows in a moment.',
    dropped: 'Nothing was created.',
    expired: 'This draft is gone (older than an hour, or already used). Run /game create again.',
    unparsed:
      'I could not read “{{input}}” as a time. Try something like “friday 8pm” or “2026-12-24 18:00”.',
    past: '“{{input}}” is {{when}}, which is in the past.',
    notNumber: '“{{field}}” must be a whole number between {{min}} and {{max}}.',
  },
  list: {
    title: 'Upcoming games',
    mineTitle: 'Your games',
    empty: 'No upcoming games.',
    line: '{{when}} — **{{title}}** ({{players}}) by <@{{host}}>',
    mineLine: '{{when}} — **{{title}}** ({{players}}) — {{role}}',
    roleHost: 'host',
    roleconfirmed: 'signed up',
    rolehost_added: 'signed up',
    rolewaitlisted: 'waitlist',
    roledeclined: 'can’t come',
  },
  cancel: {
    done: '“{{title}}” is cancelled; the players are told.',
    doneSeries: '“{{title}}” and every later game of its series are cancelled; the players are told.',
  },
  edit: {
    modalTitle: 'Edit game',
    done: 'Saved “{{title}}”; the announcement follows.',
    nothing: 'Nothing changed.',
    more: 'More settings…',
    moreTitle: 'More settings',
    minPlayers: 'Minimum players',
    reminders: 'Reminders before the start (e.g. 1d, 15m)',
    repeat: 'Repeats (empty: once)',
    repeatPlaceholder: 'weekly, 2 weeks, monthly, monthly weekday, monthly last',
    activity: 'Game played',
    instructions: 'Instructions for the players',
    badReminders:
      '“{{text}}” are not reminder times: write durations such as 1d, 2h, 15m, separated by commas (at most {{max}}, each at most 30 days). Nothing was changed.',
    badRepeat:
      '“{{text}}” is not a repetition I know: leave it empty for a single game, or write weekly, 2 weeks, monthly, monthly weekday or monthly last. Nothing was changed.',
  },
  reminders: {
    offAll: 'Reminders are off for all games of this server.',
    offGame: 'Reminders are off for “{{title}}”.',
    onAll: 'Reminders are on again for all games of this server.',
    onGame: 'Reminders are on again for “{{title}}”.',
    lead: 'You will be reminded {{lead}} before your games.',
    leadGame: 'You will be reminded {{lead}} before “{{title}}”.',
    badLead:
      '“{{text}}” is not a lead time: write minutes (30) or a duration such as 30m, 2h or 1d (at most {{max}} days).',
  },
  commands: {
    game: {
      description: 'Game sessions: create, list, join and manage',
      sub: {
        create: { description: 'Plan a game (opens a form)' },
        list: { description: 'Upcoming games of this server' },
        mine: { description: 'Games you host or signed up for' },
        cancel: {
          description: 'Cancel a game you host',
          options: {
            game: { description: 'The game' },
            reason: { description: 'Why (told to the players)' },
            scope: {
              description: 'For a repeating game: this one only, or the whole series from here on',
              choices: { occurrence: 'this one', series: 'the whole series' },
            },
          },
        },
        edit: { description: 'Change a game you host', options: { game: { description: 'The game' } } },
      },
      group: {
        reminders: {
          description: 'Your reminders: off, on again, or your own lead time',
          sub: {
            off: {
              description: 'No reminders (for one game, or all games)',
              options: { game: { description: 'Only for this game (all games when left out)' } },
            },
            on: {
              description: 'Reminders again (for one game, or all games)',
              options: { game: { description: 'Only for this game (all games when left out)' } },
            },
            lead: {
              description: 'Be reminded this long before the start, instead of the game’s reminders',
              options: {
                time: { description: 'How long before: 30 (minutes), 30m, 2h, 1d' },
                game: { description: 'Only for this game (all games when left out)' },
              },
            },
          },
        },
      },
    },
  },
} satisfies Messages;

const de: Messages = {
  announcement: {
    when: 'Wann',
    duration: 'Dauer',
    host: 'Host',
    activity: 'Spiel',
    players: 'Spieler',
    playersCount: '{{count}}',
    playersOf: '{{count}}/{{max}}',
    minPlayers: 'mindestens {{min}}',
    participants: 'Angemeldet',
    nobody: 'Noch niemand — sei die erste Person!',
    waitlist: 'Warteliste',
    declined: 'Kann nicht',
    more: '… und {{count}} weitere',
    status: 'Status',
    repeats: 'Wiederholung',
    cancelledTitle: '❌ Abgesagt: {{title}}',
    completedTitle: '✅ Vorbei: {{title}}',
    startedTitle: '▶️ Läuft gerade: {{title}}',
    footer: 'Spiel {{id}}',
    join: 'Mitmachen',
    leave: 'Abmelden',
    decline: 'Kann nicht',
  },
  duration: { minutes: '{{m}} Min.', hours: '{{h}} Std.', hoursMinutes: '{{h}} Std. {{m}} Min.' },
  status: {
    SCHEDULED: 'Geplant',
    IN_PROGRESS: 'Läuft',
    COMPLETED: 'Beendet',
    CANCELLED: 'Abgesagt',
  },
  recurrence: {
    weekly_one: 'jede Woche',
    weekly_other: 'alle {{count}} Wochen',
    monthly_date_one: 'jeden Monat am selben Tag',
    monthly_date_other: 'alle {{count}} Monate am selben Tag',
    monthly_weekday_one: 'jeden Monat am {{nth}} Wochentag',
    monthly_weekday_other: 'alle {{count}} Monate am {{nth}} Wochentag',
    nth: { '1': 'ersten', '2': 'zweiten', '3': 'dritten', '4': 'vierten', '5': 'fünften', '-1': 'letzten' },
  },
  answers: {
    joined: 'Du bist dabei: „{{title}}“ {{when}}.',
    waitlisted: 'Das Spiel ist voll: Du bist Nummer {{position}} auf der Warteliste von „{{title}}“.',
    left: 'Du hast dich von „{{title}}“ abgemeldet.',
    declined: 'Vermerkt: Du kannst bei „{{title}}“ nicht.',
  },
  dm: {
    cancelled: '„{{title}}“ ({{when}}) wurde vom Host abgesagt.',
    cancelledReason: '„{{title}}“ ({{when}}) wurde vom Host abgesagt: {{reason}}',
    cancelledSeries: '„{{title}}“ ({{when}}) wurde vom Host abgesagt, mit dem Rest der Serie.',
    cancelledSeriesReason:
      '„{{title}}“ ({{when}}) wurde vom Host abgesagt, mit dem Rest der Serie: {{reason}}',
    removed: 'Der Host hat dich aus „{{title}}“ ({{when}}) entfernt.',
    promoted: '🎉 Ein Platz ist frei geworden: Du bist jetzt fest dabei bei „{{title}}“ ({{when}}).',
    demoted:
      'Der Host hat „{{title}}“ ({{when}}) einen Spieler hinzugefügt, daher stehst du wieder auf der Warteliste.',
    reminder: '⏰ „{{title}}“ beginnt {{when}}.',
  },
  thread: { name: '{{title}} — {{date}}', welcome: 'Chat zu „{{title}}“, Beginn {{when}}.' },
  role: { name: '🎲 {{title}}' },
  create: {
    modalTitle: 'Neues Spiel',
    title: 'Titel',
    titlePlaceholder: 'Freitags-Raid',
    when: 'Wann',
    whenPlaceholder: 'friday 8pm, tomorrow 20:30, dec 24 18:00',
    duration: 'Dauer in Minuten',
    maxPlayers: 'Höchstzahl Spieler',
    description: 'Beschreibung',
    confirm: '**{{title}}** am {{full}} ({{relative}}), gelesen aus „{{input}}“ in {{timezone}}. Anlegen?',
    confirmButton: 'Anlegen',
    cancelButton: 'Abbrechen',
    created: '„{{title}}“ für {{when}} angelegt; die Ankündigung folgt gleich.',
    dropped: 'Es wurde nichts angelegt.',
    expired: 'Dieser Entwurf ist weg (älter als eine Stunde oder schon benutzt). Starte /game create neu.',
    unparsed:
      '„{{input}}“ konnte ich nicht als Zeit lesen. Versuch etwas wie „friday 8pm“ oder „2026-12-24 18:00“.',
    past: '„{{input}}“ ist {{when}}, also in der Vergangenheit.',
    notNumber: '„{{field}}“ muss eine ganze Zahl zwischen {{min}} und {{max}} sein.',
  },
  list: {
    title: 'Kommende Spiele',
    mineTitle: 'Deine Spiele',
    empty: 'Keine kommenden Spiele.',
    line: '{{when}} — **{{title}}** ({{players}}) von <@{{host}}>',
    mineLine: '{{when}} — **{{title}}** ({{players}}) — {{role}}',
    roleHost: 'Host',
    roleconfirmed: 'angemeldet',
    rolehost_added: 'angemeldet',
    rolewaitlisted: 'Warteliste',
    roledeclined: 'kann nicht',
  },
  cancel: {
    done: '„{{title}}“ ist abgesagt; die Spieler werden benachrichtigt.',
    doneSeries:
      '„{{title}}“ und alle späteren Spiele der Serie sind abgesagt; die Spieler werden benachrichtigt.',
  },
  edit: {
    modalTitle: 'Spiel bearbeiten',
    done: '„{{title}}“ gespeichert; die Ankündigung folgt.',
    nothing: 'Nichts geändert.',
    more: 'Weitere Einstellungen…',
    moreTitle: 'Weitere Einstellungen',
    minPlayers: 'Mindestzahl an Spielern',
    reminders: 'Erinnerungen vor Beginn (z. B. 1d, 15m)',
    repeat: 'Wiederholung (leer: einmalig)',
    repeatPlaceholder: 'wöchentlich, 2 Wochen, monatlich, monatlich Wochentag, monatlich letzter',
    activity: 'Gespieltes Spiel',
    instructions: 'Hinweise für die Spieler',
    badReminders:
      '„{{text}}“ sind keine Erinnerungszeiten: schreib Dauern wie 1d, 2h, 15m, durch Kommas getrennt (höchstens {{max}}, jede höchstens 30 Tage). Nichts wurde geändert.',
    badRepeat:
      '„{{text}}“ ist keine Wiederholung, die ich kenne: leer lassen für ein einzelnes Spiel, oder wöchentlich, 2 Wochen, monatlich, monatlich Wochentag oder monatlich letzter. Nichts wurde geändert.',
  },
  reminders: {
    offAll: 'Erinnerungen sind für alle Spiele dieses Servers aus.',
    offGame: 'Erinnerungen für „{{title}}“ sind aus.',
    onAll: 'Erinnerungen sind für alle Spiele dieses Servers wieder an.',
    onGame: 'Erinnerungen für „{{title}}“ sind wieder an.',
    lead: 'Du wirst {{lead}} vor deinen Spielen erinnert.',
    leadGame: 'Du wirst {{lead}} vor „{{title}}“ erinnert.',
    badLead:
      '„{{text}}“ ist keine Vorlaufzeit: schreib Minuten (30) oder eine Dauer wie 30m, 2h oder 1d (höchstens {{max}} Tage).',
  },
  commands: {
    game: {
      name: 'spiel',
      description: 'Spielrunden: anlegen, auflisten, mitmachen und verwalten',
      sub: {
        create: { description: 'Ein Spiel planen (öffnet ein Formular)' },
        list: { description: 'Kommende Spiele dieses Servers' },
        mine: { description: 'Spiele, die du leitest oder bei denen du angemeldet bist' },
        cancel: {
          description: 'Ein Spiel absagen, das du leitest',
          options: {
            game: { description: 'Das Spiel' },
            reason: { description: 'Warum (wird den Spielern gesagt)' },
            scope: {
              description: 'Bei einem wiederkehrenden Spiel: nur dieses oder die ganze Serie ab hier',
              choices: { occurrence: 'nur dieses', series: 'die ganze Serie' },
            },
          },
        },
        edit: {
          description: 'Ein Spiel ändern, das du leitest',
          options: { game: { description: 'Das Spiel' } },
        },
      },
      group: {
        reminders: {
          description: 'Deine Erinnerungen: aus, wieder an oder deine eigene Vorlaufzeit',
          sub: {
            off: {
              description: 'Keine Erinnerungen (für ein Spiel oder alle Spiele)',
              options: { game: { description: 'Nur für dieses Spiel (ohne: für alle Spiele)' } },
            },
            on: {
              description: 'Wieder Erinnerungen (für ein Spiel oder alle Spiele)',
              options: { game: { description: 'Nur für dieses Spiel (ohne: für alle Spiele)' } },
            },
            lead: {
              description: 'So lange vor dem Beginn erinnert werden, statt zu den Erinnerungen des Spiels',
              options: {
                time: { description: 'Wie lange vorher: 30 (Minuten), 30m, 2h, 1d' },
                game: { description: 'Nur für dieses Spiel (ohne: für alle Spiele)' },
              },
            },
          },
        },
      },
    },
  },
};

export const GAMES_DISCORD_MESSAGES: Record<Locale, Messages> = {
  en: { games: { discord: en } },
  de: { games: { discord: de } },
};
