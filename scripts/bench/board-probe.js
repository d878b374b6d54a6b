// Evaluated in the board page once it is loaded (see board-interactions.ts): what the boards
// benchmark measures while a card is dragged, the board panned and cards captured. Every time is
// read from the page's clock, performance.now(), like page-probe.js; event timestamps share it.
(() => {
  /** A moment after the next frame: its rAF callbacks, style, layout and paint have run. */
  function afterNextFrame() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
  }

  /** @type {{ frameTimes: number[], longTasks: { startTime: number, duration: number }[], observer: PerformanceObserver, frame: number } | null} */
  let recording = null;

  /** @type {Promise<{ releaseMs: number, renderedMs: number, paintedMs: number }> | null} */
  let dropMeasure = null;

  /** @type {Promise<{ keydownMs: number, inDomMs: number, paintedMs: number }> | null} */
  let captureMeasure = null;

  /** Resolves with the page's time when `check` first holds, checked after every DOM change. */
  function whenDom(check) {
    return new Promise((resolve) => {
      const test = (records) => {
        if (!check(records)) return;
        observer.disconnect();
        resolve(performance.now());
      };
      const observer = new MutationObserver(test);
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    });
  }

  /** A measure that never ends would hang the benchmark: it fails with what it was waiting for. */
  const DEADLINE_MS = 30_000;
  function withinDeadline(promise, what) {
    let timer = 0;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Délai dépassé (${DEADLINE_MS / 1000} s) : ${what}.`)), DEADLINE_MS);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  }

  function cardElement(cardId) {
    return document.querySelector(`[data-card-id="${CSS.escape(cardId)}"]`);
  }

  window.__bocageBoardBench = {
    /** Every frame (its rAF timestamp) and every long task from now until stopRecording. */
    startRecording() {
      const frameTimes = [];
      const longTasks = [];
      const observer = new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
      });
      observer.observe({ type: 'longtask' });
      recording = { frameTimes, longTasks, observer, frame: 0 };
      const onFrame = (time) => {
        if (!recording) return;
        frameTimes.push(time);
        recording.frame = requestAnimationFrame(onFrame);
      };
      recording.frame = requestAnimationFrame(onFrame);
    },

    /** Waits for the frame in progress to end, so that long tasks finishing now are reported, then stops. */
    async stopRecording() {
      if (!recording) throw new Error('startRecording doit être appelé avant stopRecording.');
      await afterNextFrame();
      const current = recording;
      for (const entry of current.observer.takeRecords()) current.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
      current.observer.disconnect();
      cancelAnimationFrame(current.frame);
      recording = null;
      return { frameTimes: current.frameTimes, longTasks: current.longTasks };
    },

    /**
     * Call before releasing a dragged card: from the pointerup event's own timestamp until the
     * card is drawn at its new place (its transform changed, the drag offset gone), then painted.
     */
    armDrop(cardId) {
      const before = cardElement(cardId)?.style.transform;
      if (before === undefined) throw new Error(`Carte ${cardId} absente de la page.`);
      dropMeasure = new Promise((resolve) => {
        document.addEventListener(
          'pointerup',
          (event) => {
            const releaseMs = event.timeStamp;
            const moved = () => {
              const element = cardElement(cardId);
              return element !== null && element.style.transform !== before && element.style.translate === '';
            };
            const rendered = moved() ? Promise.resolve(performance.now()) : whenDom(moved);
            void rendered.then(async (renderedMs) => resolve({ releaseMs, renderedMs, paintedMs: await afterNextFrame() }));
          },
          { capture: true, once: true },
        );
      });
    },

    dropMeasured() {
      if (!dropMeasure) throw new Error('armDrop doit être appelé avant de relâcher la carte.');
      return withinDeadline(dropMeasure, 'carte déposée à sa nouvelle place');
    },

    /**
     * Call before pressing Enter in the capture field: from the keydown event's own timestamp
     * until a card showing `text` is in the DOM, then painted.
     */
    armCapture(text) {
      // React inserts a new card with its content: its text is there when the element arrives.
      const showsText = (node) =>
        node instanceof Element &&
        [node, ...node.querySelectorAll('[data-card-id]')].some((card) => card.matches('[data-card-id]') && card.querySelector('p')?.textContent === text);
      captureMeasure = new Promise((resolve) => {
        document.addEventListener(
          'keydown',
          (event) => {
            if (event.key !== 'Enter') return;
            const keydownMs = event.timeStamp;
            const added = (records) => records.some((record) => [...record.addedNodes].some(showsText));
            void whenDom(added).then(async (inDomMs) => resolve({ keydownMs, inDomMs, paintedMs: await afterNextFrame() }));
          },
          { capture: true, once: true },
        );
      });
    },

    captureMeasured() {
      if (!captureMeasure) throw new Error('armCapture doit être appelé avant la touche Entrée.');
      return withinDeadline(captureMeasure, 'carte saisie affichée sur le tableau');
    },
  };
})();
