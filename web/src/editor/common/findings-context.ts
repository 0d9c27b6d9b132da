import { createContext, useContext } from 'react';
import type { Finding } from '../../../../src/domain/checks.ts';

/** The live findings of the draft, for fields to show what concerns them. */
export const FindingsContext = createContext<readonly Finding[]>([]);
export const useFindings = (): readonly Finding[] => useContext(FindingsContext);
