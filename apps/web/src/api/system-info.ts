import { type SystemInfo, unwrap } from '@zhizhi/api-client';
import { useEffect, useState } from 'react';
import { api } from './api';

let cached: Promise<SystemInfo> | null = null;

function loadSystemInfo(): Promise<SystemInfo> {
  cached ??= unwrap(api.GET('/api/system/info')).catch((error: unknown) => {
    cached = null; // let the next caller retry
    throw error;
  });
  return cached;
}

/** Platform name, version, database dialect and region; fetched once per page load. */
export function useSystemInfo(): SystemInfo | undefined {
  const [info, setInfo] = useState<SystemInfo>();
  useEffect(() => {
    let current = true;
    loadSystemInfo()
      .then((value) => current && setInfo(value))
      .catch(() => undefined); // the header falls back to the bare app name
    return () => {
      current = false;
    };
  }, []);
  return info;
}
