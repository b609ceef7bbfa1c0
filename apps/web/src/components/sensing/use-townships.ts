import type { Division } from '@zhizhi/api-client';
import { useEffect, useState } from 'react';
import { loadDivisions } from '../../api/divisions';

/** The townships (镇街) of the deployment's district, for filters and names; empty until loaded. */
export function useTownships(): Division[] {
  const [townships, setTownships] = useState<Division[]>([]);
  useEffect(() => {
    let current = true;
    loadDivisions()
      .then((top) => (top[0] ? loadDivisions(top[0].code) : []))
      .then((items) => current && setTownships(items))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return townships;
}
