import type { Messages } from '../i18n.ts';
import { dashboardEn } from './dashboard-en.ts';

/** English: the complete catalogue and the fallback for every other locale. */
export const en = {
  discord: {
    errors: {
      unknownCommand:
        'This command is not available (any more). Try again in a minute, or ask an admin to update the commands.',
      unknownComponent: 'This button or menu no longer works. Run the command again for a fresh one.',
      outdatedComponent:
        'This button belongs to an older version of Guildhall. Run the command again for a fresh one.',
      expiredComponent: 'This has expired. Run the command again for fresh buttons.',
      unknownModal: 'This form is no longer available. Please open it again.',
      guildOnly: 'This only works in a server, not in direct messages.',
      moduleDisabled:
        'The “{{module}}” module is turned off on this server. An admin can turn it on in the dashboard’s server settings.',
      notMember: 'Guildhall does not know you as a member of this server yet. Please try again in a minute.',
      notAdmin: 'Only the server owner and members with Manage Server may do that.',
      missingCapability: 'You need the {{capability}} role of this server to do that.',
      missingPermissions: 'You need the “{{permissions}}” permission to do that.',
      optionInvalid: '“{{option}}” must be {{expected}}.',
      optionMissing: '“{{option}}” is required.',
      internal: 'Something went wrong on our side. Please try again later. (Reference: {{reference}})',
      unavailable: 'Discord did not answer in time. Please try again.',
      modalTooLate: 'Opening the form took too long. Please try again.',
    },
    capabilities: { host: 'host', moderator: 'moderator', verifier: 'verifier' },
    permissions: {
      Administrator: 'Administrator',
      ManageGuild: 'Manage Server',
      ManageMessages: 'Manage Messages',
      ManageRoles: 'Manage Roles',
      ManageEvents: 'Manage Events',
      ModerateMembers: 'Timeout Members',
    },
    optionTypes: {
      string: 'text',
      integer: 'a whole number',
      number: 'a number',
      boolean: 'yes or no',
      user: 'a member',
      channel: 'a channel',
      role: 'a role',
      mentionable: 'a member or a role',
      attachment: 'a file',
    },
    paginator: {
      previous: 'Previous',
      next: 'Next',
      page: 'Page {{page}} of {{pages}}',
      expired: 'These pages have expired. Run the command again.',
    },
    embeds: { continued: '{{title}} (continued)' },
  },
  interactions: {
    badSignature: 'The request signature is missing, forged or too old.',
    unknownBot: 'No bot identity named “{{bot}}” serves interactions here.',
    noPublicKey:
      'Interactions are not set up for bot identity “{{bot}}”: its public key (DISCORD_PUBLIC_KEY or publicKey in DISCORD_BOTS) is missing.',
    malformed: 'The interaction is not valid JSON of a Discord interaction.',
  },
  auth: {
    errors: {
      stateMismatch:
        'The sign-in could not be completed: it was started in another browser or took too long. Please sign in again.',
      exchangeFailed:
        'Discord did not accept the sign-in (the verification code did not match). Please sign in again.',
      denied: 'You cancelled the sign-in on Discord. Nothing was changed.',
      discordError: 'Discord refused the sign-in: {{error}}. Please sign in again.',
      noSharedGuild:
        'You share no server with the Guildhall bot. Invite the bot to your server, or ask an admin of a server that has it.',
      notConfigured:
        'Sign-in with Discord is not set up on this server: DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET are missing.',
      discordUnavailable:
        'Discord could not be reached to complete the sign-in. Please try again in a minute.',
      demoRefused:
        'The demo sign-in only works when Guildhall is reachable from this computer alone (bound to 127.0.0.1) and has no Discord credentials.',
      demoUnknownUser: 'There is no demo user {{userId}}. Choose one of: {{choices}}.',
      csrf: 'This change was refused because it did not come from the Guildhall dashboard (the CSRF token is missing or wrong). Reload the page and try again.',
      notASession: 'This request is authenticated by an API token, not by a session.',
      sessionNotFound: 'There is no such session.',
      sessionExpired: 'Your session has expired. Please sign in again.',
      sessionInvalid: 'Your session is no longer valid. Please sign in again.',
    },
    page: {
      title: 'Sign-in failed',
      back: 'Back to Guildhall',
      retry: 'Sign in again',
    },
  },
  sandbox: {
    errors: {
      unknownMessage: 'There is no such message in the sandbox.',
      unknownComponent: 'That message has no button or menu with this id.',
      notVisible: 'That message is not visible to you.',
      unknownPerson: 'There is no such person in the sandbox to act as.',
      onlyWithoutDiscord: 'The Discord sandbox only exists while no bot token is configured.',
    },
  },
  dashboard: dashboardEn,
} satisfies Messages;
