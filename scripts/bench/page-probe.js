// Runs inside the benchmarked page before any of its own scripts (see page-probe.ts). Every time
// is read from the page's clock, performance.now(), which starts at navigation start: the
// harness's polling and the DevTools protocol round trips stay out of the measure.
(() => {
  /**
   * @typedef {{ kind: 'count', selector: string, count: number, visible?: boolean }
   *   | { kind: 'heading', text: string }
   *   | { kind: 'field', label: string, value: string }} Condition
   * @type {{
   *   home?: { listSelector: string, itemCount: number, searchSelector: string, query: string },
   *   milestones?: { name: string, conditions: Condition[] }[],
   *   missionDatabasePrefix: string,
   * }}
   */
  const config = window.__bocageBenchConfig;

  /** Paint entries arrive a few frames after the paint itself, so they are collected as they come. */
  const firstContentfulPaint = new Promise((resolve) => {
    new PerformanceObserver((entries) => {
      const entry = entries.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
  const PAINT_REPORT_WAIT_MS = 3000;

  async function loadTimings() {
    const paintMs = await Promise.race([firstContentfulPaint, new Promise((resolve) => setTimeout(() => resolve(null), PAINT_REPORT_WAIT_MS))]);
    const [navigation] = performance.getEntriesByType('navigation');
    return {
      domContentLoadedMs: navigation instanceof PerformanceNavigationTiming ? navigation.domContentLoadedEventEnd : null,
      firstContentfulPaintMs: paintMs,
    };
  }

  /** When the main thread last finished a task of 50 ms or more (script parsing, a big render…). */
  let lastLongTaskEnd = 0;
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) lastLongTaskEnd = Math.max(lastLongTaskEnd, entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });

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

  function fieldLabelled(text) {
    const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
    return label?.control ?? null;
  }

  /** @param {Condition} condition */
  function holds(condition) {
    switch (condition.kind) {
      case 'count': {
        const found = document.querySelectorAll(condition.selector);
        const last = found[condition.count - 1];
        return found.length >= condition.count && (!condition.visible || Boolean(last?.checkVisibility()));
      }
      case 'heading':
        return document.querySelector('h1')?.textContent === condition.text;
      case 'field': {
        const input = fieldLabelled(condition.label);
        return input instanceof HTMLInputElement && input.value === condition.value && input.checkVisibility();
      }
      default:
        throw new Error(`Condition inconnue : ${JSON.stringify(condition)}.`);
    }
  }

  /**
   * Resolves with the page's time when `check` first returns true, checked after every DOM change
   * and every frame (an input's value changes without any DOM mutation).
   */
  function watch(check) {
    return new Promise((resolve) => {
      let done = false;
      const test = () => {
        if (done || !check()) return;
        done = true;
        observer.disconnect();
        resolve(performance.now());
      };
      const observer = new MutationObserver(test);
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      const everyFrame = () => {
        test();
        if (!done) requestAnimationFrame(everyFrame);
      };
      requestAnimationFrame(everyFrame);
    });
  }

  /**
   * Types the query the way React sees a keystroke: the native value setter (React's own setter
   * would swallow the change) followed by a bubbling input event.
   */
  function typeQuery(home) {
    const input = document.querySelector(home.searchSelector);
    if (!(input instanceof HTMLInputElement)) throw new Error(`Champ de recherche introuvable (${home.searchSelector}).`);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, home.query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  async function measureHome(home) {
    const items = () => document.querySelectorAll(`${home.listSelector} > li`);
    const listVisibleMs = await watch(() => holds({ kind: 'count', selector: `${home.listSelector} > li`, count: home.itemCount, visible: true }));
    // A task of its own, like a real keystroke: it waits behind whatever startup work is queued.
    setTimeout(() => typeQuery(home), 0);
    const interactiveMs = await watch(() => {
      const shown = items();
      return shown.length === 1 && shown[0]?.querySelector('h2')?.textContent === home.query;
    });
    return { listVisibleMs, interactiveMs };
  }

  const home = config.home ? measureHome(config.home) : null;

  const milestones = Promise.all(
    (config.milestones ?? []).map(async ({ name, conditions }) => [name, await watch(() => conditions.every(holds))]),
  ).then(Object.fromEntries);

  /** The mission id a link points to: the segment after "missions/" in its hash route. */
  function missionIdOf(link) {
    const segments = (link?.getAttribute('href') ?? '').split('/');
    const index = segments.indexOf('missions');
    return index >= 0 ? decodeURIComponent(segments[index + 1] ?? '') : '';
  }

  /** @type {Promise<{ clickMs: number, doneMs: number, documentRequestedBeforeClick: boolean }> | null} */
  let clickMeasure = null;

  window.__bocageBench = {
    /** Resolves once the home screen has responded to a search and its first paint is reported. */
    async homeTimings() {
      if (!home) throw new Error('La sonde n’a pas été configurée pour un écran d’accueil.');
      return { ...(await home), ...(await loadTimings()) };
    },

    /** Resolves once every configured milestone is reached, with the time of each. */
    async milestoneTimings() {
      return { milestones: await milestones, ...(await loadTimings()) };
    },

    /** Resolves once the main thread has run no long task for `quietMs`: the page has finished loading in the background. */
    settled(quietMs) {
      return new Promise((resolve) => {
        const check = () => {
          const quietFor = performance.now() - lastLongTaskEnd;
          if (quietFor >= quietMs) resolve();
          else setTimeout(check, quietMs - quietFor);
        };
        check();
      });
    },

    /** Call before the click: its event's own timestamp starts the measure, which ends when every condition holds. */
    armClick(conditions) {
      clickMeasure = new Promise((resolve) => {
        document.addEventListener(
          'click',
          (event) => {
            const link = event.target instanceof Element ? event.target.closest('a') : null;
            const documentRequestedBeforeClick = requestedMissionDatabases.includes(`${config.missionDatabasePrefix}${missionIdOf(link)}`);
            void watch(() => conditions.every(holds)).then((doneMs) => resolve({ clickMs: event.timeStamp, doneMs, documentRequestedBeforeClick }));
          },
          { capture: true, once: true },
        );
      });
    },

    clickMeasured() {
      if (!clickMeasure) throw new Error('armClick doit être appelé avant le clic.');
      return clickMeasure;
    },
  };
})();
