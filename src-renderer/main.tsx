import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('Élément racine introuvable.');
createRoot(container).render(<h1>Missions</h1>);
