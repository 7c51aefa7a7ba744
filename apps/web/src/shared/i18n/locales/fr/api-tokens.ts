import type { Translation } from '../en';

/** Chaînes françaises de la page des jetons d’API. */
export const apiTokens: Pick<Translation, 'apiTokens'> = {
  apiTokens: {
    title: 'Jetons d’API',
    description:
      'Les jetons permettent à vos outils (Stream Deck, scripts OBS, bots Discord) d’appeler l’API de Podium pour cet espace. Envoyez-en un dans « Authorization: Bearer <token> ».',
    docsLink: 'Documentation de l’API',
    readOnly: 'Seuls les modérateurs et les propriétaires voient les jetons d’API de cet espace.',
    ownerOnly: 'Seuls les propriétaires peuvent créer et révoquer des jetons d’API.',
    create: {
      title: 'Nouveau jeton',
      name: 'Nom',
      nameHint: 'Où il sert, par ex. « Stream Deck ».',
      scopes: 'Ce qu’il peut faire',
      scopesHint: 'Ne donnez à un jeton que les droits dont son outil a besoin.',
      expiry: 'Expiration',
      expiryNever: 'Jamais',
      expiryDays: 'Dans {{count}} jours',
      expiryCustom: 'À une date…',
      customDate: 'Date d’expiration',
      customDateRequired: 'Choisissez une date',
      submit: 'Créer le jeton',
      submitting: 'Création…',
    },
    created: {
      title: 'Jeton créé',
      body: 'Copiez-le maintenant : il ne sera plus jamais affiché. Podium n’en garde qu’une empreinte.',
      label: 'Jeton d’API',
      example: 'Essayez-le :',
    },
    list: {
      title: 'Jetons',
      empty: 'Aucun jeton d’API pour l’instant.',
      createdAt: 'Créé le {{date}}',
      lastUsed: 'utilisé le {{date}}',
      neverUsed: 'jamais utilisé',
      expires: 'expire le {{date}}',
      noExpiry: 'sans expiration',
      revokeLabel: 'Révoquer {{name}}',
    },
    status: {
      active: 'Actif',
      expired: 'Expiré',
      revoked: 'Révoqué',
    },
    revoke: {
      title: 'Révoquer « {{name}} » ?',
      body: 'Les outils qui utilisent ce jeton cessent aussitôt de fonctionner. C’est définitif.',
    },
    scopes: {
      meetings: {
        read: 'Lire les réunions, questions et résultats',
        write: 'Créer et modifier réunions et questions',
        control: 'Piloter les réunions en direct (démarrer, suivante, clore, terminer)',
      },
      points: {
        read: 'Lire les spectateurs, soldes et historiques',
        write: 'Donner et retirer des points',
      },
      rewards: {
        read: 'Lire les récompenses, objectifs et votes',
        write: 'Gérer les récompenses, objectifs et votes',
      },
      queue: {
        read: 'Lire la file des échanges',
        write: 'Honorer, rembourser et refuser des échanges',
      },
      chat: {
        send: 'Envoyer des messages dans le chat',
      },
      bots: {
        write: 'Activer les bots et déclencher des annonces',
      },
      webhooks: {
        write: 'Gérer les webhooks sortants',
      },
      reports: {
        read: 'Lire les rapports de stream et de réunion',
      },
      export: {
        read: 'Exporter l’espace',
      },
    },
  },
};
