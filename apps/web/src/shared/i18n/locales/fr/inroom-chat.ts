import type { Translation } from '../en';

/** Chaînes françaises : le chat de la salle (voir locales/en/inroom-chat.ts). */
export const inroomChat: Pick<Translation, 'inroomChat'> = {
  inroomChat: {
    title: 'Chat',
    show: 'Afficher le chat',
    hide: 'Masquer le chat',
    unread_one: '{{count}} nouveau message',
    unread_other: '{{count}} nouveaux messages',
    empty: "Aucun message pour l'instant. Dites bonjour !",
    messagesLabel: 'Messages du chat',
    host: 'Animateur',
    you: 'vous',
    label: 'Votre message',
    charactersLeft_one: '{{count}} caractère restant',
    charactersLeft_other: '{{count}} caractères restants',
    send: 'Envoyer',
    errors: {
      offline: "Pas de connexion : votre message n'est pas parti. Réessayez une fois la connexion revenue.",
      tooFast: 'Vous envoyez des messages trop vite. Attendez un instant puis réessayez.',
      tooLong: 'Ce message est trop long : {{max}} caractères au maximum.',
      empty: "Écrivez d'abord un message.",
      refused: "Les filtres de l'animateur ont refusé ce message.",
      removed: 'La modération du chat a retiré ce message pour tout le monde.',
      silenced_one:
        'Un modérateur vous a réduit au silence : vous pourrez écrire à nouveau dans {{count}} seconde.',
      silenced_other:
        'Un modérateur vous a réduit au silence : vous pourrez écrire à nouveau dans {{count}} secondes.',
      silencedForGood: 'Un modérateur vous a retiré de ce chat : vous ne pouvez plus y écrire.',
    },
  },
};
