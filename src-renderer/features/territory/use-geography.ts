import { useEffect, useState } from 'react';
import { loadGeography, type LoadedGeography } from './geography-loader';

export function useGeography(): { loaded: LoadedGeography | null; failed: boolean } {
  const [loaded, setLoaded] = useState<LoadedGeography | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let active = true;
    loadGeography().then(
      (result) => active && setLoaded(result),
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
  }, []);
  return { loaded, failed };
}
