const SHORTCUTS: readonly [keys: string, action: string][] = [
  ['Tab', 'Entrer dans le tableau (sur la carte active) ou en sortir'],
  ['Flèches', 'Carte suivante ou précédente, zone après zone, dans l’ordre de lecture'],
  ['Origine / Fin', 'Première ou dernière carte du tableau'],
  ['Page suivante / précédente', 'Première carte de la zone suivante ou précédente'],
  ['Espace', 'Sélectionner ou désélectionner la carte'],
  ['Ctrl+A / Échap', 'Tout sélectionner / ne plus rien sélectionner'],
  ['Entrée ou F2', 'Modifier le texte de la carte (Entrée enregistre, Maj+Entrée va à la ligne, Échap annule)'],
  ['Alt+flèches', 'Déplacer les cartes sélectionnées de 10 points (avec Maj : 50 points)'],
  ['1 à 9', 'Envoyer les cartes sélectionnées dans la zone 1 à 9'],
  ['G', 'Regrouper les cartes sélectionnées (un titre est demandé)'],
  ['Suppr', 'Supprimer les cartes sélectionnées (Ctrl+Z les rétablit)'],
  ['Ctrl+Z / Ctrl+Maj+Z ou Ctrl+Y', 'Annuler / rétablir vos propres actions'],
  ['+ / −', 'Zoomer / dézoomer'],
  ['Espace+glisser, molette', 'Se déplacer sur le tableau (Ctrl+molette : zoom)'],
  ['Maj+glisser sur le fond', 'Sélectionner les cartes d’un rectangle'],
  ['Alt+1 à Alt+9 (saisie rapide)', 'Ajouter la carte tapée dans la zone 1 à 9'],
];

/** The board's keys, always at hand under the board (RGAA: every shortcut is documented). */
export function KeyboardShortcuts() {
  return (
    <details className="board-shortcuts">
      <summary>Raccourcis clavier</summary>
      <dl className="board-shortcuts__list">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} className="board-shortcuts__entry">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
