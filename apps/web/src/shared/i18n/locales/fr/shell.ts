import type { Translation } from '../en';

/** Chaînes françaises : the app shell: shared words, errors, roles, navigation, theme and language. */
export const shell: Pick<
  Translation,
  | 'common'
  | 'errors'
  | 'roles'
  | 'roleDescriptions'
  | 'connection'
  | 'theme'
  | 'language'
  | 'authLayout'
  | 'header'
  | 'nav'
  | 'notFound'
  | 'crash'
> = {
  common: {
    appName: 'Podium',
    loading: 'Chargement…',
    retry: 'Réessayer',
    cancel: 'Annuler',
    close: 'Fermer',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    copy: 'Copier',
    copied: 'Copié',
    create: 'Créer',
    creating: 'Création…',
    remove: 'Retirer',
    revoke: 'Révoquer',
    you: 'vous',
    required: 'Obligatoire',
    showPassword: 'Afficher le mot de passe',
    skipToContent: 'Aller au contenu',
    hidePassword: 'Masquer le mot de passe',
  },
  errors: {
    network: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    generic: 'Une erreur est survenue. Veuillez réessayer.',
    invalidCredentials: 'Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.',
    tooManyAttempts: 'Trop de tentatives de connexion. Réessayez dans {{seconds}} secondes.',
    tooManyAttemptsLater: 'Trop de tentatives de connexion. Réessayez dans un instant.',
    emailTaken: 'Un compte existe déjà avec cette adresse e-mail.',
    lastOwner: 'Un espace de travail doit garder au moins un propriétaire.',
    forbidden: 'Votre rôle dans cet espace ne le permet pas.',
    fieldError: '{{field}} : {{message}}',
  },
  roles: {
    owner: 'Propriétaire',
    moderator: 'Modérateur',
    viewer: 'Observateur',
  },
  roleDescriptions: {
    owner: 'Gère les membres, les invitations et les réglages.',
    moderator: 'Anime : overlays, et bientôt réunions et bots.',
    viewer: 'Co-animateur en lecture seule.',
  },
  connection: {
    label: 'Connexion en direct',
    connecting: 'Connexion…',
    online: 'En direct',
    offline: 'Hors ligne',
    reconnecting: 'Hors ligne, reconnexion (tentative {{attempt}})',
  },
  theme: {
    label: 'Thème',
    system: 'Système',
    light: 'Clair',
    dark: 'Sombre',
  },
  language: {
    label: 'Langue',
    en: 'English',
    fr: 'Français',
  },
  authLayout: {
    tagline: 'Sondages, quiz, bots de chat et points en direct pour vos réunions et vos streams.',
  },
  header: {
    workspace: 'Espace de travail',
    newWorkspace: 'Nouvel espace',
    accountMenu: 'Menu du compte de {{name}}',
    signOut: 'Se déconnecter',
    signingOut: 'Déconnexion…',
  },
  nav: {
    label: "Sections de l'espace",
    overview: 'Aperçu',
    members: 'Membres',
    overlays: 'Overlays',
    settings: 'Réglages',
  },
  notFound: {
    title: 'Page introuvable',
    body: "Il n'y a rien à cette adresse.",
    home: 'Aller sur Podium',
  },
  crash: {
    title: 'Quelque chose a cassé',
    body: 'Une erreur inattendue a arrêté cette page. Recharger suffit souvent.',
    reload: 'Recharger',
  },
};
