/** The longest comment the Department may write (characters); the API refuses longer, the form counts towards it. */
export const COMMENT_MAX_LENGTH = 5000;
