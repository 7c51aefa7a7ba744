import type { panel as en } from '../en/panel';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Chaînes françaises du panneau spectateur (ouvert depuis le lien `!panel`). */
export const panel: Widen<typeof en> = {
  panel: {
    title: 'Vos points',
    loading: 'Chargement…',
    balance: '{{balance}} {{currency}}',
    streak: 'Série : {{current}} lives (record {{best}})',
    passive: 'Les récompenses sont en pause : les points continuent de s’accumuler.',
    signOut: 'Se déconnecter',
    signOutEverywhere: 'Se déconnecter sur tous les appareils',
    signedOut: {
      title: 'Vous n’êtes pas connecté',
      body: 'Tapez !panel dans le chat pour recevoir un lien personnel, puis ouvrez-le ou collez-le ci-dessous.',
    },
    signIn: {
      pending: 'Connexion…',
      used: {
        title: 'Ce lien a déjà servi',
        body: 'Un lien ne sert qu’une fois. Tapez !panel dans le chat pour en obtenir un nouveau.',
      },
      expired: {
        title: 'Ce lien a expiré',
        body: 'Un lien vaut 10 minutes. Tapez !panel dans le chat pour en obtenir un nouveau.',
      },
      invalid: {
        title: 'Ce lien n’est pas valide',
        body: 'Tapez !panel dans le chat pour en obtenir un nouveau.',
      },
      failed: { title: 'Connexion impossible', body: 'Vérifiez votre connexion et réessayez.' },
    },
    paste: {
      label: 'Votre lien !panel',
      hint: 'Collez le lien que le bot vous a envoyé dans le chat.',
      invalid: 'Ce n’est pas un lien de panneau.',
      submit: 'Se connecter',
    },
    tabs: {
      rewards: 'Récompenses',
      goals: 'Objectifs et votes',
      queue: 'File',
      history: 'Historique',
      kofi: 'Ko-fi',
    },
    rewards: {
      empty: 'Aucune récompense pour le moment.',
      uncategorized: 'Toujours disponibles',
      price: '{{price}} {{currency}}',
      anyAmount: 'Montant libre',
      note: 'Votre message',
      noteOptional: 'Message (facultatif)',
      option: 'Votre choix',
      chooseOption: 'Choisir…',
      amount: 'Points à donner',
      votes: 'Votes',
      redeem: 'Échanger',
    },
    draft: {
      note_required: 'Cette récompense demande un message.',
      note_too_long: 'Le message est trop long.',
      amount_invalid: 'Entrez un nombre entier supérieur à 0.',
      option_required: 'Choisissez une option.',
    },
    result: {
      done: 'C’est fait : {{reward}} pour {{spent}}. Il vous reste {{balance}}.',
      queued: '{{reward}} est dans la file ({{spent}} dépensés). Il vous reste {{balance}}.',
      refused: {
        insufficient: 'Pas assez de points (vous en avez {{balance}}).',
        cooldown: 'En recharge : réessayez dans {{seconds}} s.',
        inactive: 'Cette récompense n’est pas disponible pour le moment.',
        limit: 'La limite de cette récompense est atteinte.',
        not_eligible: 'Cette récompense est réservée à d’autres spectateurs.',
        note_required: 'Cette récompense demande un message.',
        passive: 'Les récompenses sont en pause.',
        invalid: 'Cela ne convient pas à cette récompense : {{message}}',
      },
    },
    goals: { empty: 'Aucun objectif ni vote pour le moment.', progress: '{{progress}} sur {{target}}' },
    queue: { empty: 'La file est vide.', mine: 'la vôtre' },
    history: { empty: 'Rien pour l’instant.', more: 'Plus anciens' },
    reasons: {
      watch: 'Présence',
      follow: 'Follow',
      subscription: 'Abonnement',
      gift: 'Abonnements offerts',
      cheer: 'Cheer',
      raid: 'Raid',
      donation: 'Don',
      kofi: 'Ko-fi',
      meeting: 'Réunion',
      streak: 'Bonus de série',
      adjust: 'Ajusté par un modérateur',
      redeem: 'Récompense',
      refund: 'Remboursement',
      goal: 'Contribution à un objectif',
      vote: 'Vote',
      import: 'Importé',
    },
    kofi: {
      explain:
        'Entrez l’e-mail de votre compte Ko-fi : vos dons rapportent alors des points ici. Il ne sert à rien d’autre.',
      linked: 'Votre e-mail Ko-fi est lié. Entrez-en un autre pour le changer.',
      email: 'E-mail Ko-fi',
      submit: 'Lier Ko-fi',
      done: 'Lié.',
    },
  },
};
