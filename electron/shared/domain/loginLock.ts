/**
 * The sign-in lock rule, shown on the login page in the same words for every username before it happens. Fixed, not a
 * setting: the core (auth:login) applies exactly these numbers. Kept out of the contract modules so the sign-in screen
 * can show it without loading zod and the API schemas.
 */
export const LOGIN_LOCK_RULE = { maxFailedLogins: 5, lockMinutes: 10 } as const
