import type { Translation } from '../en';

/** Chaînes françaises de la sauvegarde et de la restauration. */
export const backup: Pick<Translation, 'backup'> = {
  backup: {
    title: 'Sauvegarde et restauration',
    description:
      'Tout cet espace dans un seul fichier JSON : réunions, questions, bots, récompenses, réglages, spectateurs, soldes et registre des points.',
    export: {
      title: 'Exporter',
      hint: 'Les connexions aux plateformes, les jetons d’API et les liens d’overlay ne sont pas inclus : reconnectez-les et recréez-les après une restauration.',
      download: 'Télécharger l’export',
    },
    schedule: {
      title: 'Sauvegardes automatiques',
      hint: 'Podium écrit une sauvegarde dans son dossier de données (DATA_DIR/backups) selon ce rythme et garde les plus récentes.',
      enabled: 'Sauvegarder automatiquement',
      intervalHours: 'Toutes les (heures)',
      intervalHint: '1 = toutes les heures.',
      keep: 'Sauvegardes à garder',
      save: 'Enregistrer',
      saved: 'Rythme enregistré.',
      now: 'Sauvegarder maintenant',
      last: 'Dernière sauvegarde : {{date}}',
      lastFailed: 'La dernière sauvegarde a échoué',
    },
    files: {
      empty: 'Aucune sauvegarde pour l’instant.',
      size: '{{kb}} Ko',
      download: 'Télécharger',
    },
    import: {
      title: 'Importer',
      hint: 'Importez un export comme nouvel espace dont vous êtes propriétaire. Les membres sont retrouvés par e-mail.',
      file: 'Fichier d’export',
      submit: 'Importer comme nouvel espace',
      done: '« {{name}} » a été importé.',
      copy: 'Cet espace existe déjà ici : l’import est une copie avec de nouveaux identifiants et codes.',
      unknownMembers: 'Aucun compte ici pour {{emails}} : invitez-les à nouveau.',
    },
  },
};
