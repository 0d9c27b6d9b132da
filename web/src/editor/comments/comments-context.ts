import { createContext, useContext } from 'react';
import type { CommentItem } from '../../api/types.ts';

/** The Department's comments on the report being edited, for sections and budget rows to mark. */
export const CommentsContext = createContext<readonly CommentItem[]>([]);
export const useComments = (): readonly CommentItem[] => useContext(CommentsContext);
