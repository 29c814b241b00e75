import type { Messages } from '#platform/i18n/i18n.ts';
import type { Locale } from '#platform/i18n/locales.ts';
import type { GamesErrorCode } from './errors.ts';

/**
 * The games module's messages (G1's part: `games.errors.*`, `games.notifications.*`). Errors are
 * also registered as `errors.<CODE>`, where the Discord layer looks a `UserError` up.
 */
const errorsEn: Record<GamesErrorCode, string> = {
  GAME_NOT_FOUND: 'That game was not found.',
  TEMPLATE_NOT_FOUND: 'That template was not found.',
  PARTICIPANT_NOT_FOUND: 'That member is not signed up for this game.',
  GAME_CLOSED: 'This game is {{status}}; its sign-up is closed.',
  ALREADY_JOINED: 'You are already signed up for this game ({{state}}).',
  NOT_JOINED: 'You are not signed up for this game.',
  NOT_WAITLISTED: 'That member is not on the waitlist.',
  GAME_FULL: 'This game has no free slot.',
  SIGNUP_HOST_ONLY: 'The host picks the players of this game; you cannot sign up yourself.',
  NOT_HOST: 'Only the host of this game or a server admin may do that.',
  NOT_ALLOWED_TO_HOST: 'You need a host role of this server to host games.',
  NOT_GUILD_ADMIN: 'Only the server owner and members with Manage Server may do that.',
  START_IN_PAST: 'The start time is in the past.',
  END_BEFORE_START: 'The end must be after the start.',
  MAX_BELOW_MIN: 'The maximum number of players is below the minimum.',
  UNKNOWN_TIMEZONE: '“{{timezone}}” is not a known time zone (use an IANA name such as Europe/Berlin).',
  CHANNEL_NOT_POSTABLE: 'Guildhall cannot post in that channel.',
  CHANNEL_NOT_ALLOWED: 'Games are announced only in the channels configured for this server.',
  FIELD_LOCKED: 'The template fixes “{{field}}”; it cannot be changed.',
  INVALID_RECURRENCE: 'That repetition is not valid.',
  INVALID_CURSOR: 'The page cursor is not valid; start from the first page.',
  INVALID_GAME_INPUT: 'The game is not valid: {{detail}}',
  TEMPLATE_NAME_TAKEN: 'A template named “{{name}}” exists already.',
};

const errorsDe: Record<GamesErrorCode, string> = {
  GAME_NOT_FOUND: 'Dieses Spiel wurde nicht gefunden.',
  TEMPLATE_NOT_FOUND: 'Diese Vorlage wurde nicht gefunden.',
  PARTICIPANT_NOT_FOUND: 'Dieses Mitglied ist für dieses Spiel nicht angemeldet.',
  GAME_CLOSED: 'Dieses Spiel ist {{status}}; die Anmeldung ist geschlossen.',
  ALREADY_JOINED: 'Du bist für dieses Spiel schon angemeldet ({{state}}).',
  NOT_JOINED: 'Du bist für dieses Spiel nicht angemeldet.',
  NOT_WAITLISTED: 'Dieses Mitglied steht nicht auf der Warteliste.',
  GAME_FULL: 'Dieses Spiel hat keinen freien Platz.',
  SIGNUP_HOST_ONLY: 'Bei diesem Spiel wählt der Host die Spieler aus; du kannst dich nicht selbst anmelden.',
  NOT_HOST: 'Nur der Host dieses Spiels oder ein Server-Admin darf das.',
  NOT_ALLOWED_TO_HOST: 'Du brauchst eine Host-Rolle dieses Servers, um Spiele zu leiten.',
  NOT_GUILD_ADMIN: 'Nur der Server-Besitzer und Mitglieder mit „Server verwalten“ dürfen das.',
  START_IN_PAST: 'Der Beginn liegt in der Vergangenheit.',
  END_BEFORE_START: 'Das Ende muss nach dem Beginn liegen.',
  MAX_BELOW_MIN: 'Die Höchstzahl an Spielern liegt unter der Mindestzahl.',
  UNKNOWN_TIMEZONE: '„{{timezone}}“ ist keine bekannte Zeitzone (nutze einen IANA-Namen wie Europe/Berlin).',
  CHANNEL_NOT_POSTABLE: 'Guildhall kann in diesem Kanal nicht schreiben.',
  CHANNEL_NOT_ALLOWED: 'Spiele werden nur in den für diesen Server eingestellten Kanälen angekündigt.',
  FIELD_LOCKED: 'Die Vorlage legt „{{field}}“ fest; es kann nicht geändert werden.',
  INVALID_RECURRENCE: 'Diese Wiederholung ist ungültig.',
  INVALID_CURSOR: 'Der Seiten-Cursor ist ungültig; beginne mit der ersten Seite.',
  INVALID_GAME_INPUT: 'Das Spiel ist ungültig: {{detail}}',
  TEMPLATE_NAME_TAKEN: 'Eine Vorlage namens „{{name}}“ gibt es schon.',
};

/** DMs the core asks the Discord side to send (NOTIFICATION_SEND_DM.messageKey). */
const notificationsEn = {
  reminder: '⏰ “{{title}}” starts {{when}}.',
  signupInstructions: 'You signed up for “{{title}}” ({{when}}). The host says:\n{{instructions}}',
  minPlayers: '“{{title}}” ({{when}}) has {{confirmed}} confirmed players; it needs at least {{minPlayers}}.',
};

const notificationsDe: typeof notificationsEn = {
  reminder: '⏰ „{{title}}“ beginnt {{when}}.',
  signupInstructions: 'Du hast dich für „{{title}}“ ({{when}}) angemeldet. Der Host sagt:\n{{instructions}}',
  minPlayers: '„{{title}}“ ({{when}}) hat {{confirmed}} feste Spieler; nötig sind mindestens {{minPlayers}}.',
};

export const GAMES_MESSAGES: Record<Locale, Messages> = {
  en: { games: { errors: errorsEn, notifications: notificationsEn }, errors: errorsEn },
  de: { games: { errors: errorsDe, notifications: notificationsDe }, errors: errorsDe },
};

export const NOTIFICATION_KEYS = {
  reminder: 'games.notifications.reminder',
  signupInstructions: 'games.notifications.signupInstructions',
  minPlayers: 'games.notifications.minPlayers',
} as const;
