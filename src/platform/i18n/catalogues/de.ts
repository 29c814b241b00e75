import type { Messages } from '../i18n.ts';
import { dashboardDe } from './dashboard-de.ts';

/** German: complete for everything the English catalogue has. */
export const de = {
  discord: {
    errors: {
      unknownCommand:
        'Diesen Befehl gibt es nicht (mehr). Versuche es in einer Minute erneut oder bitte einen Admin, die Befehle zu aktualisieren.',
      unknownComponent:
        'Dieser Knopf oder dieses Menü funktioniert nicht mehr. Führe den Befehl erneut aus, um einen neuen zu bekommen.',
      outdatedComponent:
        'Dieser Knopf stammt von einer älteren Guildhall-Version. Führe den Befehl erneut aus, um einen neuen zu bekommen.',
      expiredComponent: 'Das ist abgelaufen. Führe den Befehl erneut aus, um neue Knöpfe zu bekommen.',
      unknownModal: 'Dieses Formular ist nicht mehr verfügbar. Bitte öffne es erneut.',
      guildOnly: 'Das geht nur auf einem Server, nicht in Direktnachrichten.',
      moduleDisabled:
        'Das Modul „{{module}}“ ist auf diesem Server ausgeschaltet. Ein Admin kann es in den Servereinstellungen im Dashboard einschalten.',
      notMember:
        'Guildhall kennt dich noch nicht als Mitglied dieses Servers. Bitte versuche es in einer Minute erneut.',
      notAdmin: 'Das dürfen nur der Serverbesitzer und Mitglieder mit „Server verwalten“.',
      missingCapability: 'Dafür brauchst du die Rolle {{capability}} auf diesem Server.',
      missingPermissions: 'Dafür brauchst du die Berechtigung „{{permissions}}“.',
      optionInvalid: '„{{option}}“ muss {{expected}} sein.',
      optionMissing: '„{{option}}“ ist erforderlich.',
      internal:
        'Bei uns ist etwas schiefgegangen. Bitte versuche es später erneut. (Referenz: {{reference}})',
      unavailable: 'Discord hat nicht rechtzeitig geantwortet. Bitte versuche es erneut.',
      modalTooLate: 'Das Öffnen des Formulars hat zu lange gedauert. Bitte versuche es erneut.',
    },
    capabilities: { host: 'Gastgeber', moderator: 'Moderator', verifier: 'Prüfer' },
    permissions: {
      Administrator: 'Administrator',
      ManageGuild: 'Server verwalten',
      ManageMessages: 'Nachrichten verwalten',
      ManageRoles: 'Rollen verwalten',
      ManageEvents: 'Events verwalten',
      ModerateMembers: 'Mitglieder timeouten',
    },
    optionTypes: {
      string: 'ein Text',
      integer: 'eine ganze Zahl',
      number: 'eine Zahl',
      boolean: 'ja oder nein',
      user: 'ein Mitglied',
      channel: 'ein Kanal',
      role: 'eine Rolle',
      mentionable: 'ein Mitglied oder eine Rolle',
      attachment: 'eine Datei',
    },
    paginator: {
      previous: 'Zurück',
      next: 'Weiter',
      page: 'Seite {{page}} von {{pages}}',
      expired: 'Diese Seiten sind abgelaufen. Führe den Befehl erneut aus.',
    },
    embeds: { continued: '{{title}} (Fortsetzung)' },
  },
  interactions: {
    badSignature: 'Die Signatur der Anfrage fehlt, ist gefälscht oder zu alt.',
    unknownBot: 'Keine Bot-Identität namens „{{bot}}“ beantwortet hier Interaktionen.',
    noPublicKey:
      'Interaktionen sind für die Bot-Identität „{{bot}}“ nicht eingerichtet: ihr öffentlicher Schlüssel (DISCORD_PUBLIC_KEY oder publicKey in DISCORD_BOTS) fehlt.',
    malformed: 'Die Interaktion ist kein gültiges JSON einer Discord-Interaktion.',
  },
  auth: {
    errors: {
      stateMismatch:
        'Die Anmeldung konnte nicht abgeschlossen werden: Sie wurde in einem anderen Browser begonnen oder hat zu lange gedauert. Bitte melde dich erneut an.',
      exchangeFailed:
        'Discord hat die Anmeldung nicht akzeptiert (der Prüfcode passte nicht). Bitte melde dich erneut an.',
      denied: 'Du hast die Anmeldung bei Discord abgebrochen. Es wurde nichts geändert.',
      discordError: 'Discord hat die Anmeldung abgelehnt: {{error}}. Bitte melde dich erneut an.',
      noSharedGuild:
        'Du teilst keinen Server mit dem Guildhall-Bot. Lade den Bot auf deinen Server ein oder frage einen Admin eines Servers, auf dem er ist.',
      notConfigured:
        'Die Anmeldung mit Discord ist auf diesem Server nicht eingerichtet: DISCORD_CLIENT_ID und DISCORD_CLIENT_SECRET fehlen.',
      discordUnavailable:
        'Discord war nicht erreichbar, um die Anmeldung abzuschließen. Bitte versuche es in einer Minute erneut.',
      demoRefused:
        'Die Demo-Anmeldung funktioniert nur, wenn Guildhall ausschließlich von diesem Computer erreichbar ist (an 127.0.0.1 gebunden) und keine Discord-Zugangsdaten hat.',
      demoUnknownUser: 'Es gibt keinen Demo-Benutzer {{userId}}. Wähle einen von: {{choices}}.',
      csrf: 'Diese Änderung wurde abgelehnt, weil sie nicht vom Guildhall-Dashboard kam (das CSRF-Token fehlt oder ist falsch). Lade die Seite neu und versuche es erneut.',
      notASession: 'Diese Anfrage ist mit einem API-Token angemeldet, nicht mit einer Sitzung.',
      sessionNotFound: 'Diese Sitzung gibt es nicht.',
      sessionExpired: 'Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.',
      sessionInvalid: 'Deine Sitzung ist nicht mehr gültig. Bitte melde dich erneut an.',
    },
    page: {
      title: 'Anmeldung fehlgeschlagen',
      back: 'Zurück zu Guildhall',
      retry: 'Erneut anmelden',
    },
  },
  sandbox: {
    errors: {
      unknownMessage: 'Diese Nachricht gibt es in der Sandbox nicht.',
      unknownComponent: 'Diese Nachricht hat keinen Knopf und kein Menü mit dieser Kennung.',
      notVisible: 'Diese Nachricht ist für dich nicht sichtbar.',
      unknownPerson: 'In der Sandbox gibt es keine solche Person, als die du handeln könntest.',
      onlyWithoutDiscord: 'Die Discord-Sandbox gibt es nur, solange kein Bot-Token eingerichtet ist.',
    },
  },
  dashboard: dashboardDe,
} satisfies Messages;
