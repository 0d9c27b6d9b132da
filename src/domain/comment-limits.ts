import { MAX_TEXT } from './limits.ts';

/** The longest comment the Department may write (characters); the API refuses longer, the form counts towards it. One value with the other limits (limits.ts). */
export const COMMENT_MAX_LENGTH = MAX_TEXT.comment;
