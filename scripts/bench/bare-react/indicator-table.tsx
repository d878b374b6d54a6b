import { StrictMode, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { SHOW_COMMUNES_LABEL, type BareIndicatorTables } from '../bare-indicator-tables';

declare global {
  interface Window {
    /** Set by the benchmark before the page's scripts run: the same cells as Bocage's indicator view. */
    __bocageBenchPageData?: BareIndicatorTables;
  }
}

function subscribeToHash(notify: () => void): () => void {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}

function Tables({ data }: { data: BareIndicatorTables }) {
  // Hidden at first, as Bocage hides them for a mission of more than 12 communes.
  const [showCommunes, setShowCommunes] = useState(false);
  const headers = ['Indicateur', 'Année', 'Territoire de la mission', ...data.comparisons, ...(showCommunes ? data.communes : [])];
  return (
    <>
      <label>
        <input type="checkbox" checked={showCommunes} onChange={(event) => setShowCommunes(event.target.checked)} />
        {SHOW_COMMUNES_LABEL}
      </label>
      {data.themes.map((theme) => (
        <section key={theme.label}>
          <h3>{theme.label}</h3>
          <div role="region" aria-label={`Tableau : ${theme.label}`} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {headers.map((header) => (
                    <th key={header}>{header}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {theme.rows.map((row) => (
                  <tr key={row.label}>
                    <th>{row.label}</th>
                    {[String(row.year), row.mission, ...row.comparisons, ...(showCommunes ? row.communes : [])].map((text, index) => (
                      <td key={index}>{text}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

/**
 * The least a React 19 page can do to show the same indicator tables as Bocage, from inline data,
 * with the same section links ("#fiche" shows the mission's title alone) and the communes toggle.
 */
function BareIndicatorView({ data }: { data: BareIndicatorTables }) {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash);
  return (
    <main>
      <h1>{data.missionTitle}</h1>
      <nav aria-label="Parties de la mission">
        <ul>
          <li>
            <a href="#fiche">Fiche mission</a>
          </li>
          <li>
            <a href="#indicateurs">Indicateurs</a>
          </li>
        </ul>
      </nav>
      {hash === '#fiche' ? <h2>Fiche mission</h2> : <Tables data={data} />}
    </main>
  );
}

const container = document.getElementById('root');
const data = window.__bocageBenchPageData;
if (!container || !data) throw new Error('Élément racine ou données du tableau introuvables.');
createRoot(container).render(
  <StrictMode>
    <BareIndicatorView data={data} />
  </StrictMode>,
);
