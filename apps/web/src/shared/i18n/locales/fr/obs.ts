import type { Translation } from '../en';

/** Chaînes françaises des actions OBS (récompenses et commandes). */
export const obs: Pick<Translation, 'obsAction'> = {
  obsAction: {
    label: 'Action OBS',
    hint: 'Nécessite l’overlay « obs » en source navigateur avec la permission de page « Accès avancé à OBS ».',
    none: 'Aucune',
    switchScene: 'Changer de scène',
    saveReplay: 'Enregistrer le replay',
    scene: 'Nom de la scène',
    sceneHint: 'Exactement comme dans OBS (majuscules comprises).',
  },
};
