// Runs inside the benchmarked page before any of its own scripts (see page-probe.ts). Every time
// is read from the page's clock, performance.now(), which starts at navigation start: the
// harness's polling and the DevTools protocol round trips stay out of the measure.
(() => {
  /** @type {{ listSelector: string, itemCount: number, searchSelector: string, query: string, missionDatabasePrefix: string }} */
  const config = window.__bocageBenchConfig;
  const listItems = () => document.querySelectorAll(`${config.listSelector} > li`);

  /** Paint entries arrive a few frames after the paint itself, so they are collected as they come. */
  const firstContentfulPaint = new Promise((resolve) => {
    new PerformanceObserver((entries) => {
      const entry = entries.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
  const PAINT_REPORT_WAIT_MS = 3000;

  /**
   * Each mission document lives in an IndexedDB database of its own. Watching their opening tells
   * whether a click found its document still on disk or already requested by the app.
   */
  const requestedMissionDatabases = [];
  const openDatabase = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const request = openDatabase.apply(this, args);
    const name = String(args[0]);
    if (name.startsWith(config.missionDatabasePrefix) && !requestedMissionDatabases.includes(name)) {
      requestedMissionDatabases.push(name);
    }
    return request;
  };

  /**
   * Types the query the way React sees a keystroke: the native value setter (React's own setter
   * would swallow the change) followed by a bubbling input event.
   */
  function typeQuery() {
    const input = document.querySelector(config.searchSelector);
    if (!(input instanceof HTMLInputElement)) throw new Error(`Champ de recherche introuvable (${config.searchSelector}).`);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, config.query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  const home = new Promise((resolve) => {
    const marks = { listVisibleMs: 0, interactiveMs: 0 };
    let phase = 'waiting-for-list';
    const observer = new MutationObserver(() => {
      const items = listItems();
      if (phase === 'waiting-for-list') {
        const last = items[config.itemCount - 1];
        if (items.length >= config.itemCount && last?.checkVisibility()) {
          marks.listVisibleMs = performance.now();
          phase = 'waiting-for-filter';
          // A task of its own, like a real keystroke: it waits behind whatever startup work is queued.
          setTimeout(typeQuery, 0);
        }
      } else if (items.length === 1 && items[0]?.querySelector('h2')?.textContent === config.query) {
        marks.interactiveMs = performance.now();
        observer.disconnect();
        resolve(marks);
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });

  /** @type {Promise<{ clickMs: number, openedMs: number, documentRequestedBeforeClick: boolean }> | null} */
  let missionOpened = null;

  function titleInput() {
    const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === 'Titre');
    return label?.control ?? null;
  }

  /** The mission id a link points to: the last segment of its hash route. */
  function missionIdOf(link) {
    const segments = (link?.getAttribute('href') ?? '').split('/');
    return decodeURIComponent(segments[segments.length - 1] ?? '');
  }

  window.__bocageBench = {
    /** Resolves once the home screen has responded to a search and its first paint is reported. */
    async homeTimings() {
      const marks = await home;
      const paintMs = await Promise.race([firstContentfulPaint, new Promise((resolve) => setTimeout(() => resolve(null), PAINT_REPORT_WAIT_MS))]);
      const [navigation] = performance.getEntriesByType('navigation');
      return {
        ...marks,
        domContentLoadedMs: navigation instanceof PerformanceNavigationTiming ? navigation.domContentLoadedEventEnd : null,
        firstContentfulPaintMs: paintMs,
      };
    },

    /** Call before clicking the mission's link: the click's own timestamp starts the measure. */
    armMissionOpen(title) {
      missionOpened = new Promise((resolve) => {
        let clickMs = -1;
        let documentRequestedBeforeClick = false;
        let done = false;
        const check = () => {
          if (done || clickMs < 0) return;
          const heading = document.querySelector('h1');
          const input = titleInput();
          if (heading?.textContent === title && input instanceof HTMLInputElement && input.value === title && input.checkVisibility()) {
            done = true;
            observer.disconnect();
            resolve({ clickMs, openedMs: performance.now(), documentRequestedBeforeClick });
          }
        };
        // An input's value can change without any DOM mutation, hence the per-frame check as well.
        const everyFrame = () => {
          check();
          if (!done) requestAnimationFrame(everyFrame);
        };
        const observer = new MutationObserver(check);
        document.addEventListener(
          'click',
          (event) => {
            clickMs = event.timeStamp;
            const link = event.target instanceof Element ? event.target.closest('a') : null;
            documentRequestedBeforeClick = requestedMissionDatabases.includes(`${config.missionDatabasePrefix}${missionIdOf(link)}`);
            observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
            requestAnimationFrame(everyFrame);
          },
          { capture: true, once: true },
        );
      });
    },

    missionOpened() {
      if (!missionOpened) throw new Error('armMissionOpen doit être appelé avant le clic.');
      return missionOpened;
    },
  };
})();
