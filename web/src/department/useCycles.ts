import { useEffect, useState } from 'react';
import { defaultCycle } from '../../../src/domain/cycle-choice.ts';
import { useLoad } from '../app/useLoad.ts';
import { deptApi, type Cycle } from './api.ts';

/**
 * The province's cycles (newest first, each with its count of reports waiting for review) and the
 * one being looked at: by default the newest with pending reviews, else the newest.
 */
export function useCycles(): { cycles: Cycle[]; cycleId: string | undefined; setCycleId(id: string): void; error: string | undefined } {
  const { data, error } = useLoad(deptApi.cycles, 'cycles');
  const [cycleId, setCycleId] = useState<string>();
  useEffect(() => {
    const first = data && defaultCycle(data.items);
    if (!cycleId && first) setCycleId(first.id);
  }, [data, cycleId]);
  return { cycles: data?.items ?? [], cycleId, setCycleId, error };
}
