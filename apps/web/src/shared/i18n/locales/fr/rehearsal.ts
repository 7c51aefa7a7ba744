import type { Translation } from '../en';

/** Chaînes françaises : le mode répétition, le simulateur de chat intégré. */
export const rehearsal: Pick<Translation, 'rehearsal'> = {
  rehearsal: {
    title: 'Répétition',
    description:
      'Essayez les bots, alertes, questions et points avec de faux spectateurs avant le direct. Ce que vous injectez suit les mêmes règles qu’une vraie plateforme et apparaît comme « Répétition » dans le journal du chat.',
    readOnly: 'Seuls les modérateurs et les propriétaires peuvent répéter.',
    loadError: 'Le mode répétition n’a pas pu s’ouvrir : {{message}}',
    viewer: {
      title: 'Faux spectateur',
      name: 'Nom',
      nameHint: 'Un même nom est toujours le même spectateur.',
      roles: 'Rôles',
    },
    message: {
      label: 'Message',
      hint: 'Tapez une commande comme !help, ou ce que dirait un spectateur.',
      send: 'Envoyer',
    },
    events: {
      title: 'Événements de ce spectateur',
      follow: 'Suivre',
      subscription: 'S’abonner',
      gift: 'Offrir des abonnements',
      cheer: 'Cheer',
      raid: 'Raid',
      donation: 'Faire un don',
    },
    amounts: {
      bits: 'Bits',
      amount: 'Montant',
      currency: 'Devise',
      giftCount: 'Abonnements offerts',
      raidViewers: 'Raiders',
      months: 'Mois',
      tier: 'Niveau',
    },
    stream: {
      title: 'Direct simulé',
      live: 'En direct',
      offline: 'Hors ligne',
      goLive: 'Passer en direct',
      goOffline: 'Terminer le direct',
    },
    burst: {
      title: 'Rafale d’une commande',
      hint: 'La même ligne envoyée par de nombreux faux spectateurs distincts (viewer1, viewer2…), pour essayer un bot de révolution.',
      text: 'Commande',
      viewers: 'Spectateurs',
      spread: 'Étalée sur (secondes)',
      send: 'Envoyer la rafale',
    },
    recorded_one: '{{count}} événement enregistré.',
    recorded_other: '{{count}} événements enregistrés.',
  },
};
