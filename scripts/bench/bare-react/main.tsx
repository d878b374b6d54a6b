import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { benchMissionTitle, BENCH_MISSION_COUNT } from '../bench-missions';

const TITLES = Array.from({ length: BENCH_MISSION_COUNT }, (_, index) => benchMissionTitle(index));

/** The least a React 19 page can do to show the same list as Bocage's home screen and filter it. */
function BareList() {
  const [query, setQuery] = useState('');
  const shown = TITLES.filter((title) => title.toLowerCase().includes(query.toLowerCase()));
  return (
    <main>
      <h1>Missions</h1>
      <label htmlFor="search">Rechercher une mission</label>
      <input id="search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      <ul aria-label="Liste des missions">
        {shown.map((title) => (
          <li key={title}>
            <h2>
              <a href={`#${encodeURIComponent(title)}`}>{title}</a>
            </h2>
          </li>
        ))}
      </ul>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('Élément racine introuvable.');
createRoot(container).render(
  <StrictMode>
    <BareList />
  </StrictMode>,
);
