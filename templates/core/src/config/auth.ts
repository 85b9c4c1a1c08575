/**
 * Whether an account must prove its email address before it can sign in.
 *
 * false (the default): sign-up signs the new account in at once; the verification mail is still sent, and opening
 * its link marks the address verified (`emailVerified`).
 * true: sign-up signs nobody in, and sign-in answers 403 EMAIL_NOT_VERIFIED until the link in the verification mail
 * is opened (which signs the account in). Turn it on once the app really sends email: while messages only go to the
 * development outbox (data/mail), nobody but you can read the link.
 */
export const requireEmailVerification = false;
