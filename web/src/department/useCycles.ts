import { useEffect, useState } from 'react';
import { useLoad } from '../app/useLoad.ts';
import { deptApi, type Cycle } from './api.ts';

/** The province's cycles and the one being looked at (newest first by default). */
export function useCycles(): { cycles: Cycle[]; cycleId: string | undefined; setCycleId(id: string): void; error: string | undefined } {
  const { data, error } = useLoad(deptApi.cycles, 'cycles');
  const [cycleId, setCycleId] = useState<string>();
  useEffect(() => {
    if (!cycleId && data?.items[0]) setCycleId(data.items[0].id);
  }, [data, cycleId]);
  return { cycles: data?.items ?? [], cycleId, setCycleId, error };
}
